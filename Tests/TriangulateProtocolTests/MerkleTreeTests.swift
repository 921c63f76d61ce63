import TriangulateModel
import Foundation
import Testing
import TriangulateProtocol

/// The audit log's Merkle tree: known answers from the Certificate Transparency reference data
/// (Resources/rfc6962-vectors.json, with its source), then every inclusion and consistency proof
/// of every tree up to a few hundred leaves, made and verified, and tampered proofs refused.
@Suite("Merkle tree (RFC 9162)")
struct MerkleTreeTests {
    struct Vectors: Decodable {
        struct Inclusion: Decodable { let index: UInt64, size: UInt64, proof: [String] }
        struct Consistency: Decodable { let old: UInt64, new: UInt64, proof: [String] }
        let leaves: [String]
        let roots: [String]
        let inclusion: [Inclusion]
        let consistency: [Consistency]
    }

    static let vectors: Vectors = {
        let url = Bundle.module.url(forResource: "rfc6962-vectors", withExtension: "json")!
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    static func bytes(_ hex: String) -> Data { Data(hex: hex)! }

    static func hex(_ data: Data) -> String { data.hex }

    static var leafHashes: [Data] { vectors.leaves.map { MerkleHash.leaf(bytes($0)) } }

    @Test func treeHeadsMatchTheReference() {
        let leaves = Self.leafHashes
        var frontier = MerkleFrontier()
        for size in 0...leaves.count {
            #expect(Self.hex(MerkleTree.root(leaves[..<size])) == Self.vectors.roots[size], "size \(size)")
            #expect(Self.hex(frontier.root) == Self.vectors.roots[size], "frontier at size \(size)")
            if size < leaves.count { frontier.append(leaves[size]) }
        }
    }

    @Test func inclusionProofsMatchTheReference() {
        let leaves = Self.leafHashes
        for vector in Self.vectors.inclusion {
            let proof = MerkleTree.inclusionProof(index: Int(vector.index), leaves[..<Int(vector.size)])
            #expect(proof.map(Self.hex) == vector.proof, "leaf \(vector.index) of \(vector.size)")
            #expect(MerkleTree.verifyInclusion(index: vector.index, size: vector.size, leaf: leaves[Int(vector.index)],
                                               proof: vector.proof.map(Self.bytes), root: Self.bytes(Self.vectors.roots[Int(vector.size)])))
        }
    }

    @Test func consistencyProofsMatchTheReference() {
        let leaves = Self.leafHashes
        for vector in Self.vectors.consistency {
            let proof = MerkleTree.consistencyProof(oldSize: Int(vector.old), leaves[..<Int(vector.new)])
            #expect(proof.map(Self.hex) == vector.proof, "\(vector.old) → \(vector.new)")
            #expect(MerkleTree.verifyConsistency(oldSize: vector.old, newSize: vector.new, proof: vector.proof.map(Self.bytes),
                                                 oldRoot: Self.bytes(Self.vectors.roots[Int(vector.old)]),
                                                 newRoot: Self.bytes(Self.vectors.roots[Int(vector.new)])))
        }
    }

    /// Every leaf of every tree up to 300 leaves: its proof verifies, and fails for another
    /// leaf, another index or a changed proof. (A tree head does not commit to its size by
    /// itself; the signed checkpoint binds the two.)
    @Test func everyInclusionProofUpToThreeHundredLeaves() {
        let leaves = (0..<300).map { MerkleHash.leaf(Data("entry \($0)".utf8)) }
        var frontier = MerkleFrontier()
        for size in 1...leaves.count {
            frontier.append(leaves[size - 1])
            let root = MerkleTree.root(leaves[..<size])
            #expect(frontier.root == root)
            let indexes = size <= 64 ? Array(0..<size) : [0, size / 3, size / 2, size - 2, size - 1]
            for index in indexes {
                let proof = MerkleTree.inclusionProof(index: index, leaves[..<size])
                #expect(proof.count <= 64 - (UInt64(size - 1)).leadingZeroBitCount + 1)
                #expect(MerkleTree.verifyInclusion(index: UInt64(index), size: UInt64(size), leaf: leaves[index], proof: proof, root: root))
                let other = leaves[(index + 1) % size]
                if size > 1 {
                    #expect(!MerkleTree.verifyInclusion(index: UInt64(index), size: UInt64(size), leaf: other, proof: proof, root: root))
                    #expect(!MerkleTree.verifyInclusion(index: UInt64((index + 1) % size), size: UInt64(size), leaf: leaves[index], proof: proof, root: root))
                    var changed = proof
                    changed[changed.count - 1] = MerkleHash.leaf(Data("forged".utf8))
                    #expect(!MerkleTree.verifyInclusion(index: UInt64(index), size: UInt64(size), leaf: leaves[index], proof: changed, root: root))
                }
            }
        }
    }

    /// Every pair of sizes up to 100 (and a spread beyond): the consistency proof verifies, and
    /// fails against a rewritten old tree.
    @Test func everyConsistencyProofUpToAHundredLeaves() {
        let leaves = (0..<300).map { MerkleHash.leaf(Data("entry \($0)".utf8)) }
        let roots = (0...leaves.count).map { MerkleTree.root(leaves[..<$0]) }
        var rewritten = leaves
        rewritten[0] = MerkleHash.leaf(Data("rewritten".utf8))
        let pairs = (1...100).flatMap { new in (1...new).map { ($0, new) } } + [(37, 300), (128, 300), (255, 256), (256, 300)]
        for (old, new) in pairs {
            let proof = MerkleTree.consistencyProof(oldSize: old, leaves[..<new])
            #expect(MerkleTree.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), proof: proof, oldRoot: roots[old], newRoot: roots[new]),
                    "\(old) → \(new)")
            if old < new {
                let forkedOld = MerkleTree.root(rewritten[..<old])
                #expect(!MerkleTree.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), proof: proof, oldRoot: forkedOld, newRoot: roots[new]))
                #expect(!MerkleTree.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), proof: [], oldRoot: roots[old], newRoot: roots[new]))
            }
        }
    }
}

