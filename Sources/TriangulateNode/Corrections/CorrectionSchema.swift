import GRDB
import TriangulateModel

/// The table of corrections (migration `v10-corrections`): every correction with the old and
/// new value, who and why. Never updated or deleted.
enum CorrectionSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "correction") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("caseId", .text).notNull().indexed()
            t.column("field", .text).notNull()
            t.column("label", .text).notNull()
            t.column("oldValue", .text).notNull()
            t.column("newValue", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("at", .datetime).notNull()
        }
    }
}

extension Correction: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "correction"
}
