/// Names one replica — one node's copy of the shared documents — in every change it makes.
/// Ties between equal clock readings are broken by comparing replica ids.
public struct ReplicaID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The id, e.g. the node's organisation code and key id.
    public let rawValue: String

    /// Makes a replica id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
