import Foundation

/// The short code that names an organisation everywhere in Triangulate, e.g. `CQC`, `NMC`,
/// `KNOWSLEY-ASC`: 2–24 characters, capital letters, digits and hyphens, starting with a letter.
public struct OrganisationCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The code, in capitals.
    public let rawValue: String

    /// Validates a code, accepting lower case and surrounding spaces.
    public init(parsing text: String) throws(ModelError) {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...24).contains(code.count), let first = code.first, first.isASCII, first.isLetter,
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw ModelError(
                .invalidValue,
                "'\(text)' is not an organisation code: use 2–24 letters, digits or hyphens starting with a letter, such as CQC or KNOWSLEY-ASC"
            )
        }
        self.rawValue = code
    }

    /// Makes a code from text known to be valid (reference data in this package).
    init(known text: String) { self.rawValue = text }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try OrganisationCode(parsing: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
