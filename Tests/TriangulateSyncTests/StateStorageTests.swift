import Foundation
import Testing
@testable import TriangulateSync

/// The compact structures a document's state and a replica's index are kept in, each checked
/// against the plain model it replaces over random operations: a field table against a
/// dictionary, live writes against a sorted array, superseded writes against a plain set of
/// frontiers and pending stamps, canonical UUIDs against Foundation's.
@Suite("State storage")
struct StateStorageTests {
    private static let stamps = (0..<12).map {
        HybridTimestamp(milliseconds: 1_800_000_000_000 + UInt64($0 / 3), counter: UInt32($0 % 2), replica: ReplicaID(["CQC.a", "NMC.b"][$0 % 2]))
    }

    @Test(arguments: 0..<200)
    func fieldTableAgreesWithADictionary(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // Few names keep the table scanned; many take it past the scan to the binary search.
        let names = (0..<(seed % 2 == 0 ? 6 : 40)).map { "field\($0)" } + ["actions/0190a5f0-0000-7000-8000-000000000001/status", ""]
        var table = FieldTable()
        var model: [String: FieldState] = [:]
        for _ in 0..<120 {
            let name = names.randomElement(using: &random) ?? ""
            let stamp = Self.stamps.randomElement(using: &random) ?? Self.stamps[0]
            let value: String? = Bool.random(using: &random) ? "value \(stamp.counter)" : nil
            let change = Change(document: "d", field: name, operation: .assign(value: value, supersedes: []), stamp: stamp)
            withUnsafePointer(to: change) { change in
                table.apply(change)
                model[name, default: FieldState()].apply(change)
            }
            let probe = names.randomElement(using: &random) ?? ""
            #expect(table[probe] == model[probe], "seed \(seed): \(probe)")
        }
        #expect(table.map(\.name) == model.keys.sorted(), "seed \(seed): the table is in name order")
        #expect(table.map(\.state) == model.sorted { $0.key < $1.key }.map(\.value))
        #expect(FieldTable(Array(table).shuffled(using: &random)) == table, "seed \(seed): any order makes the same table")
    }

    @Test
    func fieldTableKeepsTheLaterOfTwoEqualNames() {
        var first = FieldState()
        var second = FieldState()
        withUnsafePointer(to: Change(document: "d", field: "b", operation: .assign(value: "first", supersedes: []), stamp: Self.stamps[0])) { first.apply($0) }
        withUnsafePointer(to: Change(document: "d", field: "b", operation: .assign(value: "second", supersedes: []), stamp: Self.stamps[1])) { second.apply($0) }
        let table = FieldTable([.init(name: "b", state: first), .init(name: "a", state: first), .init(name: "b", state: second)])
        #expect(table.map(\.name) == ["a", "b"])
        #expect(table["b"] == second)
    }

    @Test(arguments: 0..<200)
    func liveWritesAgreeWithASortedArray(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var live = LiveWrites()
        var model: [LiveWrites.Write] = []
        for _ in 0..<40 {
            if Int.random(in: 0..<3, using: &random) == 0 {
                let bound = Self.stamps.randomElement(using: &random) ?? Self.stamps[0]
                live.remove(ofReplicaAtOrBelow: bound)
                model.removeAll { $0.stamp.replica == bound.replica && $0.stamp <= bound }
            } else {
                let stamp = Self.stamps.randomElement(using: &random) ?? Self.stamps[0]
                let write = LiveWrites.Write(stamp: stamp, value: "\(stamp)")
                live.insert(write)
                if !model.contains(where: { $0.stamp == stamp }) { model = (model + [write]).sorted { $0.stamp < $1.stamp } }
            }
            #expect(Array(live) == model, "seed \(seed)")
            #expect(live == LiveWrites(model.shuffled(using: &random)), "seed \(seed): equal writes are equal storage")
        }
    }

    @Test(arguments: 0..<200)
    func supersededWritesAgreeWithFrontiersAndASet(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var superseded = SupersededWrites()
        var frontiers: [ReplicaID: HybridTimestamp] = [:]
        var pending: Set<HybridTimestamp> = []
        func modelContains(_ stamp: HybridTimestamp) -> Bool { frontiers[stamp.replica].map { stamp <= $0 } == true || pending.contains(stamp) }
        for _ in 0..<40 {
            let stamp = Self.stamps.randomElement(using: &random) ?? Self.stamps[0]
            if Bool.random(using: &random) {
                superseded.raiseFrontier(to: stamp)
                frontiers[stamp.replica] = max(frontiers[stamp.replica] ?? stamp, stamp)
                pending = pending.filter { $0.replica != stamp.replica || $0 > stamp }
            } else {
                superseded.insertPending(stamp)
                if !modelContains(stamp) { pending.insert(stamp) }
            }
            #expect(superseded.frontiers == frontiers.values.sorted { $0.replica < $1.replica }, "seed \(seed)")
            #expect(superseded.pending == pending, "seed \(seed)")
            #expect(Self.stamps.allSatisfy { superseded.contains($0) == modelContains($0) }, "seed \(seed)")
        }
    }

    @Test(arguments: 0..<500)
    func canonicalUUIDsRoundTrip(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        let foundation = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                     bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        let uuid = CanonicalUUID(bytes: bytes)
        var writer = BinaryWriter()  // as the wire writes an id: its two words, big-endian
        writer.bigEndian(uuid.high)
        writer.bigEndian(uuid.low)
        #expect(writer.bytes == bytes)
        #expect(uuid.text == foundation.uuidString.lowercased())
        #expect(CanonicalUUID(uuid.text) == uuid)
        #expect(DocumentKey(uuid.text) == .uuid(uuid))
        #expect(DocumentKey(uuid.text).id == uuid.text)
        if uuid.text != foundation.uuidString {
            // Uppercase is another id: it stays text, so it never names the lowercase one's document.
            #expect(CanonicalUUID(foundation.uuidString) == nil)
            #expect(DocumentKey(foundation.uuidString) == .text(foundation.uuidString))
        }
    }

    @Test(arguments: ["", "not-a-uuid", "0190a5f0-0000-7000-8000-00000000000", "0190a5f0-0000-7000-8000-0000000000001",
                      "0190a5f0x0000-7000-8000-000000000001", "0190a5f0-0000-7000-8000-00000000000g", "0190a5f0-0000-7000-8000-00000000000é"])
    func otherIdsStayText(id: String) {
        #expect(CanonicalUUID(id) == nil)
        #expect(DocumentKey(id).id == id)
    }
}
