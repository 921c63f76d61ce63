import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// A process that is a flow (`FlowDefinition`): everything a node needs of it follows from its
/// definition — its cases, steps, clocks, notices and corrections — so such a process is its
/// definition plus one line in `ProcessRegistry`. Its tables are the flows' (`v12-flows`).
protocol FlowProcess: NodeProcess {
    /// The flow.
    static var flow: FlowDefinition { get }
}

extension FlowProcess {
    static var definition: ProcessDefinition { flow.process }

    static var migrations: [NodeMigration] { [] }

    /// A notice the flow wrote: its case's reference and subject, and its text.
    static func project(_ type: DocumentType, id: String, organisation: OrganisationCode, in db: Database) throws -> ProjectedDocument? {
        guard flow.documents.contains(where: { $0.type == type }),
              let row = try Row.fetchOne(db, sql: """
                  SELECT n.*, c.title AS caseTitle, c.subject FROM flowNotice n JOIN flowCase c ON c.id = n.caseId WHERE n.id = ? AND n.type = ?
                  """, arguments: [id, type.rawValue]) else { return nil }
        let fields: [String: FieldValue] = [
            "reference": .register(row["reference"]),
            "process": .register(flow.title),
            "subject": .register(row["subject"]),
            "title": .register(row["caseTitle"]),
            "issuedOn": .register(row["issuedOn"]),
            "issuedBy": .register(row["issuedBy"]),
            "text": .register(row["text"]),
            "releaseOn": .register(row["releaseOn"]),
            "replies": .set(Set(try String.fetchAll(db, sql: "SELECT element FROM flowReply WHERE noticeId = ?", arguments: [id]))),
        ]
        return (DocumentHeader(id: id, type: type, owner: organisation.rawValue), fields)
    }

    /// Recipients write only replies: each new one is recorded, and its step taken on the case
    /// when the flow allows it.
    static func writeBack(_ view: DocumentView, to header: DocumentHeader, edits: PartnerEdits, in db: Database) throws {
        try NodeStore.applyReplies(view, to: header, flow: flow, edits: edits, in: db)
    }

    /// Each open case's running clocks, and each unfinished list item's timescale.
    static func openClocks(in db: Database, calendar: WorkingCalendar, nation: Nation) throws -> [OpenClock] {
        var clocks: [OpenClock] = []
        for flowCase in try FlowCase.filter(Column("process") == flow.id).fetchAll(db) where !flowCase.isClosed(in: flow) {
            let state = flow.state(flowCase.state) ?? flow.initialState
            let history = try NodeStore.flowHistory(of: flowCase.id, in: db)
            for run in FlowRules.openRuns(flow, state: state, history: history, calendar: calendar, nation: nation) {
                clocks.append(OpenClock(clock: run.clock, reference: flowCase.reference, owner: nil, person: flowCase.recordedBy, due: run.due,
                                        amberFrom: run.amberFrom))
            }
            for (list, clock) in zip(flow.itemLists, flow.itemClocks) {
                for item in try FlowItem.filter(Column("caseId") == flowCase.id.description && Column("list") == list.id).fetchAll(db)
                where !list.finished.contains(item.status) {
                    guard let due = item.due else { continue }
                    clocks.append(OpenClock(clock: clock, reference: "\(flowCase.reference)/\(item.number)", owner: nil, person: nil, due: due))
                }
            }
        }
        return clocks
    }

    /// `OSG-2026-0001/NOTICE`: a notice of one of this flow's cases.
    static func resolveDocument(_ text: String, in db: Database) throws -> NamedDocument? {
        let upper = text.uppercased()
        guard let slash = upper.firstIndex(of: "/"), flow.reference.matches(String(upper[..<slash])) else { return nil }
        guard let id = try String.fetchOne(db, sql: "SELECT id FROM flowNotice WHERE reference = ?", arguments: [upper]) else {
            throw NodeError(.notFound, "no notice matches '\(text)': a case's notices are listed by `triangulate case show \(upper[..<slash])`")
        }
        return NamedDocument(id: id, concernId: nil, reference: upper)
    }

    static func cases(in db: Database, only ids: [String]?) throws -> [CaseSummary] {
        var request = FlowCase.filter(Column("process") == flow.id).order(Column("openedOn").desc, Column("reference").desc)
        if let ids { request = request.filter(ids.contains(Column("id"))) }
        return try request.fetchAll(db).map(summary(of:))
    }

    static var caseCategories: [String] { [flow.title.lowercased()] }

    static var caseStates: [(value: String, label: String)] { flow.states.map { ($0.value, $0.label) } }

