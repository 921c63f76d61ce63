import Foundation

/// A CQC provider or location id: `1-` and 9–11 digits for independent providers, or an
/// ODS-style code of 3–5 capital letters and digits for NHS bodies (DOMAIN.md §2.2).
public struct CQCIdentifier: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The normalised id.
    public let rawValue: String

    /// Whether the id is an ODS-style NHS code rather than a `1-` CQC id.
    public var isODSStyle: Bool { !rawValue.hasPrefix("1-") }

    /// Validates and normalises an id (spaces removed, letters in capitals).
    public init(parsing text: String) throws(ModelError) {
        let id = text.filter { !$0.isWhitespace }.uppercased()
        let digits = id.dropFirst(2)
        let isCQC = id.hasPrefix("1-") && (9...11).contains(digits.count)
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
        let isODS = (3...5).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            && id.contains(where: \.isLetter)
        guard isCQC || isODS else {
            throw ModelError(
                .invalidValue,
                "'\(text)' is not a CQC id: write 1- and 9 to 11 digits (e.g. 1-102643096), or an NHS ODS code (e.g. RX1)"
            )
        }
        self.rawValue = id
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try CQCIdentifier(parsing: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
