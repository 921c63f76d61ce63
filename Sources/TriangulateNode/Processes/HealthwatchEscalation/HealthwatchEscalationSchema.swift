import GRDB
import TriangulateModel

/// The tables of Healthwatch escalation (migration `hwe-v1-escalations`).
///
/// - `hweCase`: one row per escalation.
/// - `hweStage`: one row per stage raised or skipped, keyed by escalation and stage.
/// - `hweClockSetting`: a stage's response clock, where the organisation changed the default.
enum HealthwatchEscalationSchema {
    static let migrations = [
        NodeMigration(name: "hwe-v1-escalations", migrate: create),
        NodeMigration(name: "hwe-v2-case-search") { db in
            try CaseSearchSchema.index("hweCase", source: "organisations",
                                       identifiers: "(SELECT group_concat(value, ' ') FROM json_each(NEW.organisations))", in: db)
        },
    ]

    private static func create(_ db: Database) throws {
        try db.create(table: "hweCase") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique()
            t.column("localHealthwatch", .text).notNull()
            t.column("concernType", .text).notNull()
            t.column("organisations", .jsonText).notNull()
            t.column("title", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("systemic", .boolean).notNull()
            t.column("nearlyNeverEvent", .boolean).notNull()
            t.column("identifiedOn", .text).notNull()
            t.column("safeguardingConsidered", .boolean).notNull()
            t.column("safeguardingNote", .text)
            t.column("state", .text).notNull()
            t.column("outcome", .text)
            t.column("outcomeSummary", .text)
            t.column("closedOn", .text)
            t.column("cqcReference", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "hweStage") { t in
            t.column("caseId", .text).notNull().references("hweCase", onDelete: .restrict)
            t.column("stage", .text).notNull()
            t.primaryKey(["caseId", "stage"])
            t.column("state", .text).notNull()
            t.column("raisedOn", .text)
            t.column("raisedWith", .text)
            t.column("copiedTo", .text)
            t.column("skippedReason", .text)
            t.column("skippedOn", .text)
            t.column("respondedOn", .text)
            t.column("response", .text)
            t.column("responseReceived", .boolean)
            t.column("satisfactory", .boolean)
            t.column("pausedDays", .integer).notNull().defaults(to: 0)
            t.column("heldSince", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "hweClockSetting") { t in
            t.primaryKey("stage", .text)
            t.column("warning", .text).notNull()
            t.column("breach", .text).notNull()
        }
        try SyncLedgerSchema.track("hweCase", as: HealthwatchEscalation.escalationDocument.type, idColumn: "id", in: db)
        try SyncLedgerSchema.track("hweStage", as: HealthwatchEscalation.escalationDocument.type, idColumn: "caseId", in: db)
    }
}

extension EscalationCase: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hweCase"
}

extension EscalationStageRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hweStage"
}
