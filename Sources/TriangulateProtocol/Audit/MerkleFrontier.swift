import Foundation

/// The right edge of a growing Merkle tree: the heads of its perfect subtrees, largest first,
/// which is all it takes to append a leaf and to compute the tree head in O(log n).
public struct MerkleFrontier: Hashable, Sendable {
    /// How many leaves the tree has.
    public private(set) var size: UInt64 = 0
    /// The heads of the perfect subtrees the leaves decompose into, largest first.
    public private(set) var hashes: [Data] = []

    /// The frontier of the empty tree.
    public init() {}

    /// A stored frontier.
    public init(size: UInt64, hashes: [Data]) {
        self.size = size
        self.hashes = hashes
    }

    /// Appends a leaf hash; returns the interior nodes it completes, lowest first (a perfect
    /// subtree is complete once its last leaf is in).
    @discardableResult
    public mutating func append(_ leaf: Data) -> [(node: MerkleNodeID, hash: Data)] {
        var completed: [(node: MerkleNodeID, hash: Data)] = []
        var carry = leaf
        var level = size
        var height = 0
        while level & 1 == 1 {
            carry = MerkleHash.node(hashes.removeLast(), carry)
            level >>= 1
            height += 1
            completed.append((MerkleNodeID(level: height, index: size >> UInt64(height)), carry))
        }
        hashes.append(carry)
        size += 1
        return completed
    }

    /// The tree head.
    public var root: Data {
        guard var result = hashes.last else { return MerkleHash.empty }
        for hash in hashes.dropLast().reversed() { result = MerkleHash.node(hash, result) }
        return result
    }
}
