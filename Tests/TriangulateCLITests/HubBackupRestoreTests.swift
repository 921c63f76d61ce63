import Foundation
import Testing

/// The operator's backup and restore, as ops/ tells it: `ops/hub/backup.sh` while the hub runs,
/// the store destroyed, `ops/hub/restore.sh`, the hub started again — and the nodes keep syncing
/// and the audit log verifies. On PostgreSQL the database and roles come from
/// `ops/hub/postgres-setup.sql` itself.
@Suite("Hub backup and restore", .serialized)
struct HubBackupRestoreTests {
    static let stores = ["SQLite"] + (Exchange.postgresServer == nil ? [] : ["PostgreSQL"])

    /// The repository's `ops/hub` folder.
    static let opsHub = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../ops/hub").standardized

    /// A hub database made by postgres-setup.sql on the test server, as its administrator would.
    struct SetUpDatabase {
        let name: String
        let hubURL: String
        let backupURL: String
    }

    static func runSetup(on server: String, in directory: URL) throws -> SetUpDatabase {
        let name = "triangulate_bk_\(UUID().uuidString.prefix(8).lowercased())"
        let hubPassword = UUID().uuidString, backupPassword = UUID().uuidString
        let setup = try CLI.launch(["psql", server, "-q", "-v", "database=\(name)", "-v", "hub_role=\(name)_hub", "-v", "backup_role=\(name)_backup",
                                    "-v", "hub_password=\(hubPassword)", "-v", "backup_password=\(backupPassword)",
                                    "-f", opsHub.appendingPathComponent("postgres-setup.sql").path],
                                   in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(setup.status == 0, "postgres-setup.sql failed: \(setup.stderr)")
        let parts = try #require(URLComponents(string: server))
        let address = "\(try #require(parts.host)):\(parts.port ?? 5432)"
        return SetUpDatabase(name: name, hubURL: "postgres://\(name)_hub:\(hubPassword)@\(address)/\(name)",
                             backupURL: "postgres://\(name)_backup:\(backupPassword)@\(address)/\(name)")
    }

    /// Runs one of ops/hub's scripts with `environment`.
    static func script(_ name: String, _ arguments: [String], environment: [String: String], in directory: URL) throws -> CLI.Result {
        try CLI.launch([opsHub.appendingPathComponent(name).path] + arguments, in: directory,
                       environment: environment.merging(["TRIANGULATE_HUB_BIN": CLI.executable(named: "triangulate-hub").path]) { $1 },
                       executable: URL(fileURLWithPath: "/bin/bash"))
    }

    @Test(arguments: stores)
    func backUpDestroyRestoreAndKeepSyncing(_ store: String) async throws {
        let server = Exchange.postgresServer ?? ""
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = store == "PostgreSQL" ? try Self.runSetup(on: server, in: scratch) : nil
        let exchange = try database.map { try Exchange(storeArguments: ["--postgres", $0.hubURL]) } ?? Exchange()
        let hubFile = exchange.directory.appendingPathComponent("hub.sqlite").path
        let backupEnvironment = database.map { ["TRIANGULATE_HUB_BACKUP_URL": $0.backupURL] } ?? ["TRIANGULATE_HUB_STORE": hubFile]
        let restoreEnvironment = database.map { ["TRIANGULATE_HUB_POSTGRES": $0.hubURL, "TRIANGULATE_HUB_ADMIN_URL": server] }
            ?? ["TRIANGULATE_HUB_STORE": hubFile]

        try exchange.join("CQC", "NMC")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Before the backup",
                        "--summary", "s", "--source", "complaint")
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC", "--purpose", "p", "--basis", "b").object["id"] as? String ?? ""
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }

        // Back up while the hub runs; a second backup to the same file is refused, not overwritten.
        let file = scratch.appendingPathComponent("hub.backup").path
        let backup = try Self.script("backup.sh", [file], environment: backupEnvironment, in: scratch)
        #expect(backup.status == 0, "backup.sh failed: \(backup.stdout) \(backup.stderr)")
        #expect(try Self.script("backup.sh", [file], environment: backupEnvironment, in: scratch).status == 2)

