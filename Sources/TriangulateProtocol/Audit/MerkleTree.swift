import Foundation

/// The Merkle tree functions of RFC 9162 §2.1 over a list of leaf hashes: the tree head, and
/// inclusion and consistency proofs, to make and to verify. Pure; the verifiers are what a
/// node or an auditor runs.
public enum MerkleTree {
    /// The tree head of `leaves` (leaf hashes), MTH in RFC 9162 §2.1.1.
    public static func root(_ leaves: ArraySlice<Data>) -> Data {
        switch leaves.count {
        case 0: return MerkleHash.empty
        case 1: return leaves[leaves.startIndex]
        default:
            let split = leaves.startIndex + largestPowerOfTwo(below: leaves.count)
            return MerkleHash.node(root(leaves[..<split]), root(leaves[split...]))
        }
    }

    /// The inclusion proof of leaf `index` in the tree of `leaves`, PATH in RFC 9162 §2.1.3.1.
    public static func inclusionProof(index: Int, _ leaves: ArraySlice<Data>) -> [Data] {
        precondition(index >= 0 && index < leaves.count, "the leaf index must be in the tree")
        guard leaves.count > 1 else { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let split = leaves.startIndex + k
        if index < k {
            return inclusionProof(index: index, leaves[..<split]) + [root(leaves[split...])]
        }
        return inclusionProof(index: index - k, leaves[split...]) + [root(leaves[..<split])]
    }

    /// The consistency proof between the tree of the first `oldSize` leaves and the tree of
    /// `leaves`, PROOF in RFC 9162 §2.1.4.1.
    public static func consistencyProof(oldSize: Int, _ leaves: ArraySlice<Data>) -> [Data] {
        precondition(oldSize >= 0 && oldSize <= leaves.count, "the old size must not exceed the new")
        guard oldSize > 0, oldSize < leaves.count else { return [] }
        return subproof(oldSize, leaves, complete: true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<Data>, complete: Bool) -> [Data] {
        let n = leaves.count
        if m == n { return complete ? [] : [root(leaves)] }
        let k = largestPowerOfTwo(below: n)
        let split = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<split], complete: complete) + [root(leaves[split...])]
        }
        return subproof(m - k, leaves[split...], complete: false) + [root(leaves[..<split])]
    }

    /// Whether `proof` shows the leaf with hash `leaf` at `index` in the tree of `size` leaves
    /// whose head is `root` (RFC 9162 §2.1.3.2).
    public static func verifyInclusion(index: UInt64, size: UInt64, leaf: Data, proof: [Data], root: Data) -> Bool {
        guard index < size else { return false }
        var fn = index
        var sn = size - 1
        var r = leaf
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// Whether `proof` shows the tree of `newSize` leaves with head `newRoot` extends the tree
    /// of `oldSize` leaves with head `oldRoot` (RFC 9162 §2.1.4.2).
    public static func verifyConsistency(oldSize: UInt64, newSize: UInt64, proof: [Data], oldRoot: Data, newRoot: Data) -> Bool {
        guard oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty }
        guard !proof.isEmpty else { return false }
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }  // old size is a power of two
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }

    /// The largest power of two strictly less than `n` (n ≥ 2).
    static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }
}
