import Foundation
import Testing

/// The operator's backup and restore, as ops/ tells it: `ops/hub/backup.sh` while the hub runs,
/// the store destroyed, `ops/hub/restore.sh`, the hub started again — and the nodes keep syncing
/// and the audit log verifies. On PostgreSQL the database and roles come from
/// `ops/hub/postgres-setup.sql` itself.
@Suite("Hub backup and restore", .serialized)
struct HubBackupRestoreTests {
    static let stores = ["SQLite"] + (Exchange.postgresServer == nil ? [] : ["PostgreSQL"])

    @Test(arguments: stores)
    func backUpDestroyRestoreAndKeepSyncing(_ store: String) async throws {
        let hub = try BackedUpHub(on: store)
        defer { hub.tearDown() }
        let exchange = hub.exchange
        try exchange.join("CQC", "NMC")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Before the backup",
                        "--summary", "s", "--source", "complaint")
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC", "--purpose", "p", "--basis", "b").object["id"] as? String ?? ""
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }

        // Back up while the hub runs; a second backup to the same file is refused, not overwritten.
        let backup = try hub.script("backup.sh", hub.backupFile)
        #expect(backup.status == 0, "backup.sh failed: \(backup.stdout) \(backup.stderr)")
        #expect(try hub.script("backup.sh", hub.backupFile).status == 2)

        try hub.destroy()
        #expect(try exchange.operator_("audit", "verify").status != 0, "the store is really gone")

        // Restored, verified, and never over an existing store.
        let restore = try hub.script("restore.sh", hub.backupFile)
        #expect(restore.status == 0, "restore.sh failed: \(restore.stdout) \(restore.stderr)")
        let again = try hub.script("restore.sh", hub.backupFile)
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
        let next = try hub.script("backup.sh", hub.backupFile + ".next")
        #expect(next.status == 0, "the restored store does not back up: \(next.stderr)")
    }

    /// The usual disaster: the hub accepted more after its last backup. Restored, its log is
    /// shorter than the nodes saw, and they stop with an ALARM — until a person, given the
    /// restored log's size and root by the hub operator, runs `triangulate rejoin`. Then what the
    /// hub lost comes back from the nodes: the share made after the backup is on the hub again.
    @Test(arguments: stores)
    func anOlderBackupStopsTheNodesUntilTheyRejoin(_ store: String) async throws {
        let hub = try BackedUpHub(on: store)
        defer { hub.tearDown() }
        let exchange = hub.exchange
        try exchange.join("CQC", "NMC")
        for (number, title) in ["Before the backup", "After the backup"].enumerated() {
            try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", title,
                            "--summary", "s", "--source", "complaint")
            try exchange.ok("CQC", "share", String(format: "ECP-2026-%04d", number + 1), "--to", "NMC", "--purpose", "p", "--basis", "b")
            for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
            if number == 0 {
                let backup = try hub.script("backup.sh", hub.backupFile)
                #expect(backup.status == 0, "backup.sh failed: \(backup.stderr)")
            }
        }
        #expect(try exchange.ok("NMC", "received").array.count == 2)

        try hub.destroy()
        let restore = try hub.script("restore.sh", hub.backupFile)
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
    }
}

/// A hub to back up and restore, as its operator would: on SQLite, or on a PostgreSQL database
/// and roles made by `ops/hub/postgres-setup.sql` itself; a scratch folder for the backups; and
/// ops/hub's scripts with the environment they read.
final class BackedUpHub {
    /// The repository's `ops/hub` folder.
    static let opsHub = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../ops/hub").standardized

    let exchange: Exchange
    let scratch: URL
    /// The PostgreSQL server the database was made on, and the database's name; nil on SQLite.
    let postgres: (server: String, database: String)?
    private let backupEnvironment: [String: String]
    private let restoreEnvironment: [String: String]
    private let hubFile: String

    var backupFile: String { scratch.appendingPathComponent("hub.backup").path }

    init(on store: String) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        if store == "PostgreSQL", let server = Exchange.postgresServer {
            let name = "triangulate_bk_\(UUID().uuidString.prefix(8).lowercased())"
            let hubPassword = UUID().uuidString, backupPassword = UUID().uuidString
            let setup = try Self.psql(server, ["-v", "database=\(name)", "-v", "hub_role=\(name)_hub", "-v", "backup_role=\(name)_backup",
                                               "-v", "hub_password=\(hubPassword)", "-v", "backup_password=\(backupPassword)",
                                               "-f", Self.opsHub.appendingPathComponent("postgres-setup.sql").path], in: scratch)
            #expect(setup.status == 0, "postgres-setup.sql failed: \(setup.stderr)")
            let parts = try #require(URLComponents(string: server))
            let address = "\(try #require(parts.host)):\(parts.port ?? 5432)"
            let hubURL = "postgres://\(name)_hub:\(hubPassword)@\(address)/\(name)"
            postgres = (server, name)
            exchange = try Exchange(storeArguments: ["--postgres", hubURL])
            backupEnvironment = ["TRIANGULATE_HUB_BACKUP_URL": "postgres://\(name)_backup:\(backupPassword)@\(address)/\(name)"]
            restoreEnvironment = ["TRIANGULATE_HUB_POSTGRES": hubURL, "TRIANGULATE_HUB_ADMIN_URL": server]
        } else {
            postgres = nil
            exchange = try Exchange()
            backupEnvironment = ["TRIANGULATE_HUB_STORE": exchange.directory.appendingPathComponent("hub.sqlite").path]
            restoreEnvironment = backupEnvironment
        }
        hubFile = exchange.directory.appendingPathComponent("hub.sqlite").path
    }

    /// Runs `ops/hub/NAME ARGUMENT` with the environment it reads (backup or restore).
    func script(_ name: String, _ argument: String) throws -> CLI.Result {
        try CLI.launch([Self.opsHub.appendingPathComponent(name).path, argument], in: scratch,
                       environment: (name == "backup.sh" ? backupEnvironment : restoreEnvironment)
                           .merging(["TRIANGULATE_HUB_BIN": CLI.executable(named: "triangulate-hub").path]) { $1 },
                       executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// Loses the hub's store: its processes stopped, the database dropped or the files deleted.
    func destroy() throws {
        exchange.stopHubs()
        if let postgres {
            let drop = try Self.psql(postgres.server, ["-c", "DROP DATABASE \(postgres.database) WITH (FORCE)"], in: scratch)
            #expect(drop.status == 0, "\(drop.stderr)")
        } else {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: hubFile + suffix) }
        }
    }

    /// Removes the scratch folder, and on PostgreSQL the database and roles.
    func tearDown() {
        exchange.stopHubs()
        if let postgres {
            let name = postgres.database
            _ = try? Self.psql(postgres.server, ["-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)",
                                                 "-c", "DROP ROLE IF EXISTS \(name)_hub", "-c", "DROP ROLE IF EXISTS \(name)_backup"], in: scratch)
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs `psql` against `server`, quietly.
    static func psql(_ server: String, _ arguments: [String], in directory: URL) throws -> CLI.Result {
        try CLI.launch(["psql", server, "-q"] + arguments, in: directory, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }
}
