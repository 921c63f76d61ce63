import TriangulateModel
import Foundation
import GRDB
import Testing
import TriangulateProtocol

/// The hub's audit log, end to end: every event is in it, an auditor answers "who received
/// this record" from it without any content, `audit verify` catches any edit of a stored entry or
/// checkpoint, and a node stops syncing with an alarm when the hub rewrites its history.
@Suite("Audit log end to end", .serialized)
struct AuditLogTests {
    /// CQC shares with NMC only; returns the exchange, the concern's document id and the share.
    static func sharedExchange() throws -> (Exchange, String, String) {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC", "GMC")
        let concern = try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home",
                                      "--title", "Night staffing", "--summary", "Secret account", "--source", "complaint").object
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC", "--purpose", "Emerging concern", "--basis", "ECP 2021")
            .object["id"] as? String ?? ""
        for organisation in ["CQC", "NMC", "GMC"] { try exchange.ok(organisation, "sync") }
        return (exchange, concern["id"] as? String ?? "", share)
    }

    var hubStore: (Exchange) -> String = { $0.directory.appendingPathComponent("hub.sqlite").path }

    @Test func everyEventIsLoggedAndAnAuditorCanAnswerWhoReceivedWithoutContent() throws {
        let (exchange, document, share) = try Self.sharedExchange()
        let verify = try exchange.operator_("audit", "verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let received = try exchange.operator_("audit", "who-received", document).array
        #expect(received.map { $0["subject"] as? String } == ["NMC", "NMC"], "NMC received the declaration and the batch; nobody else")
        #expect(received.allSatisfy { $0["share"] as? String == share })

        let export = try exchange.operator_("audit", "export", "--format", "jsonl")
        let lines = export.stdout.split(separator: "\n")
        let events = lines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                  let entry = object["entry"], let json = try? JSONSerialization.jsonObject(with: Data(entry.utf8)) as? [String: Any] else { return nil }
            return json["event"] as? String
        }
        for event in ["organisation-added", "enrolled", "share-accepted", "batch-accepted", "delivered"] {
            #expect(events.contains(event), "no \(event) entry")
        }
        #expect(!export.stdout.contains("Night staffing") && !export.stdout.contains("Secret account") && !export.stdout.contains(document),
                "the log holds content or a raw document id")

        // Withdrawal and the purge acknowledgement are logged too.
        try exchange.ok("CQC", "share", "withdraw", share, "--org", "NMC")
        try exchange.ok("CQC", "sync")
        try exchange.ok("NMC", "sync")
        let activity = try exchange.operator_("audit", "org", "NMC").array.map { $0["event"] as? String }
        #expect(activity.contains("withdrawn") && activity.contains("purge-acknowledged"))
    }

    @Test func editingRemovingOrReorderingStoredEntriesIsDetected() throws {
        let (exchange, _, _) = try Self.sharedExchange()
        let database = try DatabaseQueue(path: hubStore(exchange))
        let count = try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditEntry") ?? 0 }
        #expect(count >= 10)

        try database.write { try $0.execute(sql: "UPDATE auditEntry SET entry = CAST(replace(CAST(entry AS TEXT), 'NMC', 'GMC') AS BLOB) WHERE idx = 3") }
        let changed = try exchange.operator_("audit", "verify")
        #expect(changed.status == 1 && changed.stdout.contains("entry 3"), "\(changed.stdout)")

        // Even with its hash recomputed, the signed checkpoints give the edit away.
        try database.write { db in
            let entry = try Data.fetchOne(db, sql: "SELECT entry FROM auditEntry WHERE idx = 3")!
            try db.execute(sql: "UPDATE auditEntry SET hash = ? WHERE idx = 3", arguments: [MerkleHash.leaf(entry)])
        }
        let rehashed = try exchange.operator_("audit", "verify")
        #expect(rehashed.status == 1 && rehashed.stdout.contains("checkpoint"), "\(rehashed.stdout)")
    }

    /// A stored interior node that is not the one its entries make — proofs built on it would
    /// be false — is found; so is one that is missing.
    @Test func changedOrMissingProofNodesAreDetected() throws {
        let (exchange, _, _) = try Self.sharedExchange()
        let database = try DatabaseQueue(path: hubStore(exchange))
        try database.write { try $0.execute(sql: "UPDATE auditNode SET hash = zeroblob(32) WHERE level = 2 AND idx = 1") }
        let changed = try exchange.operator_("audit", "verify")
        #expect(changed.status == 1 && changed.stdout.contains("interior node over entries 4–7 does not match"), "\(changed.stdout)")
        try database.write { try $0.execute(sql: "DELETE FROM auditNode WHERE level = 2 AND idx = 1") }
        let missing = try exchange.operator_("audit", "verify")
        #expect(missing.status == 1 && missing.stdout.contains("interior node over entries 4–7 is missing"), "\(missing.stdout)")
    }

    @Test func reorderedEntriesAreDetected() throws {
        let (exchange, _, _) = try Self.sharedExchange()
        let database = try DatabaseQueue(path: hubStore(exchange))
        try database.write { db in
            let four = try Row.fetchOne(db, sql: "SELECT entry, hash FROM auditEntry WHERE idx = 4")!
            let five = try Row.fetchOne(db, sql: "SELECT entry, hash FROM auditEntry WHERE idx = 5")!
            try db.execute(sql: "UPDATE auditEntry SET entry = ?, hash = ? WHERE idx = 4", arguments: [five["entry"] as Data, five["hash"] as Data])
            try db.execute(sql: "UPDATE auditEntry SET entry = ?, hash = ? WHERE idx = 5", arguments: [four["entry"] as Data, four["hash"] as Data])
        }
        let reordered = try exchange.operator_("audit", "verify")
        #expect(reordered.status == 1 && reordered.stdout.contains("checkpoint at size 5"), "\(reordered.stdout)")
    }

    /// If the audit entry cannot be written, the event does not happen: the share is not
    /// accepted, and goes through once the log can be written again.
    @Test func anEventWhoseEntryCannotBeWrittenDoesNotHappen() throws {
        let (exchange, _, _) = try Self.sharedExchange()
        let database = try DatabaseQueue(path: hubStore(exchange))
        let shares = { try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM share") ?? 0 } }
        let before = try shares()
        try database.write { try $0.execute(sql: "CREATE TRIGGER auditDown BEFORE INSERT ON auditEntry BEGIN SELECT RAISE(ABORT, 'disk full'); END") }
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Second",
                        "--summary", "s", "--source", "complaint")
        try exchange.ok("CQC", "share", "ECP-2026-0002", "--to", "NMC", "--purpose", "Emerging concern", "--basis", "ECP 2021")
        let refused = try exchange.node("CQC", "sync")
        #expect(refused.status == 1 && refused.stderr.contains("hub"), "\(refused.stderr)")
        #expect(try shares() == before, "a share was stored without its audit entry")

        try database.write { try $0.execute(sql: "DROP TRIGGER auditDown") }
        try exchange.ok("CQC", "sync")
        #expect(try shares() == before + 1)
        #expect(try exchange.operator_("audit", "verify").status == 0)
    }

    @Test func removedEntriesAndForgedCheckpointsAreDetected() throws {
        let (exchange, _, _) = try Self.sharedExchange()
        let database = try DatabaseQueue(path: hubStore(exchange))
        try database.write { try $0.execute(sql: "DELETE FROM auditEntry WHERE idx = (SELECT MAX(idx) FROM auditEntry)") }
        let removed = try exchange.operator_("audit", "verify")
        #expect(removed.status == 1 && removed.stdout.contains("removed"), "\(removed.stdout)")

        let other = try Exchange()
        try other.join("CQC")
        let otherDatabase = try DatabaseQueue(path: hubStore(other))
        try otherDatabase.write { try $0.execute(sql: "UPDATE auditCheckpoint SET signature = 'AAAA' WHERE size = 1") }
        let forged = try other.operator_("audit", "verify")
        #expect(forged.status == 1 && forged.stdout.contains("not signed"), "\(forged.stdout)")
    }

    /// The hub's operator rewrites an early entry and re-signs everything with the hub's own key:
    /// the log is internally consistent, but not with what the nodes accepted before.
    @Test func aNodeStopsSyncingWhenTheHubRewritesItsHistory() throws {
        let (exchange, _, _) = try Self.sharedExchange()
        let database = try DatabaseQueue(path: hubStore(exchange))
        try database.write { db in
            let key = try NodeSigningKey(rawRepresentation: try Data.fetchOne(db, sql: "SELECT privateKey FROM hubSecret")!)
            let entry = try Data.fetchOne(db, sql: "SELECT entry FROM auditEntry WHERE idx = 1")!
            let rewritten = Data(String(decoding: entry, as: UTF8.self).replacingOccurrences(of: "\"enrolled\"", with: "\"enrolled \"").utf8)
            try db.execute(sql: "UPDATE auditEntry SET entry = ?, hash = ? WHERE idx = 1", arguments: [rewritten, MerkleHash.leaf(rewritten)])
            let hashes = try Data.fetchAll(db, sql: "SELECT hash FROM auditEntry ORDER BY idx")
            var frontier = MerkleFrontier()
            try db.execute(sql: "DELETE FROM auditCheckpoint")
            try db.execute(sql: "DELETE FROM auditNode")
            for hash in hashes {
                for (node, interior) in frontier.append(hash) {
                    try db.execute(sql: "INSERT INTO auditNode (level, idx, hash) VALUES (?, ?, ?)", arguments: [node.level, Int64(node.index), interior])
                }
                let checkpoint = try SignedCheckpoint(size: frontier.size, root: frontier.root, key: key)
                try db.execute(sql: "INSERT INTO auditCheckpoint (size, root, keyID, signature) VALUES (?, ?, ?, ?)",
                               arguments: [Int64(checkpoint.size), checkpoint.root, checkpoint.keyID, checkpoint.signature])
            }
            try db.execute(sql: "UPDATE auditFrontier SET size = ?, hashes = ?", arguments: [Int64(frontier.size), frontier.hashes.reduce(Data(), +)])
        }
        #expect(try exchange.operator_("audit", "verify").status == 0, "the rewritten log is consistent in itself")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Another",
                        "--summary", "s", "--source", "complaint")
        let sync = try exchange.node("NMC", "sync")
        #expect(sync.status == 3 && sync.stderr.contains("ALARM") && sync.stderr.contains("not consistent"), "\(sync.stderr)")
    }
}
