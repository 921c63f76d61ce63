import GRDB
import TriangulateModel

/// The tables every flow process keeps its cases in (core migration `v12-flows`): one set for
/// all of them, since a flow's stages and steps are configuration (`FlowDefinition`).
///
/// - `flowCase`: one row per case, with its process and state.
/// - `flowEvent`: every step taken on a case, in order, with its answers.
/// - `flowItem`: the items of a case's lists (an improvement plan's areas).
/// - `flowNotice`: the notices a step wrote to share, each its own document of its type.
///
/// Core migration `v16-flow-replies` adds a notice's release day (an embargo), `flowReply`:
/// every reply a recipient wrote to a notice, with what became of it on the case, and
/// `processSetting`: a process's settings on this node (the publication lag of an embargo).
enum FlowSchema {
    static func addReplies(_ db: Database) throws {
        try db.alter(table: "flowNotice") { t in t.add(column: "releaseOn", .text) }
        try db.create(table: "flowReply") { t in
            t.column("noticeId", .text).notNull().references("flowNotice", onDelete: .restrict)
            t.column("element", .text).notNull()
            t.primaryKey(["noticeId", "element"])
            t.column("fromOrganisations", .text).notNull()
            t.column("receivedAt", .datetime).notNull()
            t.column("outcome", .text).notNull()
        }
        try db.create(table: "processSetting") { t in
            t.column("process", .text).notNull()
            t.column("name", .text).notNull()
            t.primaryKey(["process", "name"])
            t.column("value", .text).notNull()
            t.column("setBy", .text).notNull()
            t.column("setAt", .datetime).notNull()
        }
    }

    static func create(_ db: Database) throws {
        try db.create(table: "flowCase") { t in
            t.primaryKey("id", .text)
            t.column("process", .text).notNull().indexed()
            t.column("reference", .text).notNull().unique()
            t.column("title", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("state", .text).notNull()
            t.column("openedOn", .text).notNull()
            t.column("closedOn", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "flowEvent") { t in
            t.column("caseId", .text).notNull().references("flowCase", onDelete: .restrict)
            t.column("seq", .integer).notNull()
            t.primaryKey(["caseId", "seq"])
            t.column("step", .text).notNull()
            t.column("on", .text).notNull()
            t.column("answers", .jsonText).notNull()
            t.column("fromState", .text).notNull()
            t.column("toState", .text).notNull()
            t.column("by", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(table: "flowItem") { t in
            t.column("caseId", .text).notNull().references("flowCase", onDelete: .restrict)
            t.column("list", .text).notNull()
            t.column("number", .integer).notNull()
            t.primaryKey(["caseId", "list", "number"])
            t.column("answers", .jsonText).notNull()
            t.column("status", .text).notNull()
            t.column("evidence", .text)
            t.column("updatedOn", .text).notNull()
        }
        try db.create(table: "flowNotice") { t in
            t.primaryKey("id", .text)
            t.column("caseId", .text).notNull().references("flowCase", onDelete: .restrict)
            t.column("type", .text).notNull()
            t.column("reference", .text).notNull().unique()
            t.column("issuedOn", .text).notNull()
            t.column("issuedBy", .text).notNull()
            t.column("text", .text).notNull()
        }
        // A notice is a document of its own type: tracked for sync as it is written or corrected.
        for event in ["INSERT", "UPDATE"] {
            try db.execute(sql: """
                CREATE TRIGGER "track_flowNotice_\(event.lowercased())" AFTER \(event) ON flowNotice
                BEGIN
                    INSERT OR IGNORE INTO syncPending (type, id) VALUES (NEW.type, NEW.id);
                END
                """)
        }
        try CaseSearchSchema.index("flowCase", source: "subject", identifiers: "NEW.subject", in: db)
    }
}

extension FlowCase: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "flowCase"
}

extension FlowItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "flowItem"
}
