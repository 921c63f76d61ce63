import Foundation

/// Where the information behind a concern came from, and how far it can be relied on
/// ("evaluate information and source", ECP §4.2).
public struct Source: Hashable, Codable, Sendable {
    /// The kind of source.
    public var type: SourceType
    /// Whether the information was shared by a third party, with whatever confidentiality
    /// conditions that brings.
    public var isThirdParty: Bool
    /// How reliable the source is, graded A–F (Admiralty scale); `nil` until evaluated.
    public var reliability: SourceReliability?
    /// How credible the information is, graded 1–6 (Admiralty scale); `nil` until evaluated.
    public var credibility: InformationCredibility?

    /// Makes a source.
    public init(type: SourceType, isThirdParty: Bool = false, reliability: SourceReliability? = nil,
                credibility: InformationCredibility? = nil) {
        self.type = type
        self.isThirdParty = isThirdParty
        self.reliability = reliability
        self.credibility = credibility
    }
}

/// The kinds of source the seeds name.
public enum SourceType: String, Choice {
    case whistleblower, complaint, inspection
    case enterAndView = "enter-and-view"
    case ombudsmanDecision = "ombudsman-decision"
    case section42Enquiry = "s42-enquiry"
    case incidentReport = "incident-report"
    case intelligenceMeeting = "intelligence-meeting"
    case partnerOrganisation = "partner-organisation"
    case safeguardingAdultsReview = "safeguarding-adults-review"
    case notification, media, other

    public static let choiceName = "source type"
}

/// The reliability of a source on the Admiralty (NATO) scale.
public enum SourceReliability: String, Choice {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"
    public static let choiceName = "source reliability (A completely reliable … F cannot be judged)"
}

/// The credibility of a piece of information on the Admiralty (NATO) scale.
public enum InformationCredibility: String, Choice {
    case one = "1", two = "2", three = "3", four = "4", five = "5", six = "6"
    public static let choiceName = "information credibility (1 confirmed … 6 cannot be judged)"
}
