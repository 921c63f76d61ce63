import GRDB

extension NodeStore {
    /// Whether the store's connections overwrite deleted content (`PRAGMA secure_delete`).
    public func secureDeleteIsOn() throws -> Bool {
        try database.write { try Int.fetchOne($0, sql: "PRAGMA secure_delete") == 1 }
    }

    /// SQLite's own check of the file: `["ok"]` when it is sound.
    public func integrityCheck() throws -> [String] {
        try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }
}
