import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// Healthwatch escalation on a node: its tables, its shareable escalation, CQC's co-edits
/// coming back as the CQC stage's response, and its stages' response clocks.
enum HealthwatchEscalationProcess: NodeProcess {
    static let definition = HealthwatchEscalation.definition

    static let migrations = HealthwatchEscalationSchema.migrations

    /// The escalation as shared: the case, minimised, with its stages as a map keyed by stage.
    static func project(_ type: DocumentType, id: String, organisation: OrganisationCode, in db: Database) throws -> ProjectedDocument? {
        guard type == HealthwatchEscalation.escalationDocument.type, let escalation = try EscalationCase.fetchOne(db, key: id) else { return nil }
        let stages = try NodeStore.stages(of: escalation.id, in: db)
        let cqc = stages.first { $0.stage == .cqc && $0.state != .skipped }
        var fields: [String: FieldValue] = [
            "reference": .register(escalation.reference),
            "localHealthwatch": .register(escalation.localHealthwatch.rawValue),
            "concernType": .register(escalation.concernType.rawValue),
            "title": .register(escalation.title),
            "summary": .register(escalation.summary),
            "organisations": .set(Set(escalation.organisations)),
            "systemic": .register(escalation.systemic ? "yes" : "no"),
            "nearlyNeverEvent": .register(escalation.nearlyNeverEvent ? "yes" : "no"),
            "identifiedOn": .register(escalation.identifiedOn.description),
            "safeguardingConsidered": .register(escalation.safeguardingConsidered ? "yes" : "no"),
            "regionalManagerCopied": .register(cqc.map { ($0.copiedTo ?? "").isEmpty ? "no" : "yes" }),
            "regionalManager": .register(cqc?.copiedTo),
            "state": .register(escalation.state.rawValue),
            "outcome": .register(escalation.outcome?.rawValue),
            "closedOn": .register(escalation.closedOn?.description),
        ]
        for stage in stages {
            let key = stage.stage.rawValue
            fields["stages/\(key)/state"] = .register(stage.state.rawValue)
            fields["stages/\(key)/raisedOn"] = .register(stage.raisedOn?.description)
            fields["stages/\(key)/raisedWith"] = .register(stage.raisedWith)
            fields["stages/\(key)/skippedReason"] = .register(stage.skippedReason)
            fields["stages/\(key)/respondedOn"] = .register(stage.respondedOn?.description)
            fields["stages/\(key)/responseReceived"] = .register(stage.responseReceived.map { $0 ? "yes" : "no" })
            fields["stages/\(key)/satisfactory"] = .register(stage.satisfactory.map { $0 ? "yes" : "no" })
        }
        return (DocumentHeader(id: id, type: type, owner: organisation.rawValue), fields)
    }

    /// CQC's reference, and its response: a response with a date, while the CQC stage waits,
    /// records that stage's response and stops its clock. A date that does not parse stays in
    /// the shared document only.
    static func writeBack(_ view: DocumentView, to header: DocumentHeader, edits: PartnerEdits, in db: Database) throws {
        guard !view.isPurged, var escalation = try EscalationCase.fetchOne(db, key: header.id) else { return }
        let before = escalation
        if let reference = view.registers["cqcReference"]?.value { escalation.cqcReference = reference }
        if let response = view.registers["cqcResponse"]?.value.flatMap({ $0 }),
           let day = view.registers["cqcRespondedOn"]?.value.flatMap({ try? LocalDate(parsing: $0) }),
           var stage = try NodeStore.stages(of: escalation.id, in: db).first(where: { $0.stage == .cqc }),
           stage.state == .awaitingResponse || stage.state == .onHold, let raisedOn = stage.raisedOn, day >= raisedOn,
           EscalationLifecycle.target(of: .recordResponse, from: escalation.state) != nil {
            if let since = stage.heldSince { stage.pausedDays += max(0, day.dayNumber - since.dayNumber) }
            stage.heldSince = nil
            stage.state = .responded
            stage.respondedOn = day
            stage.response = response
            stage.responseReceived = true
            try stage.update(db)
            escalation.state = .responseReceived
        }
        if escalation != before { try escalation.update(db) }
    }

    /// Each stage awaiting a response (not on hold), due by its stage's clock setting.
    static func openClocks(in db: Database, calendar: WorkingCalendar, nation: Nation) throws -> [OpenClock] {
        let settings = Dictionary(uniqueKeysWithValues: try NodeStore.clockSettings(in: db).map { ($0.stage, $0.clock) })
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.reference, s.stage, s.raisedOn, s.pausedDays, s.recordedBy FROM hweStage s JOIN hweCase c ON c.id = s.caseId
            WHERE s.state = ? AND c.state <> ?
            """, arguments: [StageState.awaitingResponse.rawValue, EscalationLifecycle.State.closed.rawValue])
        return rows.compactMap { row in
            guard let stage = EscalationStage(rawValue: row[1]), let clock = settings[stage],
                  let raisedOn = try? LocalDate(parsing: row[2]),
                  let due = clock.due(startedOn: raisedOn, pausedDays: row[3], calendar: calendar, nation: nation) else { return nil }
            return OpenClock(clock: clock, reference: row[0], owner: stage == .cqc ? "CQC" : nil, person: row[4], due: due,
                             amberFrom: clock.amberFrom(startedOn: raisedOn, pausedDays: row[3], calendar: calendar, nation: nation))
        }
    }

    /// `HWE-2026-0001`, or the id of an escalation.
    static func resolveDocument(_ text: String, in db: Database) throws -> NamedDocument? {
        let isOwnReference = definition.reference.matches(text.uppercased())
        guard try isOwnReference || EscalationCase.fetchOne(db, key: text.lowercased()) != nil else { return nil }
        let escalation = try Lookup.one(EscalationCase.self, text, noun: "escalation", in: db)
        return NamedDocument(id: escalation.id.description, concernId: nil, reference: escalation.reference)
    }

    static func cases(in db: Database, only ids: [String]?) throws -> [CaseSummary] { try HealthwatchEscalationCases.summaries(in: db, only: ids) }

    static func caseDetail(id: String, in db: Database) throws -> CaseDetail? { try HealthwatchEscalationCases.detail(id: id, in: db) }

    static let steps = HealthwatchEscalationSteps.all

    static func allowedSteps(on id: String, in db: Database) throws -> [StepDefinition]? { try HealthwatchEscalationStepRunner.allowed(on: id, in: db) }

    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String {
        try HealthwatchEscalationStepRunner.take(values, on: id, store: store, by: user)
    }

    static func correctableFields(on id: String, in db: Database) throws -> [CorrectableField]? { try HealthwatchEscalationCorrections.fields(on: id, in: db) }

    static func applyCorrection(_ key: String, value: String, on id: String, _ command: Command) throws {
        try HealthwatchEscalationCorrections.apply(key, value: value, on: id, command)
    }

    static var caseCategories: [String] { EscalationConcernType.allCases.map(\.rawValue) }

    static var caseStates: [(value: String, label: String)] { EscalationLifecycle.State.allCases.map { ($0.rawValue, $0.label) } }
}
