/// The name of a kind of shareable document, e.g. `concern-summary` or `healthwatch-escalation`.
/// A process declares its types; the sync core and the hub know only the name and the schema a
/// share declares with it. Names are unique across every process in the registry.
public struct DocumentType: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The name, as on the wire: 2 to 48 of `a`–`z`, `0`–`9` and `-`, starting with a letter.
    public let rawValue: String

    /// The type named `name`, if it is a well-formed type name.
    public init?(rawValue name: String) {
        guard Self.isWellFormed(name) else { return nil }
        self.rawValue = name
    }

    /// A type a process declares in code; a malformed name is a programming error.
    public init(declared name: String) {
        precondition(Self.isWellFormed(name), "'\(name)' is not a well-formed document type name")
        self.rawValue = name
    }

    /// Whether `name` is 2 to 48 of `a`–`z`, `0`–`9` and `-`, starting with a letter.
    /// Reads the name's bytes where they lie, with no copy.
    public static func isWellFormed(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (2...48).contains(bytes.count), let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return bytes.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
    }

    public var description: String { rawValue }

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let type = Self(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(name)' is not a document type name"))
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
