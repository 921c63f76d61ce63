import GRDB
import TriangulateModel

/// The tables of meetings, for every process (migration `meetings-v1-meetings`).
///
/// - `meeting`: one row per meeting; `meetingInvitee`, `meetingAction`, `meetingItem` beside it.
/// - `meetingSeries`: standing series (seed 003).
/// - `meetingAgendaTemplate`: a kind's agenda as this organisation edited it.
///
/// A meeting's rows make its `meeting-record` document; its items marked as shareable with the
/// provider make its `provider-shared-items` document, under an id of its own.
enum MeetingSchema {
    static let migrations = [NodeMigration(name: "meetings-v1-meetings", migrate: create)]

    private static func create(_ db: Database) throws {
        try db.create(table: "meetingSeries") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique()
            t.column("kind", .text).notNull()
            t.column("title", .text).notNull()
            t.column("startsOn", .text).notNull()
            t.column("cadence", .jsonText).notNull()
            t.column("repeats", .boolean).notNull()
            t.column("chairs", .jsonText).notNull()
            t.column("chairPeriod", .jsonText).notNull()
            t.column("invitees", .jsonText).notNull()
            t.column("templateLead", .jsonText).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "meeting") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique()
            t.column("kind", .text).notNull()
            t.column("date", .text).notNull()
            t.column("chair", .text).notNull()
            t.column("chairPerson", .text)
            t.column("caseId", .text).indexed()
            t.column("seriesId", .text).indexed().references("meetingSeries", onDelete: .restrict)
            t.column("personalInformation", .boolean).notNull()
            t.column("agenda", .jsonText).notNull()
            t.column("minutes", .text)
            t.column("minutesState", .text).notNull()
            t.column("minutesAgreedBy", .text)
            t.column("minutesAgreedOn", .text)
            t.column("decisions", .jsonText).notNull()
            t.column("providerDocumentId", .text).notNull().unique()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "meetingInvitee") { t in
            t.column("meetingId", .text).notNull().indexed().references("meeting", onDelete: .restrict)
            t.column("organisation", .text).notNull()
            t.column("person", .text)
            t.column("needToKnow", .text)
            t.column("attendance", .text).notNull()
            t.column("templateSubmittedOn", .text)
        }
        try db.create(table: "meetingAction") { t in
            t.column("meetingId", .text).notNull().references("meeting", onDelete: .restrict)
            t.column("number", .integer).notNull()
            t.primaryKey(["meetingId", "number"])
            t.column("description", .text).notNull()
            t.column("owner", .text).notNull()
            t.column("ownerPerson", .text)
            t.column("due", .text).notNull()
            t.column("status", .text).notNull()
            t.column("evidence", .text)
            t.column("updatedOn", .text).notNull()
        }
        try db.create(table: "meetingItem") { t in
            t.column("meetingId", .text).notNull().references("meeting", onDelete: .restrict)
            t.column("number", .integer).notNull()
            t.primaryKey(["meetingId", "number"])
            t.column("topic", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("from", .text).notNull()
            t.column("sharedWithProvider", .boolean).notNull()
        }
        try db.create(table: "meetingAgendaTemplate") { t in
            t.primaryKey("kind", .text)
            t.column("items", .jsonText).notNull()
            t.column("updatedBy", .text).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        let record = InformationSharingMeetings.meetingRecord.rawValue, provider = InformationSharingMeetings.providerItems.rawValue
        try SyncLedgerSchema.track("meeting", as: InformationSharingMeetings.meetingRecord, idColumn: "id", in: db)
        for table in ["meetingInvitee", "meetingAction", "meetingItem"] {
            for event in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER "track_\(table)_\(event.lowercased())" AFTER \(event) ON "\(table)"
                    BEGIN
                        INSERT OR IGNORE INTO syncPending (type, id) VALUES ('\(record)', NEW.meetingId);
                        INSERT OR IGNORE INTO syncPending (type, id) SELECT '\(provider)', providerDocumentId FROM meeting WHERE id = NEW.meetingId;
                    END
                    """)
            }
        }
    }
}

extension Meeting: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meeting"
}

extension MeetingSeries: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meetingSeries"
}

extension MeetingInvitee: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meetingInvitee"
}

extension MeetingAction: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meetingAction"
}

extension MeetingItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "meetingItem"
}
