import GRDB

extension NodeStore {
    /// Whether the store's connections overwrite deleted content (`PRAGMA secure_delete`).
    public func secureDeleteIsOn() throws -> Bool {
        try database.write { try Int.fetchOne($0, sql: "PRAGMA secure_delete") == 1 }
    }

    /// Whether a commit returns only once it is on disk (`PRAGMA synchronous = FULL` on the
    /// connection that writes), so that what the store acknowledged survives a power cut.
    public func commitsWaitForTheDisk() throws -> Bool {
        try database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") == 2 }
    }

    /// How much the writer's page cache may hold, in KiB (`PRAGMA cache_size`, which gives a
    /// size in KiB as a negative number).
    public func writerCacheKiB() throws -> Int {
        try database.writeWithoutTransaction { -(try Int.fetchOne($0, sql: "PRAGMA cache_size") ?? 0) }
    }

    /// SQLite's own check of the file: `["ok"]` when it is sound.
    public func integrityCheck() throws -> [String] {
        try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }
}
