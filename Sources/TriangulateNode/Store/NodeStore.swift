import Foundation
import Synchronization
import GRDB
import TriangulateProtocol
import TriangulateModel

/// The organisation's own record of its use of the protocol: one SQLite file, in WAL mode,
/// with `secure_delete` on so that deleted content is overwritten in the file.
///
/// Every command is one transaction: the record, its state change and its history line are
/// written together or not at all, so a process killed mid-command leaves the file as it was
/// before the command or as it is after it, never in between.
public final class NodeStore: Sendable {
    /// Where the store lives.
    public let path: String
    /// The organisation this node belongs to.
    public let organisation: OrganisationCode
    let database: DatabasePool
    /// Copies the write-ahead log into the file off the writer's commits.
    let checkpointer: LogCheckpointer
    let environment: NodeEnvironment
    /// The signing key last read, with the stored bytes it came from: deriving a key from its
    /// bytes costs a scalar multiplication, and every request to the hub is signed.
    let signingKeyCache = Mutex<(raw: Data, key: NodeSigningKey)?>(nil)

    /// Today's date in London, by the store's clock.
    public var today: LocalDate { environment.today }
    /// The current instant, by the store's clock.
    public var now: Date { environment.now() }

    /// A warning when the store's files can be read by other users (`PrivateFile.exposure`).
    public var fileWarning: String? { PrivateFile.exposure(of: path) }

    private init(path: String, connections: Connections, organisation: OrganisationCode, environment: NodeEnvironment) {
        self.path = path
        self.database = connections.database
        self.checkpointer = connections.checkpointer
        self.organisation = organisation
        self.environment = environment
    }

    // The checkpointer's connection closes first, so that the writer is the last to close and
    // removes the write-ahead log, as SQLite does when the last connection to a file closes.
    deinit {
        checkpointer.stop()
    }

    /// Waits for a checkpoint the store's writes started in the background to finish.
    public func waitForLogCheckpoint() {
        checkpointer.waitUntilIdle()
    }

    /// Copies the whole write-ahead log into the file and empties it, so that nothing a
    /// transaction deleted is left in the log's bytes. SQLite runs one checkpoint at a time and
    /// refuses a second at once, so this waits, on the writer (where no commit can start
    /// another), for a background checkpoint to finish first.
    public func truncateLog() throws {
        _ = try database.writeWithoutTransaction { db in
            checkpointer.waitUntilIdle()
            return try db.checkpoint(.truncate)
        }
    }

