import Foundation

/// A closed set of named values that people type on the command line, such as a concern
/// category or a payload class.
public protocol Choice: Hashable, Sendable, CaseIterable, Codable, CodingKeyRepresentable, RawRepresentable
where RawValue == String {
    /// What the value is called in messages, e.g. "category".
    static var choiceName: String { get }
}

extension Choice {
    /// Parses one of the raw values, ignoring case and surrounding spaces; an unknown value
    /// throws an error that lists the accepted ones.
    public static func parse(_ text: String) throws(ModelError) -> Self {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = allCases.first(where: { $0.rawValue.lowercased() == wanted }) { return value }
        let accepted = allCases.map(\.rawValue).joined(separator: ", ")
        throw ModelError(.invalidValue, "unknown \(choiceName) '\(text)': use one of \(accepted)")
    }

    /// The accepted raw values, for help texts.
    public static var acceptedValues: String { allCases.map(\.rawValue).joined(separator: "|") }
}
