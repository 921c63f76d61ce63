import Foundation

/// A perfect subtree of the log: at `level` 0 a leaf, above it the node over leaves
/// `index`·2^level ..< (`index`+1)·2^level. Stores keep every complete one, so that proofs read a
/// few dozen nodes instead of every leaf (as Trillian's and Tessera's tiles do).
public struct MerkleNodeID: Hashable, Sendable {
    /// 0 for a leaf.
    public let level: Int
    /// Its position among the subtrees of its level, from 0.
    public let index: UInt64

    /// Names a subtree.
    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }
}

/// RFC 9162's proofs (§2.1.3, §2.1.4) as plans: each proof hash is the tree head of a range of
/// leaves, which is the fold of the perfect subtrees the range decomposes into. A store fetches
/// the nodes a plan names, then `resolve` makes the proof. Pure.
public enum MerkleProofPlan {
    /// The inclusion proof of leaf `index` in the tree of `size` leaves.
    public static func inclusion(index: UInt64, size: UInt64) -> [[MerkleNodeID]] {
        precondition(index < size, "the leaf index must be in the tree")
        var plan: [[MerkleNodeID]] = []
        path(index, start: 0, count: size, into: &plan)
        return plan
    }

    /// The consistency proof between the trees of `oldSize` and `newSize` leaves.
    public static func consistency(oldSize: UInt64, newSize: UInt64) -> [[MerkleNodeID]] {
        precondition(oldSize <= newSize, "the old size must not exceed the new")
        guard oldSize > 0, oldSize < newSize else { return [] }
        var plan: [[MerkleNodeID]] = []
        subproof(oldSize, start: 0, count: newSize, complete: true, into: &plan)
        return plan
    }

    /// The perfect subtrees that leaves `start` ..< `start`+`count` decompose into, largest first.
    /// `start` must be a multiple of the largest power of two not above `count`, as every range of
    /// the proofs is.
    public static func subtrees(start: UInt64, count: UInt64) -> [MerkleNodeID] {
        var nodes: [MerkleNodeID] = []
        var start = start, remaining = count
        while remaining > 0 {
            let level = 63 - remaining.leadingZeroBitCount
            let width = UInt64(1) << UInt64(level)
            nodes.append(MerkleNodeID(level: level, index: start >> UInt64(level)))
            start += width
            remaining -= width
        }
        return nodes
    }

    /// Every node a plan names.
    public static func nodes(of plan: [[MerkleNodeID]]) -> Set<MerkleNodeID> { Set(plan.joined()) }

    /// The proof, from the plan and the hashes of its nodes; nil when one is missing.
    public static func resolve(_ plan: [[MerkleNodeID]], hashes: [MerkleNodeID: Data]) -> [Data]? {
        var proof: [Data] = []
        for element in plan {
            guard var head = element.last.flatMap({ hashes[$0] }) else { return nil }
            for node in element.dropLast().reversed() {
                guard let left = hashes[node] else { return nil }
                head = MerkleHash.node(left, head)
            }
            proof.append(head)
        }
        return proof
    }

    private static func path(_ m: UInt64, start: UInt64, count n: UInt64, into plan: inout [[MerkleNodeID]]) {
        guard n > 1 else { return }
        let k = largestPowerOfTwo(below: n)
        if m < k {
            path(m, start: start, count: k, into: &plan)
            plan.append(subtrees(start: start + k, count: n - k))
        } else {
            path(m - k, start: start + k, count: n - k, into: &plan)
            plan.append(subtrees(start: start, count: k))
        }
    }

    private static func subproof(_ m: UInt64, start: UInt64, count n: UInt64, complete: Bool, into plan: inout [[MerkleNodeID]]) {
        if m == n {
            if !complete { plan.append(subtrees(start: start, count: n)) }
            return
        }
        let k = largestPowerOfTwo(below: n)
        if m <= k {
            subproof(m, start: start, count: k, complete: complete, into: &plan)
            plan.append(subtrees(start: start + k, count: n - k))
        } else {
            subproof(m - k, start: start + k, count: n - k, complete: false, into: &plan)
            plan.append(subtrees(start: start, count: k))
        }
    }

    /// The largest power of two strictly below `n` (n ≥ 2).
    private static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        UInt64(1) << UInt64(63 - (n - 1).leadingZeroBitCount)
    }
}
