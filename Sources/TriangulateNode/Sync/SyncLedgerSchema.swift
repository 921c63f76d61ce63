import GRDB
import TriangulateModel
import TriangulateSync

/// The tables that track shareable writes as changes (migration `v2-sync-ledger`).
///
/// - `syncReplica`: this node's replica id and the last reading of its clock.
/// - `syncDocument`: the merged CRDT state of every shareable document, local or received.
/// - `syncCommit`: this node's own changes, one encoded change set per transaction.
/// - `syncVector`: the highest stamp applied from each other replica.
/// - `syncPending`: documents written in the current transaction and not yet tracked. Triggers
///   fill it on every insert or update of a shareable record, so no write path can forget to
///   track; the transaction empties it before committing.
enum SyncLedgerSchema {
    /// Each shareable table of the Emerging Concerns Protocol when this migration shipped, the
    /// document type its rows become, and the id column to track. Frozen with the migration:
    /// processes added since track their tables in their own migrations (`track`).
    static let trackedTables: [(table: String, type: DocumentType, idColumn: String)] = [
        ("concern", .concernSummary, "id"),
        ("safeguardingFlag", .concernSummary, "concernId"),
        ("informationRequest", .informationRequest, "id"),
        ("panel", .panel, "id"),
        ("action", .action, "id"),
        ("outcome", .outcome, "id"),
        ("learningReview", .learningReview, "id"),
    ]

    static func create(_ db: Database) throws {
        try db.create(table: "syncReplica") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("replica", .text).notNull()
            t.column("clockMillis", .integer).notNull()
            t.column("clockCounter", .integer).notNull()
        }
        try db.create(table: "syncDocument", options: .withoutRowID) { t in
            t.primaryKey("id", .text)
            t.column("type", .text).notNull()
            t.column("owner", .text).notNull()
            t.column("state", .blob).notNull()
        }
        try db.create(table: "syncCommit") { t in
            t.autoIncrementedPrimaryKey("seq")
            t.column("lastMillis", .integer).notNull()
            t.column("lastCounter", .integer).notNull()
            t.column("changeCount", .integer).notNull()
            t.column("changes", .blob).notNull()
        }
        try db.create(table: "syncVector", options: .withoutRowID) { t in
            t.primaryKey("replica", .text)
            t.column("millis", .integer).notNull()
            t.column("counter", .integer).notNull()
        }
        try db.create(table: "syncPending", options: .withoutRowID) { t in
            t.column("type", .text).notNull()
            t.column("id", .text).notNull()
            t.primaryKey(["type", "id"])
        }
        for (table, type, idColumn) in trackedTables where try db.tableExists(table) {
            try track(table, as: type, idColumn: idColumn, in: db)
        }
    }

    /// Tracks a process's table: triggers fill `syncPending` on every insert or update of a row,
    /// so that its document is projected and its changes recorded in the same transaction. Rows
    /// already there are tracked by the next transaction. A process's migration calls this for
    /// each table whose rows become a shareable document.
    static func track(_ table: String, as type: DocumentType, idColumn: String, in db: Database) throws {
        for event in ["INSERT", "UPDATE"] {
            try db.execute(sql: """
                CREATE TRIGGER "track_\(table)_\(event.lowercased())" AFTER \(event) ON "\(table)"
                BEGIN
                    INSERT OR IGNORE INTO syncPending (type, id) VALUES ('\(type.rawValue)', NEW."\(idColumn)");
                END
                """)
        }
        try db.execute(sql: """
            INSERT OR IGNORE INTO syncPending (type, id) SELECT '\(type.rawValue)', "\(idColumn)" FROM "\(table)"
            """)
    }
}
