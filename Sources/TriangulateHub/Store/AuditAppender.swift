import Foundation
import TriangulateModel
import TriangulateProtocol

/// The audit log's append, pure, for both stores: the right edge (frontier) as stored comes in;
/// the leaves to insert, the new edge and its signed checkpoint come out. A store reads the edge
/// with the log locked, writes what comes out in the same transaction, and commits.
public struct AuditAppender: Sendable {
    /// One leaf to store: its index, its bytes, its hash and the salted document hash to index it by.
    public struct Leaf: Hashable, Sendable {
        public let index: UInt64
        public let entry: Data
        public let hash: Data
        public let document: String?
    }

    /// The leaves, in order.
    public let leaves: [Leaf]
    /// The interior nodes the leaves complete, to store for proofs (`MerkleProofPlan`).
    public let nodes: [(node: MerkleNodeID, hash: Data)]
    /// The right edge after them.
    public let frontier: MerkleFrontier
    /// The checkpoint of the new size, signed.
    public let checkpoint: SignedCheckpoint

    /// Appends `entries` at `frontier`, signing the checkpoint with `key`.
    public init(_ entries: [AuditEntry], at frontier: MerkleFrontier, key: NodeSigningKey) throws {
        var edge = frontier
        var leaves: [Leaf] = []
        var nodes: [(node: MerkleNodeID, hash: Data)] = []
        leaves.reserveCapacity(entries.count)
        for entry in entries {
            let data = entry.encoded()
            let hash = MerkleHash.leaf(data)
            leaves.append(Leaf(index: edge.size, entry: data, hash: hash, document: entry.document))
            nodes += edge.append(hash)
        }
        self.leaves = leaves
        self.nodes = nodes
        self.frontier = edge
        checkpoint = try SignedCheckpoint(size: edge.size, root: edge.root, key: key)
    }

    /// A right edge as stored: its size, and its subtree heads concatenated, 32 bytes each.
    public static func frontier(size: Int64, stored: Data) -> MerkleFrontier {
        MerkleFrontier(size: UInt64(size), hashes: stride(from: 0, to: stored.count, by: 32).map { stored.subdata(in: $0..<$0 + 32) })
    }

    /// Every interior node of a log whose leaf hashes are `leaves`, in order: what a store that
    /// kept none (a log from before stored nodes) back-fills.
    public static func interiorNodes(of leaves: some Sequence<Data>) -> [(node: MerkleNodeID, hash: Data)] {
        var edge = MerkleFrontier()
        var nodes: [(node: MerkleNodeID, hash: Data)] = []
        for leaf in leaves { nodes += edge.append(leaf) }
        return nodes
    }

    /// How many interior nodes a log of `size` leaves has complete.
    public static func interiorNodeCount(size: UInt64) -> UInt64 {
        var count: UInt64 = 0, width = size >> 1
        while width > 0 {
            count += width
            width >>= 1
        }
        return count
    }

    /// The new right edge's heads, as stored.
    public var storedHashes: Data { frontier.hashes.reduce(Data(), +) }
}
