import Foundation
import Testing
import TriangulateModel
import TriangulateNode
import TriangulateSync

/// The node store copies its write-ahead log into the file off the writer's commits
/// (`LogCheckpointer`): these check, on a real file, that a large commit's log is still folded
/// in without anyone asking, that nothing is lost, and that no log is left once the store is gone.
@Suite("The store's write-ahead log, checkpointed in the background")
struct LogCheckpointTests {
    /// 3,000 documents of five 400-byte fields: about 1,600 pages of states, past the 1,000
    /// pages of log from which a checkpoint starts.
    static func largeChangeSet() -> ChangeSet {
        var writer = Replica(id: ReplicaID("NMC.checkpoint"))
        var headers: [String: DocumentHeader] = [:]
        let wall = SyncLedger.wall(Date()) - 60_000
        for index in 0..<3_000 {
            let id = UUID().uuidString.lowercased()
            headers[id] = DocumentHeader(id: id, type: .action, owner: "NMC")
            for field in ["reference", "summary", "state", "dueBy", "evidence"] {
                _ = writer.assign("\(field) \(index) " + String(repeating: "x", count: 400), to: field, of: id, wall: wall)
            }
        }
        return ChangeSet(headers: headers, changes: writer.changes(since: [:]))
    }

    /// A file's size in bytes, 0 when it is missing.
    static func size(_ file: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    }

    @Test func aLargeCommitsLogReachesTheFileAndNoLogOutlivesTheStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("node.sqlite").path

        var store: NodeStore? = try NodeStore.create(at: path, organisation: org("CQC"), by: "tester")
        let set = Self.largeChangeSet()
        #expect(try store?.applyRemote(set).applied == 15_000)
        store?.waitForLogCheckpoint()
        #expect(Self.size(path) > 4_000_000, "the documents are in the file itself, not only in its log")
        #expect(try store?.integrityCheck() == ["ok"])

        store = nil
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the last connection to close removed the log")
        let reopened = try NodeStore.open(at: path)
        #expect(try reopened.sharedDocuments().count == 3_000)
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    /// A purge empties the log at once (`truncateLog`), right after a commit that may have
    /// started a background checkpoint: SQLite refuses a second checkpoint while one runs, so
    /// the truncation must wait for it rather than fail and leave deleted bytes in the log.
    @Test func emptyingTheLogWaitsForABackgroundCheckpoint() throws {
        let temporary = try TemporaryStore()
        for _ in 0..<3 {
            #expect(try temporary.store.applyRemote(Self.largeChangeSet()).applied == 15_000)
            try temporary.store.truncateLog()
            #expect(Self.size(temporary.path + "-wal") == 0, "the log is empty once truncated")
        }
    }
}