    /// Creates a new store at `path` for `organisation`, seeded with `registry` and the local
    /// agenda template. An organisation not in the registry (a local Healthwatch, a council)
    /// gives its name and kind as `own`, and is added as a partner. Refuses to overwrite any
    /// existing file.
    public static func create(
        at path: String, organisation: OrganisationCode, own: Organisation? = nil, registry: OrganisationRegistry = .ecp2021,
        by user: String, environment: NodeEnvironment = .live
    ) throws -> NodeStore {
        if FileManager.default.fileExists(atPath: path) {
            throw NodeError(.storeExists, "\(path) already exists: choose another --store path, or use the existing store")
        }
        try PrivateFile.prepare(path)
        let connections = try openConnections(at: path)
        let database = connections.database
        do {
            try NodeSchema.migrator.migrate(database)
            try database.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)  // puts the application id in the main file's header
            }
            try database.write { db in
                for entry in registry.organisations {
                    try db.execute(
                        sql: "INSERT INTO organisation (code, name, kind, role, registryVersion) VALUES (?, ?, ?, ?, ?)",
                        arguments: [entry.code, entry.name, entry.kind.rawValue, entry.role.rawValue, registry.version])
                }
                if registry.organisation(organisation) == nil {
                    guard let own, own.code == organisation else {
                        throw NodeError(
                            .unknownOrganisation,
                            "\(organisation) is not in the \(registry.version) list (\(registry.organisations.map(\.code.rawValue).joined(separator: ", "))): for another organisation, such as a local Healthwatch or a council, give its --name and --kind too"
                        )
                    }
                    guard !own.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw NodeError(.invalidInput, "give the organisation's name: --name")
                    }
                    try db.execute(
                        sql: "INSERT INTO organisation (code, name, kind, role, registryVersion) VALUES (?, ?, ?, ?, ?)",
                        arguments: [own.code, own.name, own.kind.rawValue, own.role.rawValue, "local"])
                }
                try db.execute(
                    sql: "INSERT INTO nodeIdentity (singleton, organisation, registryVersion, createdAt, createdBy) VALUES (1, ?, ?, ?, ?)",
                    arguments: [organisation, registry.version, environment.now(), user])
                try db.execute(
                    sql: "INSERT INTO agendaTemplate (singleton, label, items) VALUES (1, ?, ?)",
                    arguments: [AgendaTemplate.localDefault.label, String(decoding: try JSONEncoder().encode(AgendaTemplate.localDefault.items), as: UTF8.self)])
            }
        } catch {
            connections.checkpointer.stop()
            try? database.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return NodeStore(path: path, connections: connections, organisation: organisation, environment: environment)
    }

    /// Opens an existing store. A missing file, a file that is not a node store, or a store
    /// from a newer version is refused with an error saying what to do; nothing is written.
    public static func open(at path: String, environment: NodeEnvironment = .live) throws -> NodeStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NodeError(.storeMissing, "there is no store at \(path): create one with `triangulate init --org CODE`, or pass --store PATH")
        }
        let foreign = NodeError(.storeForeign, "\(path) is not a Triangulate node store: check --store (or TRIANGULATE_STORE)")
        guard isNodeStore(path) else { throw foreign }
        let connections: Connections
        do {
            connections = try openConnections(at: path)
        } catch {
            throw foreign
        }
        let database = connections.database
        do {
            let known = Set(NodeSchema.migrator.migrations)
            let applied = try database.read { try NodeSchema.migrator.appliedIdentifiers($0) }
            if !applied.isSubset(of: known) {
                throw NodeError(.storeTooNew, "\(path) was written by a newer version of Triangulate: upgrade triangulate to open it")
            }
            if try database.read({ try NodeSchema.migrator.hasCompletedMigrations($0) }) == false {
                try NodeSchema.migrator.migrate(database)
            }
            let organisation = try database.read { db in
                try String.fetchOne(db, sql: "SELECT organisation FROM nodeIdentity")
            }
            guard let organisation, let code = try? OrganisationCode(parsing: organisation) else { throw foreign }
            return NodeStore(path: path, connections: connections, organisation: code, environment: environment)
        } catch let error as NodeError {
            connections.checkpointer.stop()
            try? database.close()
            throw error
        } catch {
            connections.checkpointer.stop()
            try? database.close()
            throw foreign
        }
    }

    /// Opens the SQLite file at `path` with the store's settings, creating it when missing: WAL,
    /// foreign keys, deleted content overwritten (`secure_delete`), commits that return only
    /// once on disk (`synchronous = FULL`), so that what was acknowledged survives a power cut,
    /// a writer whose page cache can hold `writerCacheKiB` (readers keep SQLite's 2 MiB), and
    /// whose write-ahead log is copied into the file in the background (`LogCheckpointer`).
    /// The benchmarks time plain SQLite under the same settings.
    public static func openDatabase(at path: String) throws -> DatabasePool {
        try openConnections(at: path).database
    }

    /// A store's connections: the pool, and what checkpoints its writer's log.
    struct Connections {
        let database: DatabasePool
        let checkpointer: LogCheckpointer
    }

    /// Opens the SQLite file at `path` with the store's settings (`openDatabase`).
    static func openConnections(at path: String) throws -> Connections {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let checkpointer = LogCheckpointer(path: path)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)")
                if let writer = db.sqliteConnection { checkpointer.attach(to: writer) }
            }
        }
        let database = try DatabasePool(path: path, configuration: configuration)
        // Only once the pool is open: putting its writer in WAL mode sets synchronous to NORMAL.
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        return Connections(database: database, checkpointer: checkpointer)
    }

    /// The most the writer's page cache holds, in KiB: 64 MiB, the state rows of about 250,000
    /// documents. With SQLite's default of 2 MiB, a batch of changes to documents spread over
    /// a filled store read most pages back from the file, and spilled changed pages into the
    /// write-ahead log before the commit, some of them more than once. SQLite takes the memory
    /// only as pages are read, so a small store costs no more.
    public static let writerCacheKiB = 65_536

    /// Whether the file is a SQLite database with the node store's `application_id`. The header
    /// is read first, without opening the file as a database; only a SQLite file whose header
    /// disagrees (the id may still sit in its write-ahead log) is opened, read-only, to ask.
    private static func isNodeStore(_ path: String) -> Bool {
        guard let headerID = applicationID(ofFileAt: path) else { return false }
        if headerID == NodeSchema.applicationID { return true }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        defer { try? queue.close() }
        let id = try? queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }
        return id == NodeSchema.applicationID
    }

    /// The `application_id` in a SQLite file's header (bytes 68–71, big-endian), read without
    /// opening the file as a database, so that a foreign file is never modified; `nil` when the
    /// file is not SQLite.
    private static func applicationID(ofFileAt path: String) -> Int32? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100,
              header.prefix(16) == Data("SQLite format 3\u{0}".utf8) else { return nil }
        let bytes = [UInt8](header[68..<72])
        return Int32(bitPattern: bytes.reduce(0) { $0 << 8 | UInt32($1) })
    }
}
