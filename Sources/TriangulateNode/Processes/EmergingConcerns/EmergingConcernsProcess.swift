import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The Emerging Concerns Protocol on a node. Its tables predate the process kit: they are the
/// core migration `v1-protocol-record`, tracked for sync by `v2-sync-ledger`.
enum EmergingConcernsProcess: NodeProcess {
    static let definition = EmergingConcerns.definition

    static let migrations = [
        // The concern table itself is the core's (v1): the ECP came first.
        NodeMigration(name: "ecp-v2-case-search") { db in
            try CaseSearchSchema.index("concern", source: "subjects", identifiers: """
                (SELECT group_concat(coalesce(json_extract(value, '$.location.id'), json_extract(value, '$.provider.id'),
                                              json_extract(value, '$.professional.registration')), ' ')
                 FROM json_each(NEW.subjects))
                """, in: db)
        },
        NodeMigration(name: "ecp-v3-forum-record") { db in try ForumRecordSchema.create(db) },
    ]

    /// Every concern not closed or withdrawn from the protocol (not triggered), by its typed subjects.
    static func matchSubjects(in db: Database) throws -> [CaseMatchSubjects] {
        let finished = [ConcernLifecycle.State.closed, .notTriggered].map(\.rawValue)
        return try Concern.filter(!finished.contains(Column("state"))).fetchAll(db).compactMap { concern in
            let subjects = try MatchSubjects.of(concern, in: db)
            return subjects.isEmpty ? nil : CaseMatchSubjects(caseId: concern.id.description, reference: concern.reference,
                                                              openedOn: concern.identifiedOn, subjects: subjects)
        }
    }

    static func project(_ type: DocumentType, id: String, organisation: OrganisationCode, in db: Database) throws -> ProjectedDocument? {
        try EmergingConcernsProjection.project(type, id: id, organisation: organisation, in: db)
    }

    static func writeBack(_ view: DocumentView, to header: DocumentHeader, edits: PartnerEdits, in db: Database) throws {
        try EmergingConcernsWriteBack.apply(view, to: header, in: db)
    }

    /// Requests sent with a due date and not yet closed, open actions, and panels whose agreed
    /// minutes are not yet distributed.
    static func openClocks(in db: Database, calendar: WorkingCalendar, nation: Nation) throws -> [OpenClock] {
        var open: [OpenClock] = []
        let requestStates = RequestLifecycle.State.allCases.filter(\.isOpen).map(\.rawValue)
        let requests = try Row.fetchCursor(db, sql: """
            SELECT reference, direction, counterpart, dueBy, recordedBy FROM informationRequest
            WHERE dueBy IS NOT NULL AND state IN (\(databaseQuestionMarks(count: requestStates.count)))
            """, arguments: StatementArguments(requestStates))
        while let row = try requests.next() {
            guard let due = try? LocalDate(parsing: row[3]) else { continue }
            // An outgoing request is owed by the partner asked; an incoming one by this node.
            let owner: String? = row[1] == "outgoing" ? row[2] : nil
            open.append(OpenClock(clock: EmergingConcerns.requestAnswer, reference: row[0], owner: owner, person: row[4], due: due))
        }
        let actionStates = ActionLifecycle.State.allCases.filter(\.isOpen).map(\.rawValue)
        let actions = try Row.fetchCursor(db, sql: """
            SELECT reference, ownerOrg, owner, dueBy FROM action WHERE state IN (\(databaseQuestionMarks(count: actionStates.count)))
            """, arguments: StatementArguments(actionStates))
        while let row = try actions.next() {
            guard let due = try? LocalDate(parsing: row[3]) else { continue }
            open.append(OpenClock(clock: EmergingConcerns.action, reference: row[0], owner: row[1], person: row[2], due: due))
        }
        let panels = try Row.fetchCursor(db, sql: """
            SELECT reference, convenedBy, recordedBy, minutesAgreedOn FROM panel WHERE state = ? AND minutesAgreedOn IS NOT NULL
            """, arguments: [PanelLifecycle.State.minutesAgreed.rawValue])
        let clock = EmergingConcerns.panelRecord
        while let row = try panels.next() {
            guard let agreed = try? LocalDate(parsing: row[3]),
                  let due = clock.due(startedOn: agreed, calendar: calendar, nation: nation) else { continue }
            open.append(OpenClock(clock: clock, reference: row[0], owner: row[1], person: row[2], due: due,
                                  amberFrom: clock.amberFrom(startedOn: agreed, calendar: calendar, nation: nation)))
        }
        return open
    }

