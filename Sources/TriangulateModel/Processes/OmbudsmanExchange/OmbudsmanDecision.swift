import Foundation

/// What an Ombudsman decided on an adult social care complaint, as LGSCO's "Overall decision
/// detail" says it (DOMAIN.md §2.4). The text is always kept verbatim; this is its meaning where
/// known, and an unknown text is flagged, never refused.
public enum OmbudsmanDecision: String, Choice {
    case upheld
    case notUpheld = "not-upheld"
    case closedAfterInitialEnquiries = "closed-after-initial-enquiries"
    case referredBackForLocalResolution = "referred-back-for-local-resolution"
    case adviceGiven = "advice-given"
    case incompleteInvalid = "incomplete-invalid"
    case withdrawn

    public static let choiceName = "decision"

    /// The decision an "Overall decision detail" names, or nil for a text not known.
    public static func classify(_ detail: String) -> OmbudsmanDecision? {
        let text = detail.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        // The order matters: "not upheld" contains "upheld".
        let known: [(String, OmbudsmanDecision)] = [
            ("not upheld", .notUpheld), ("no fault", .notUpheld), ("upheld", .upheld),
            ("closed after initial enquiries", .closedAfterInitialEnquiries), ("closed after initial enquiry", .closedAfterInitialEnquiries),
            ("referred back for local resolution", .referredBackForLocalResolution), ("premature", .referredBackForLocalResolution),
            ("advice given", .adviceGiven), ("incomplete", .incompleteInvalid), ("invalid", .incompleteInvalid), ("withdrawn", .withdrawn),
        ]
        return known.first { text.hasPrefix($0.0) || text.contains(" \($0.0)") }?.1
    }

    /// Whether it is a finding of fault, so that LGSCO sends CQC the final decision early.
    public var isFault: Bool { self == .upheld }
}
