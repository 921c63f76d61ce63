import GRDB

/// The Ombudsman's adult social care decisions on this node (core migration
/// `v14-ombudsman-decisions`): recorded at LGSCO and exported monthly, or imported at CQC from
/// that spreadsheet — one row per LGSCO case, its "Overall decision detail" verbatim.
enum OmbudsmanDecisionSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "ombudsmanDecision") { t in
            t.primaryKey("caseReference", .text)
            t.column("body", .text).notNull()
            t.column("cqcId", .text).notNull()
            t.column("location", .text).notNull()
            t.column("locationCQCId", .text).notNull()
            t.column("subCategory", .text).notNull()
            t.column("receivedOn", .text).notNull()
            t.column("decidedOn", .text).notNull().indexed()
            t.column("detail", .text).notNull()
            t.column("decision", .text)
            t.column("origin", .text).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
    }
}