        // The hub's store is lost.
        exchange.stopHubs()
        if let database {
            let drop = try CLI.launch(["psql", server, "-q", "-c", "DROP DATABASE \(database.name) WITH (FORCE)"], in: scratch,
                                      executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(drop.status == 0, "\(drop.stderr)")
        } else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: hubFile + suffix) }
        }
        #expect(try exchange.operator_("audit", "verify").status != 0, "the store is really gone")

        // Restored, verified, and never over an existing store.
        let restore = try Self.script("restore.sh", [file], environment: restoreEnvironment, in: scratch)
        #expect(restore.status == 0, "restore.sh failed: \(restore.stdout) \(restore.stderr)")
        let again = try Self.script("restore.sh", [file], environment: restoreEnvironment, in: scratch)
        #expect(again.status == 2 && again.stderr.contains("never overwrites"), "\(again.stderr)")

        // The nodes keep syncing through the restored hub: an edit to the old share and a new share arrive.
        try exchange.restartHub(for: ["CQC", "NMC"])
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "After the restore",
                        "--summary", "s", "--source", "complaint")
        try exchange.ok("CQC", "share", "ECP-2026-0002", "--to", "NMC", "--purpose", "p", "--basis", "b")
        try exchange.ok("CQC", "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--rationale", "r")
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        let received = try exchange.ok("NMC", "received").array
        #expect(received.count == 2)
        let first = try exchange.ok("NMC", "received", "show", share).object
        #expect((first["fields"] as? [String: Any]).map { "\($0)" }?.contains("trigger") == true, "the edit after the restore arrived: \(first)")
        let verify = try exchange.operator_("audit", "verify")
        #expect(verify.status == 0, "\(verify.stdout)")

        // The restored store backs up as the first did (on PostgreSQL: the backup role's grants came back too).
        let next = try Self.script("backup.sh", [file + ".next"], environment: backupEnvironment, in: scratch)
        #expect(next.status == 0, "the restored store does not back up: \(next.stderr)")

        if let database {
            exchange.stopHubs()
            let drop = try CLI.launch(["psql", server, "-q", "-c", "DROP DATABASE \(database.name) WITH (FORCE)",
                                       "-c", "DROP ROLE \(database.name)_hub", "-c", "DROP ROLE \(database.name)_backup"],
                                      in: scratch, executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(drop.status == 0, "\(drop.stderr)")
        }
    }

    /// The usual disaster: the hub accepted more after its last backup. Restored, its log is
    /// shorter than the nodes saw, and they stop with an ALARM — until a person, given the
    /// restored log's size and root by the hub operator, runs `triangulate rejoin`. Then what the
    /// hub lost comes back from the nodes: the share made after the backup reaches NMC again.
    @Test(arguments: stores)
    func anOlderBackupStopsTheNodesUntilTheyRejoin(_ store: String) async throws {
        let server = Exchange.postgresServer ?? ""
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let database = store == "PostgreSQL" ? try Self.runSetup(on: server, in: scratch) : nil
        let exchange = try database.map { try Exchange(storeArguments: ["--postgres", $0.hubURL]) } ?? Exchange()
        let hubFile = exchange.directory.appendingPathComponent("hub.sqlite").path
        let backupEnvironment = database.map { ["TRIANGULATE_HUB_BACKUP_URL": $0.backupURL] } ?? ["TRIANGULATE_HUB_STORE": hubFile]
        let restoreEnvironment = database.map { ["TRIANGULATE_HUB_POSTGRES": $0.hubURL, "TRIANGULATE_HUB_ADMIN_URL": server] }
            ?? ["TRIANGULATE_HUB_STORE": hubFile]

        try exchange.join("CQC", "NMC")
        for (number, title) in ["Before the backup", "After the backup"].enumerated() {
            try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", title,
                            "--summary", "s", "--source", "complaint")
            try exchange.ok("CQC", "share", String(format: "ECP-2026-%04d", number + 1), "--to", "NMC", "--purpose", "p", "--basis", "b")
            for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
            if number == 0 {
                let backup = try Self.script("backup.sh", [scratch.appendingPathComponent("hub.backup").path], environment: backupEnvironment, in: scratch)
                #expect(backup.status == 0, "backup.sh failed: \(backup.stderr)")
            }
        }
        #expect(try exchange.ok("NMC", "received").array.count == 2)

        exchange.stopHubs()
        if let database {
            _ = try CLI.launch(["psql", server, "-q", "-c", "DROP DATABASE \(database.name) WITH (FORCE)"], in: scratch,
                               executable: URL(fileURLWithPath: "/usr/bin/env"))
        } else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: hubFile + suffix) }
        }
        let restore = try Self.script("restore.sh", [scratch.appendingPathComponent("hub.backup").path], environment: restoreEnvironment, in: scratch)
        #expect(restore.status == 0, "restore.sh failed: \(restore.stderr)")
        try exchange.restartHub(for: ["CQC", "NMC"])

        // The restored log is shorter than the nodes saw: they stop, and say why.
        for organisation in ["CQC", "NMC"] {
            let sync = try exchange.node(organisation, "sync")
            #expect(sync.status != 0 && sync.stderr.contains("ALARM"), "\(organisation): \(sync.stderr)")
        }

        // The hub operator announces the restored log; a wrong root changes nothing.
        let announced = try exchange.operator_("audit", "verify").object
        let size = "\(announced["entries"] as? Int ?? -1)", root = announced["root"] as? String ?? ""
        let wrong = try exchange.node("NMC", "rejoin", "--size", size, "--root", String(repeating: "ab", count: 32))
        #expect(wrong.status != 0 && wrong.stderr.contains("nothing changed"), "\(wrong.stderr)")
        #expect(try exchange.node("NMC", "sync").status != 0, "a refused rejoin leaves the node stopped")

        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "rejoin", "--size", size, "--root", root) }
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        #expect(try exchange.node("NMC", "rejoin", "--size", size, "--root", root).stderr.contains("nothing to rejoin"))

        // The hub knows the lost share again (CQC pushed it again), so an edit to it reaches NMC,
        // which holds each share once.
        try exchange.ok("CQC", "concern", "evaluate", "ECP-2026-0002", "--decision", "trigger", "--rationale", "r")
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        let received = try exchange.ok("NMC", "received").array
        #expect(received.count == 2, "NMC holds each share once: \(received)")
        let shown = try received.map { try exchange.ok("NMC", "received", "show", $0["share"] as? String ?? "").stdout }
        let lost = try #require(shown.first { $0.contains("After the backup") }, "the share made after the backup is gone from NMC")
        #expect(lost.contains("trigger"), "the edit to the share the hub had lost did not arrive: \(lost)")
        let verify = try exchange.operator_("audit", "verify")
        #expect(verify.status == 0, "\(verify.stdout)")

        if let database {
            exchange.stopHubs()
            _ = try CLI.launch(["psql", server, "-q", "-c", "DROP DATABASE \(database.name) WITH (FORCE)",
                                "-c", "DROP ROLE \(database.name)_hub", "-c", "DROP ROLE \(database.name)_backup"],
                               in: scratch, executable: URL(fileURLWithPath: "/usr/bin/env"))
        }
    }
}