    /// A concern (`ECP-2026-0001`, or part of its id), request (`…/R1`), panel (`…/P1`),
    /// action (`…/A1`), `outcome:ECP-…`, `review:ECP-…` or `forum:ECP-…` (the record the Forum
    /// secretariat receives). Asked last, it takes whatever no other process claimed, and says
    /// when nothing matches.
    static func resolveDocument(_ text: String, in db: Database) throws -> NamedDocument? {
        let lower = text.lowercased()
        if lower.hasPrefix("forum:") {
            let concern = try Lookup.one(Concern.self, String(text.dropFirst("forum:".count)), noun: "concern", in: db)
            guard let found = try String.fetchOne(db, sql: "SELECT id FROM forumRecord WHERE concernId = ?", arguments: [concern.id.description]) else {
                throw NodeError(.notFound, "\(concern.reference) has no record for the Forum secretariat yet: it is made when the panel's record is distributed or the outcome shared")
            }
            return NamedDocument(id: found, concernId: concern.id, reference: "\(concern.reference) forum record")
        }
        if lower.hasPrefix("outcome:") || lower.hasPrefix("review:") {
            let concern = try Lookup.one(Concern.self, String(text.drop { $0 != ":" }.dropFirst()), noun: "concern", in: db)
            let table = lower.hasPrefix("outcome:") ? "outcome" : "learningReview"
            guard let found = try String.fetchOne(db, sql: "SELECT id FROM \(table) WHERE concernId = ? ORDER BY recordedAt DESC",
                                                  arguments: [concern.id.description]) else {
                throw NodeError(.notFound, "\(concern.reference) has no \(table == "outcome" ? "outcome" : "learning review") yet")
            }
            return NamedDocument(id: found, concernId: concern.id, reference: "\(concern.reference) \(table)")
        }
        if text.range(of: "/R[0-9]+$", options: [.regularExpression, .caseInsensitive]) != nil {
            let request = try Lookup.one(InformationRequest.self, text, noun: "request", in: db)
            return NamedDocument(id: request.id.description, concernId: request.concernId, reference: request.reference)
        } else if text.range(of: "/P[0-9]+$", options: [.regularExpression, .caseInsensitive]) != nil {
            let panel = try Lookup.one(Panel.self, text, noun: "panel", in: db)
            return NamedDocument(id: panel.id.description, concernId: panel.concernId, reference: panel.reference)
        } else if text.range(of: "/A[0-9]+$", options: [.regularExpression, .caseInsensitive]) != nil {
            let action = try Lookup.one(Action.self, text, noun: "action", in: db)
            return NamedDocument(id: action.id.description, concernId: action.concernId, reference: action.reference)
        }
        let concern = try Lookup.one(Concern.self, text, noun: "concern", in: db)
        return NamedDocument(id: concern.id.description, concernId: concern.id, reference: concern.reference)
    }

    static func cases(in db: Database, only ids: [String]?) throws -> [CaseSummary] { try EmergingConcernsCases.summaries(in: db, only: ids) }

    static func caseDetail(id: String, in db: Database) throws -> CaseDetail? { try EmergingConcernsCases.detail(id: id, in: db) }

    static let steps = EmergingConcernsSteps.all

    static func allowedSteps(on id: String, in db: Database) throws -> [StepDefinition]? { try EmergingConcernsStepRunner.allowed(on: id, in: db) }

    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String {
        try EmergingConcernsStepRunner.take(values, on: id, store: store, by: user)
    }

    static func correctableFields(on id: String, in db: Database) throws -> [CorrectableField]? { try EmergingConcernsCorrections.fields(on: id, in: db) }

    static func applyCorrection(_ key: String, value: String, on id: String, _ command: Command) throws {
        try EmergingConcernsCorrections.apply(key, value: value, on: id, command)
    }

    static var caseCategories: [String] { ConcernCategory.allCases.map(\.rawValue) }

    static var caseStates: [(value: String, label: String)] { ConcernLifecycle.State.allCases.map { ($0.rawValue, $0.label) } }
}