/// Proofs made from stored nodes (`MerkleProofPlan`) are RFC 9162's, made from every leaf: for
/// every size up to 100, every index and every older size; and the nodes a log of any size
/// stores are exactly its complete subtrees.
@Suite("Proofs from stored nodes")
struct MerkleProofPlanTests {
    @Test func plansGiveTheReferenceProofs() {
        var leaves: [Data] = []
        var nodes: [MerkleNodeID: Data] = [:]
        var edge = MerkleFrontier()
        for size in 1...100 {
            let leaf = MerkleHash.leaf(Data("entry \(size)".utf8))
            nodes[MerkleNodeID(level: 0, index: UInt64(size - 1))] = leaf
            for (node, hash) in edge.append(leaf) { nodes[node] = hash }
            leaves.append(leaf)
            for index in 0..<size {
                let plan = MerkleProofPlan.inclusion(index: UInt64(index), size: UInt64(size))
                #expect(MerkleProofPlan.resolve(plan, hashes: nodes) == MerkleTree.inclusionProof(index: index, leaves[...]), "index \(index) of \(size)")
                #expect(MerkleProofPlan.nodes(of: plan).count <= 2 * 64)
            }
            for old in 0...size {
                let plan = MerkleProofPlan.consistency(oldSize: UInt64(old), newSize: UInt64(size))
                #expect(MerkleProofPlan.resolve(plan, hashes: nodes) == MerkleTree.consistencyProof(oldSize: old, leaves[...]), "\(old) to \(size)")
            }
        }
        #expect(nodes.count == 100 + 50 + 25 + 12 + 6 + 3 + 1, "one node per complete subtree, and no other")
    }

    @Test func aProofAtAMillionEntriesNamesAFewDozenNodes() {
        let plan = MerkleProofPlan.inclusion(index: 333_333, size: 1_000_000)
        #expect(plan.count == 20 && MerkleProofPlan.nodes(of: plan).count <= 40)
        let consistency = MerkleProofPlan.consistency(oldSize: 999_999, newSize: 1_000_000)
        #expect(MerkleProofPlan.nodes(of: consistency).count <= 60)
    }
}
