import GRDB
import TriangulateModel

/// The table of records made for the Forum secretariat (migration `ecp-v3-forum-record`): one
/// per concern, made when its panel's record is distributed or its outcome shared. The record's
/// document is projected from the concern, its panels, actions and outcome, so every write to
/// those re-projects it in the same transaction.
enum ForumRecordSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "forumRecord") { t in
            t.primaryKey("id", .text)
            t.column("concernId", .text).notNull().unique().references("concern")
            t.column("createdAt", .datetime).notNull()
        }
        try SyncLedgerSchema.track("forumRecord", as: .forumRecord, idColumn: "id", in: db)
        for (table, concernColumn) in [("concern", "id"), ("panelDecision", "concernId"), ("panel", "concernId"),
                                       ("action", "concernId"), ("outcome", "concernId")] {
            for event in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER "track_forum_\(table)_\(event.lowercased())" AFTER \(event) ON "\(table)"
                    BEGIN
                        INSERT OR IGNORE INTO syncPending (type, id)
                        SELECT '\(DocumentType.forumRecord.rawValue)', id FROM forumRecord WHERE concernId = NEW."\(concernColumn)";
                    END
                    """)
            }
        }
    }
}