    static func caseDetail(id: String, in db: Database) throws -> CaseDetail? {
        guard let flowCase = try FlowCase.fetchOne(db, key: id), flowCase.process == flow.id else { return nil }
        let dossier = try NodeStore.flowDossier(flowCase, calendar: try NodeStore.workingCalendar(in: db), nation: try NodeStore.defaultNation(in: db), in: db)
        let opening = dossier.history.first?.answers ?? [:]
        var sections = [CaseSection("Case", [
            CaseFact(flow.subjectLabel.capitalized, flowCase.subject),
            CaseFact("Stage", dossier.stage),
            CaseFact("Opened on", flowCase.openedOn.description),
            CaseFact("Summary", opening["summary"] ?? ""),
            CaseFact("Closed on", flowCase.closedOn?.description ?? ""),
        ])]
        if !dossier.openClocks.isEmpty {
            sections.append(CaseSection("Due", dossier.openClocks.map { CaseFact($0.what, "\($0.due) (\($0.unit) from \($0.startedOn))") }))
        }
        for checklist in dossier.checklists {
            let labels = Dictionary(uniqueKeysWithValues: (flow.step(checklist.step)?.definition.fields ?? []).map { ($0.name, $0.label) })
            let total = checklist.done.count + checklist.missing.count
            sections.append(CaseSection("Checklist: \(checklist.done.count) of \(total) done",
                                        (checklist.done.map { CaseFact(labels[$0] ?? $0, "done") } + checklist.missing.map { CaseFact(labels[$0] ?? $0, "to do") })))
        }
        for list in flow.itemLists {
            let items = dossier.items.filter { $0.list == list.id }
            guard !items.isEmpty else { continue }
            sections.append(CaseSection(list.title, items.map { item in
                CaseFact("\(item.number). \(item.answers["area"] ?? "")", "\(item.status)\(item.due.map { ", due \($0)" } ?? "")\(item.evidence.map { ": \($0)" } ?? "")")
            }))
        }
        let meetings = try Meeting.filter(Column("caseId") == flowCase.id.description).order(Column("date"), Column("reference")).fetchAll(db)
        if !meetings.isEmpty || !dossier.notices.isEmpty {
            sections.append(CaseSection("Meetings and notices", meetings.map { meeting in
                CaseFact(meeting.reference, "\((try? NodeStore.meetingKind(meeting.kind).title) ?? meeting.kind), \(meeting.date); minutes \(meeting.minutesState.rawValue)")
            } + dossier.notices.map { CaseFact($0.reference, $0.releaseOn.map { "notice to share, under embargo until \($0)" } ?? "notice to share") }))
        }
        if !dossier.replies.isEmpty {
            sections.append(CaseSection("Replies from partners", dossier.replies.map { reply in
                CaseFact("\(reply.from) to \(reply.notice)", "\(flow.step(reply.step)?.definition.title ?? reply.step): \(reply.outcome)")
            }))
        }
        sections.append(CaseSection("History", dossier.history.map { event in
            CaseFact("\(event.on)", flow.step(event.step)?.definition.title ?? event.step)
        }))
        return CaseDetail(summary: summary(of: flowCase), sections: sections, allowedNext: dossier.allowedNext.map(\.title))
    }

    static var steps: [StepDefinition] { flow.steps.map(\.definition) }

    static func allowedSteps(on id: String, in db: Database) throws -> [StepDefinition]? {
        guard let flowCase = try FlowCase.fetchOne(db, key: id), flowCase.process == flow.id, let state = flow.state(flowCase.state) else { return nil }
        return FlowRules.allowedSteps(flow, state: state, history: try NodeStore.flowHistory(of: flowCase.id, in: db)).map(\.definition)
    }

    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String {
        try store.perform(by: user) { command in try NodeStore.takeFlowStep(flow, values, caseId: id, command).id.description }
    }

    static func correctableFields(on id: String, in db: Database) throws -> [CorrectableField]? {
        guard let flowCase = try FlowCase.fetchOne(db, key: id), flowCase.process == flow.id else { return nil }
        return [
            CorrectableField("case.title", "Title", .text, value: flowCase.title),
            CorrectableField("case.subject", flow.subjectLabel.capitalized, .text, value: flowCase.subject),
        ]
    }

    static func applyCorrection(_ key: String, value: String, on id: String, _ command: Command) throws {
        let flowCase = try Lookup.one(FlowCase.self, id, noun: "case", in: command.db)
        let value = try Text.required(value, key == "case.title" ? "title" : flow.subjectLabel, hint: "--value")
        switch key {
        case "case.title": try command.db.execute(sql: "UPDATE flowCase SET title = ? WHERE id = ?", arguments: [value, flowCase.id.description])
        case "case.subject": try command.db.execute(sql: "UPDATE flowCase SET subject = ? WHERE id = ?", arguments: [value, flowCase.id.description])
        default: throw NodeError(.notFound, "\(key) is not a value of \(flowCase.reference) that can be corrected")
        }
    }

    private static func summary(of flowCase: FlowCase) -> CaseSummary {
        let state = flow.state(flowCase.state)
        return CaseSummary(id: flowCase.id.description, process: flow.id, reference: flowCase.reference, title: flowCase.title, state: flowCase.state,
                           stateLabel: state?.label ?? flowCase.state, isClosed: state?.isClosed ?? false, category: flow.title.lowercased(),
                           openedOn: flowCase.openedOn, safeguarding: false, subjectIdentifiers: [flowCase.subject])
    }
}
