import TriangulateModel
import Foundation
import Testing
import TriangulateSync

/// The wire encoding of change sets and the stored form of document states: exact round trips
/// over random replicas' histories, the size budget, and refusal of malformed bytes.
@Suite("Wire and storage encodings")
struct EncodingTests {
    /// A random history on three replicas, exchanged so that removes and supersedes name
    /// other replicas' stamps, as a change set with headers.
    static func history(seed: UInt64, operations: Int = 200) -> (ChangeSet, [Replica]) {
        var random = SeededGenerator(seed: seed)
        var replicas = (0..<3).map { Replica(id: ReplicaID(["CQC.a1", "NMC.b2", "GMC.c3"][$0])) }
        let documents = (0..<4).map { "0190a5f0-0000-7000-8000-00000000000\($0)" } + ["not-a-uuid"]
        var wall: UInt64 = 1_800_000_000_000
        var all: [Change] = []
        for _ in 0..<operations {
            wall += UInt64.random(in: 0...2_000, using: &random)
            let index = Int.random(in: 0..<3, using: &random)
            let document = documents.randomElement(using: &random)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let value = Bool.random(using: &random) ? "value \(Int.random(in: 0..<9, using: &random)) — é" : nil
                all.append(replicas[index].assign(value, to: "minutes", of: document, wall: wall))
            case 4..<6: all.append(replicas[index].add("NMC:Ann", to: "attendance", of: document, wall: wall))
            case 6..<8: all.append(replicas[index].remove("NMC:Ann", from: "attendance", of: document, wall: wall))
            case 8: all.append(replicas[index].assign("Chair", to: "invitees/GMC:Bo/role", of: document, wall: wall))
            default:
                let other = Int.random(in: 0..<3, using: &random)
                _ = try? replicas[other].apply(replicas[index].changes(since: replicas[other].vector), wall: wall)
            }
        }
        let headers = Dictionary(uniqueKeysWithValues: documents.map { ($0, DocumentHeader(id: $0, type: .panel, owner: "CQC")) })
        return (ChangeSet(headers: headers, changes: all), replicas)
    }

    @Test(arguments: 0..<50)
    func changeSetsRoundTrip(seed: UInt64) throws {
        let (set, _) = Self.history(seed: seed)
        let decoded = try ChangeSet(decoding: set.encoded())
        #expect(decoded.headers == set.headers.filter { id, _ in set.changes.contains { $0.document == id } })
        #expect(decoded.changes == set.changes)
    }

    @Test(arguments: 0..<50)
    func documentStatesRoundTrip(seed: UInt64) throws {
        let (_, replicas) = Self.history(seed: seed)
        for replica in replicas {
            for state in replica.documents.values {
                #expect(try DocumentState(decoding: state.encoded()) == state)
            }
        }
    }

    /// The same changes merged in two orders give equal states, and equal states encode to the
    /// same bytes, whatever order their sets happen to iterate in.
    @Test(arguments: 0..<50)
    func equalStatesHaveEqualBytes(seed: UInt64) throws {
        let (set, _) = Self.history(seed: seed)
        var random = SeededGenerator(seed: seed)
        var inOrder: [String: DocumentState] = [:]
        var shuffled: [String: DocumentState] = [:]
        for change in set.changes { inOrder[change.document, default: DocumentState()].apply(change) }
        for change in set.changes.shuffled(using: &random) { shuffled[change.document, default: DocumentState()].apply(change) }
        for (id, state) in inOrder {
            let other = try #require(shuffled[id])
            #expect(other == state)
            #expect(other.encoded() == state.encoded(), "seed \(seed), document \(id)")
        }
    }

    /// A first write costs at most 20 bytes besides its value; a write that supersedes
    /// another carries that stamp and stays within the same budget.
    @Test func sizeBudget() throws {
        var replica = Replica(id: ReplicaID("CQC.0123abcd"))
        var headers: [String: DocumentHeader] = [:]
        var changes: [Change] = []
        var wall: UInt64 = 1_800_000_000_000
        for number in 0..<1_000 {
            let id = "0190a5f0-0000-7000-8000-\(String(format: "%012d", number))"
            headers[id] = DocumentHeader(id: id, type: .action, owner: "CQC")
            for field in ["reference", "summary", "state", "dueBy", "evidence"] {
                wall += 1
                changes.append(replica.assign("x", to: field, of: id, wall: wall))
                changes.append(replica.assign("y", to: field, of: id, wall: wall + 500))
            }
        }
        let bytes = ChangeSet(headers: headers, changes: changes).encoded()
        let overhead = Double(bytes.count - changes.count) / Double(changes.count)  // each value is one byte
        #expect(overhead <= 20, "\(overhead) bytes of overhead per change")
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = Self.history(seed: 7, operations: 40).0.encoded()
        for length in 0..<bytes.count {
            #expect(throws: SyncError.self) { try ChangeSet(decoding: Array(bytes.prefix(length))) }
        }
        #expect(throws: SyncError.self) { try ChangeSet(decoding: bytes + [0]) }
    }

    /// A document's header is read again at each of its runs: a type name is checked however
    /// many documents name it, and a document named twice must name the same header.
    @Test func headersAreCheckedAtEveryRun() throws {
        let strings = ["action", "CQC", "NMC", "summary", "CQC.a", "Not-A-Type"]
        // Documents with the id 0xAB…, each with one purge of `summary` by `CQC.a`.
        func bytes(_ documents: [(type: UInt8, owner: UInt8)]) -> [UInt8] {
            var bytes: [UInt8] = [ChangeSet.wireVersion, UInt8(strings.count)]
            for string in strings { bytes += [UInt8(string.utf8.count)] + Array(string.utf8) }
            bytes.append(UInt8(documents.count))
            for document in documents {
                bytes += [0] + [UInt8](repeating: 0xAB, count: 16)
                bytes += [document.type, document.owner, 1, 3, 4, 4, 2, 0]  // one change: field 3, purge, stamp +1 ms
            }
            return bytes
        }
        let twice = try ChangeSet(decoding: bytes([(0, 1), (0, 1)]))
        #expect(twice.headers.count == 1)
        #expect(twice.changes.count == 2)
        #expect(twice.headers.values.first?.type == .action)
        #expect(throws: SyncError.self) { try ChangeSet(decoding: bytes([(0, 1), (0, 2)])) }
        #expect(throws: SyncError.self) { try ChangeSet(decoding: bytes([(5, 1)])) }
        #expect(throws: SyncError.self) { try ChangeSet(decoding: bytes([(0, 1), (5, 1)])) }
        #expect(throws: SyncError.self) { try ChangeSet(decoding: bytes([(6, 1)])) }
    }

    /// Random corruption either decodes to some change set or is refused: it never traps.
    @Test func corruptionNeverTraps() {
        let bytes = Self.history(seed: 11, operations: 40).0.encoded()
        var random = SeededGenerator(seed: 99)
        for _ in 0..<2_000 {
            var corrupt = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                corrupt[Int.random(in: 0..<corrupt.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? ChangeSet(decoding: corrupt)
            _ = try? DocumentState(decoding: corrupt)
        }
    }
}
