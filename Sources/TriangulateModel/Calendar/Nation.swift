import Foundation

/// The three UK jurisdictions with their own bank holidays, named as GOV.UK names them.
public enum Nation: String, CaseIterable, Codable, Sendable {
    case englandAndWales = "england-and-wales"
    case scotland
    case northernIreland = "northern-ireland"

    /// Parses a nation's name, refusing anything else with the names allowed.
    public init(parsing text: String) throws(ModelError) {
        guard let nation = Nation(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ModelError(.invalidValue, "'\(text)' is not a nation: use \(Nation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = nation
    }

    /// The nation's name for people, e.g. "England and Wales".
    public var label: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}
