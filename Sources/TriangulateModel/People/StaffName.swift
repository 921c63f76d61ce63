import Foundation

/// The name a member of staff signs in with and is recorded under, e.g. `a.khan` or
/// `Dr A Khan`: 1 to 64 characters, letters, digits, spaces and `.-_'`, not starting or ending
/// with a space. It appears in the history of every step they take.
public struct StaffName: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The name as given, with surrounding spaces removed.
    public let rawValue: String

    /// Checks a name; throws saying what is wrong with it.
    public init(parsing text: String) throws(ModelError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else {
            throw ModelError(.invalidValue, "a person's name must be 1 to 64 characters")
        }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " .-_'".unicodeScalars.contains(scalar)
        }
        guard allowed else {
            throw ModelError(.invalidValue, "a person's name may hold letters, digits, spaces and . - _ ' only")
        }
        rawValue = trimmed
    }

    public var description: String { rawValue }
    public static func < (lhs: StaffName, rhs: StaffName) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
