import Crypto
import Foundation

/// The hashing of the audit log's Merkle tree, as RFC 9162 (Certificate Transparency v2), §2.1.1,
/// specifies: a leaf is `SHA-256(0x00 ‖ entry)`, an interior node `SHA-256(0x01 ‖ left ‖ right)`,
/// and the empty tree `SHA-256()`.
public enum MerkleHash {
    /// The hash of the empty tree.
    public static let empty = Data(SHA256.hash(data: Data()))

    /// The hash of a leaf holding `entry`.
    public static func leaf(_ entry: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: entry)
        return Data(hasher.finalize())
    }

    /// The hash of an interior node.
    public static func node(_ left: Data, _ right: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Data(hasher.finalize())
    }
}
