import GRDB

/// The node store's schema, as append-only migrations: a migration that has shipped is never
/// edited; a change is a new migration.
enum NodeSchema {
    /// SQLite's `application_id` for node stores ("TRIN"), which tells a node store from any
    /// other SQLite file.
    static let applicationID: Int32 = 0x5452_494E

    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-protocol-record", migrate: createProtocolRecord)
        migrator.registerMigration("v2-sync-ledger", migrate: SyncLedgerSchema.create)
        migrator.registerMigration("v3-sharing", migrate: SharingSchema.create)
        migrator.registerMigration("v4-audit-checkpoints", migrate: SharingSchema.addAuditCheckpoints)
        migrator.registerMigration("v5-bank-holidays", migrate: CalendarSchema.create)
        migrator.registerMigration("v6-push-refusals", migrate: SharingSchema.addPushRefusals)
        migrator.registerMigration("v7-default-nation", migrate: CalendarSchema.addDefaultNation)
        migrator.registerMigration("v8-hub-trust-roots", migrate: SharingSchema.addHubTrustRoots)
        migrator.registerMigration("v9-people", migrate: PeopleSchema.create)
        migrator.registerMigration("v10-corrections", migrate: CorrectionSchema.create)
        migrator.registerMigration("v11-case-search", migrate: CaseSearchSchema.create)
        migrator.registerMigration("v12-flows", migrate: FlowSchema.create)
        migrator.registerMigration("v13-provider-register", migrate: RegisterSchema.create)
        migrator.registerMigration("v14-ombudsman-decisions", migrate: OmbudsmanDecisionSchema.create)
        migrator.registerMigration("v15-brands-and-service-snapshots", migrate: RegisterSchema.addBrandsAndServiceSnapshots)
        migrator.registerMigration("v16-flow-replies", migrate: FlowSchema.addReplies)
        migrator.registerMigration("v17-call-transfers", migrate: CallTransferSchema.create)
        migrator.registerMigration("v18-matching", migrate: MatchingSchema.create)
        // Core migrations go above this line; each process's own follow, in registry order.
        for process in ProcessRegistry.processes {
            for migration in process.migrations { migrator.registerMigration(migration.name, migrate: migration.migrate) }
        }
        return migrator
    }

    private static func createProtocolRecord(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")

        try db.create(table: "nodeIdentity") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("organisation", .text).notNull()
            t.column("registryVersion", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("createdBy", .text).notNull()
        }
        try db.create(table: "organisation") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("role", .text).notNull()
            t.column("registryVersion", .text)
        }
        try db.create(table: "concern") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique(onConflict: .abort)
            t.column("originatingOrg", .text).notNull()
            t.column("category", .text).notNull()
            t.column("setting", .text).notNull()
            t.column("title", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("identifiedOn", .text).notNull()
            t.column("source", .jsonText).notNull()
            t.column("subjects", .jsonText).notNull()
            t.column("state", .text).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
            t.column("closedOn", .text)
        }
        try db.create(table: "safeguardingFlag") { t in
            t.primaryKey("id", .text)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("raisedOn", .text).notNull()
            t.column("referredTo", .text)
            t.column("referralReference", .text)
            t.column("immediateAction", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "evaluation") { t in
            t.primaryKey("id", .text)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("evaluatedOn", .text).notNull()
            t.column("evaluatedBy", .text).notNull()
            t.column("sourceAssessment", .text)
            t.column("riskAssessment", .text)
            t.column("decision", .text).notNull()
            t.column("rationale", .text)
            t.column("alternativeRoute", .text)
            t.column("decidedAt", .datetime)
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "partnerContact") { t in
            t.primaryKey("id", .text)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("partner", .text).notNull()
            t.column("purpose", .text).notNull()
            t.column("contactedOn", .text).notNull()
            t.column("namedContact", .text)
            t.column("channel", .text)
            t.column("payloadClass", .text).notNull()
            t.column("response", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "informationRequest") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique(onConflict: .abort)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("direction", .text).notNull()
            t.column("counterpart", .text).notNull()
            t.column("question", .text).notNull()
            t.column("requestedOn", .text).notNull()
            t.column("dueBy", .text)
            t.column("legalGateway", .text)
            t.column("state", .text).notNull()
            t.column("answerSummary", .text)
            t.column("answerPayloadClass", .text)
            t.column("respondedOn", .text)
            t.column("declineReason", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "panelDecision") { t in
            t.primaryKey("id", .text)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("callPanel", .boolean).notNull()
            t.column("decidedOn", .text).notNull()
            t.column("decidedBy", .text).notNull()
            t.column("rationale", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "panel") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique(onConflict: .abort)
            t.belongsTo("concern", onDelete: .restrict)
            t.column("convenedBy", .text).notNull()
            t.column("externalReference", .text)
            t.column("followsPanel", .text).references("panel")
            t.column("chair", .text)
            t.column("meetsOn", .text)
            t.column("format", .text)
            t.column("invitees", .jsonText).notNull()
            t.column("agenda", .jsonText).notNull()
            t.column("agendaSource", .text)
            t.column("minutes", .text)
            t.column("minutesAgreedOn", .text)
            t.column("recordSharedOn", .text)
            t.column("recordSharedWith", .jsonText).notNull()
            t.column("cancellationReason", .text)
            t.column("state", .text).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "action") { t in
            t.primaryKey("id", .text)
            t.column("reference", .text).notNull().unique(onConflict: .abort)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("panelId", .text).references("panel")
            t.column("ownerOrg", .text).notNull()
            t.column("owner", .text)
            t.column("summary", .text).notNull()
            t.column("isRegulatoryActivity", .boolean).notNull()
            t.column("agreedOn", .text).notNull()
            t.column("dueBy", .text).notNull()
            t.column("state", .text).notNull()
            t.column("completedOn", .text)
            t.column("evidence", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "outcome") { t in
            t.primaryKey("id", .text)
            t.belongsTo("concern", onDelete: .restrict).notNull().unique()
            t.column("type", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("decidedOn", .text).notNull()
            t.column("sharedOn", .text)
            t.column("sharedWith", .jsonText).notNull()
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "learningReview") { t in
            t.primaryKey("id", .text)
            t.belongsTo("concern", onDelete: .restrict).notNull()
            t.column("reviewedOn", .text).notNull()
            t.column("reviewers", .jsonText).notNull()
            t.column("wentWell", .text).notNull()
            t.column("doDifferently", .text).notNull()
            t.column("lessons", .text)
            t.column("disseminatedTo", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(table: "history") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("concernId", .text).references("concern", onDelete: .restrict)
            t.column("entity", .text).notNull()
            t.column("reference", .text).notNull()
            t.column("event", .text).notNull()
            t.column("fromState", .text)
            t.column("toState", .text)
            t.column("actor", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(table: "agendaTemplate") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("label", .text).notNull()
            t.column("items", .jsonText).notNull()
        }
    }
}
