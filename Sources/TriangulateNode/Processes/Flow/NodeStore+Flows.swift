import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The flow processes this node runs, in registry order.
    public static var flows: [FlowDefinition] { ProcessRegistry.processes.compactMap { ($0 as? any FlowProcess.Type)?.flow } }

    /// The flow case named by `reference` (or id), with its history, clocks and next steps.
    public func flowCase(_ reference: String) throws -> FlowCaseDossier {
        let calendar = try workingCalendar()
        return try read { db in
            try Self.flowDossier(Lookup.one(FlowCase.self, reference, noun: "case", in: db), calendar: calendar, nation: try Self.defaultNation(in: db), in: db)
        }
    }

    /// Every flow case (of `process`, when given), newest first; closed ones only when asked.
    public func flowCases(process: String? = nil, includeClosed: Bool = false) throws -> [FlowCaseDossier] {
        let calendar = try workingCalendar()
        return try read { db in
            let nation = try Self.defaultNation(in: db)
            var request = FlowCase.order(Column("openedOn").desc, Column("reference").desc)
            if let process {
                let id = try Self.flow(process).id
                request = request.filter(Column("process") == id)
            }
            return try request.fetchAll(db).map { try Self.flowDossier($0, calendar: calendar, nation: nation, in: db) }
                .filter { dossier in try includeClosed || !dossier.flowCase.isClosed(in: Self.flow(dossier.flowCase.process)) }
        }
    }

    /// A flow process's report for `from`…`to`, as of today.
    public func flowReport(process: String, from: LocalDate, to: LocalDate) throws -> FlowReport {
        let flow = try Self.flow(process)
        guard from <= to else { throw NodeError(.invalidInput, "the period ends (\(to)) before it starts (\(from))") }
        let calendar = try workingCalendar()
        return try read { db in
            let cases = try FlowCase.filter(Column("process") == flow.id).fetchAll(db).map { ($0, try Self.flowHistory(of: $0.id, in: db)) }
            return FlowReport(flow, from: from, to: to, asOf: today, cases: cases, calendar: calendar, nation: try Self.defaultNation(in: db))
        }
    }

    /// The flow process with id `id`, or an error naming those there are.
    static func flow(_ id: String) throws -> FlowDefinition {
        guard let flow = flows.first(where: { $0.id == id.lowercased() }) else {
            throw NodeError(.invalidInput, "unknown process '\(id)': use one of \(flows.map(\.id).joined(separator: ", "))")
        }
        return flow
    }

    /// Takes `values.step` of `flow` on case `caseId` (nil: opens one) in `command`'s transaction;
    /// returns the case. The step must be allowed from the case's state (`FlowRules`), its day
    /// not in the future nor before the case opened (nor, for a step that moves the case, before
    /// the step that brought it where it is), its organisations known.
    static func takeFlowStep(_ flow: FlowDefinition, _ values: StepValues, caseId: String?, _ command: Command) throws -> FlowCase {
        guard let step = flow.step(values.step.id) else { throw NodeError(.notFound, "there is no step \(values.step.id) in \(flow.title)") }
        var answers = values.answers
        for field in step.definition.fields where field.kind == .organisation {
            guard let text = answers[field.name] else { continue }
            let code = try OrganisationCode(parsing: text)
            try command.requireKnown(code)
            answers[field.name] = code.rawValue
        }
        let day = values.date("on") ?? command.today
        guard let caseId else {
            guard step.id == flow.openingStep.id else { throw NodeError(.invalidInput, "\(step.definition.title.lowercased()) needs a case") }
            try command.checkDate(day, of: step.definition.title.lowercased(), notBefore: [])
            let number = try Lookup.nextNumber(table: "flowCase", prefix: flow.reference.yearPrefix(command.today.year), in: command.db)
            let flowCase = FlowCase(id: command.newID(), process: flow.id, reference: flow.reference.reference(year: command.today.year, number: number),
                                    title: answers["title"] ?? "", subject: answers["subject"] ?? "", state: flow.initialState.value, openedOn: day,
                                    recordedBy: command.user, recordedAt: command.at)
            try flowCase.insert(command.db)
            for effect in step.effects {
                try apply(effect, of: step, answers: &answers, on: day, to: flowCase, flow: flow, command)
            }
            try record(FlowEvent(step: step.id, on: day, answers: answers, from: flowCase.state, to: flowCase.state, by: command.user, at: command.at),
                       on: flowCase, seq: 1, command)
            try command.log(nil, "case", flowCase.reference, step.definition.title, to: flowCase.state)
            return flowCase
        }
        var flowCase = try Lookup.one(FlowCase.self, caseId, noun: "case", in: command.db)
        guard flowCase.process == flow.id, let state = flow.state(flowCase.state) else {
            throw NodeError(.invalidInput, "\(flowCase.reference) is not a case of \(flow.title)")
        }
        let history = try flowHistory(of: flowCase.id, in: command.db)
        let target = try FlowRules.target(of: step, flow, state: state, history: history)
        var earliest: [StepDates.Earliest] = [(flowCase.openedOn, "the case opened")]
        if target != state, let moved = history.last(where: { $0.from != $0.to }) {
            earliest.append((moved.on, "\(flow.step(moved.step)?.definition.title.lowercased() ?? moved.step)"))
        }
        try command.checkDate(day, of: step.definition.title.lowercased(), notBefore: earliest)
        if step.waitsForRelease, let release = try String.fetchOne(command.db, sql: "SELECT max(releaseOn) FROM flowNotice WHERE caseId = ?",
                                                                  arguments: [flowCase.id.description]).flatMap({ try? LocalDate(parsing: $0) }),
           day < release {
            throw NodeError(.invalidInput, "\(flowCase.reference) is under embargo until \(release): \(step.definition.title.lowercased()) on or after that day")
        }
        for effect in step.effects {
            try apply(effect, of: step, answers: &answers, on: day, to: flowCase, flow: flow, command)
        }
        let event = FlowEvent(step: step.id, on: day, answers: answers, from: state.value, to: target.value, by: command.user, at: command.at)
        try record(event, on: flowCase, seq: history.count + 1, command)
        for checklist in FlowRules.checklistsCompleted(by: event, flow, history: history) {
            try record(FlowEvent(step: checklist.completeEvent, on: day, answers: [:], from: target.value, to: target.value, by: command.user, at: command.at),
                       on: flowCase, seq: history.count + 2, command)
            try command.log(nil, "case", flowCase.reference, "checklist of \(checklist.step) complete")
        }
        flowCase.state = target.value
        if target.isClosed { flowCase.closedOn = day }
        try flowCase.update(command.db)
        try command.log(nil, "case", flowCase.reference, step.definition.title, from: state.value, to: target.value)
        return flowCase
    }

    /// Carries out what a step records besides its event: a meeting, a list item, a notice.
    private static func apply(_ effect: FlowStep.Effect, of step: FlowStep, answers: inout [String: String], on day: LocalDate, to flowCase: FlowCase,
                              flow: FlowDefinition, _ command: Command) throws {
        switch effect {
        case .holdsMeeting(let kind):
            let meeting = try createMeeting(kind: kind, on: day, chair: answers["chair"] ?? command.organisation.rawValue, chairPerson: nil,
                                            caseId: flowCase.id.description, seriesId: nil, personalInformation: false, command)
            answers["meeting"] = meeting.reference
        case .addsItem(let listID):
            let list = flow.itemLists.first { $0.id == listID }!
            let number = (try Int.fetchOne(command.db, sql: "SELECT max(number) FROM flowItem WHERE caseId = ? AND list = ?",
                                           arguments: [flowCase.id.description, list.id]) ?? 0) + 1
            let itemAnswers = answers.filter { name, _ in list.fields.contains { $0.name == name } }
            try FlowItem(caseId: flowCase.id, list: list.id, number: number, answers: itemAnswers, status: list.statuses[0].value, evidence: nil,
                         updatedOn: day).insert(command.db)
            answers["item"] = String(number)
        case .updatesItem(let listID):
            let list = flow.itemLists.first { $0.id == listID }!
            guard let number = answers["item"].flatMap({ Int($0) }),
                  var item = try FlowItem.fetchOne(command.db, key: ["caseId": flowCase.id.description, "list": list.id, "number": number]) else {
                throw NodeError(.notFound, "\(flowCase.reference) has no \(list.title.lowercased()) area numbered '\(answers["item"] ?? "")'")
            }
            let status = answers["status"] ?? item.status
            if list.finished.contains(status), Text.optional(answers["evidence"]) == nil {
                throw StepErrors([.init(field: "evidence", message: "Give the evidence that the area is \(status)")])
            }
            item.status = status
            item.evidence = Text.optional(answers["evidence"]) ?? item.evidence
            item.updatedOn = day
            try item.update(command.db)
        case .writesNotice(let spec):
            let text = try Text.required(answers[spec.field] ?? "", spec.field, hint: spec.field)
            let reference = "\(flowCase.reference)/\(spec.suffix)"
            var release: LocalDate?
            if let embargo = spec.embargo {
                release = try answers[embargo.field].map { try LocalDate(parsing: $0) } ?? releaseDay(after: day, embargo, flow: flow, in: command.db)
                if let release {
                    guard release > day else {
                        throw StepErrors([.init(field: embargo.field, message: "The release day must be after the day of the notice, \(day)")])
                    }
                    answers[embargo.field] = release.description
                }
            }
            try command.db.execute(sql: """
                INSERT INTO flowNotice (id, caseId, type, reference, issuedOn, issuedBy, text, releaseOn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [(command.newID() as FlowCaseID).description, flowCase.id.description, spec.type.rawValue, reference, day,
                                 command.organisation.rawValue, text, release])
            try command.log(nil, "case", reference, release.map { "notice written, to share, under embargo until \($0)" } ?? "notice written, to share")
        }
    }

    /// The day a notice written on `day` is released: `day` plus the process's setting, or the
    /// embargo's default lag while none is set; nil for an embargo without a lag.
    private static func releaseDay(after day: LocalDate, _ embargo: FlowNoticeSpec.Embargo, flow: FlowDefinition, in db: Database) throws -> LocalDate? {
        guard let lag = embargo.lag else { return nil }
        let span = try flowSetting(lag.setting, of: flow, in: db).map { try ClockSpan(parsing: $0) } ?? lag.defaultValue
        return span.day(after: day, calendar: try workingCalendar(in: db), nation: try defaultNation(in: db))
    }

    private static func record(_ event: FlowEvent, on flowCase: FlowCase, seq: Int, _ command: Command) throws {
        try record(event, on: flowCase, seq: seq, in: command.db)
    }

    /// Appends `event` to the history of `flowCase` as its `seq`th.
    static func record(_ event: FlowEvent, on flowCase: FlowCase, seq: Int, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO flowEvent (caseId, seq, step, "on", answers, fromState, toState, "by", at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [flowCase.id.description, seq, event.step, event.on, String(decoding: try sortedJSON(event.answers), as: UTF8.self),
                             event.from, event.to, event.by, event.at])
    }

    static func sortedJSON(_ answers: [String: String]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(answers)
    }

    /// A case's steps, in order.
    static func flowHistory(of id: FlowCaseID, in db: Database) throws -> [FlowEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM flowEvent WHERE caseId = ? ORDER BY seq", arguments: [id.description]).map { row in
            FlowEvent(step: row["step"], on: try LocalDate(parsing: row["on"]),
                      answers: try JSONDecoder().decode([String: String].self, from: Data((row["answers"] as String).utf8)),
                      from: row["fromState"], to: row["toState"], by: row["by"], at: row["at"])
        }
    }

    static func flowDossier(_ flowCase: FlowCase, calendar: WorkingCalendar, nation: Nation, in db: Database) throws -> FlowCaseDossier {
        let flow = try flow(flowCase.process)
        let state = flow.state(flowCase.state) ?? flow.initialState
        let history = try flowHistory(of: flowCase.id, in: db)
        let clocks = FlowRules.openRuns(flow, state: state, history: history, calendar: calendar, nation: nation).map {
            FlowCaseDossier.ClockStatus(clock: $0.clock.id, what: $0.clock.what, startedOn: $0.startedOn, due: $0.due, unit: $0.clock.unit.rawValue)
        }
        return FlowCaseDossier(
            flowCase: flowCase, processTitle: flow.title, stateLabel: state.label, stage: state.stage, history: history, openClocks: clocks,
            checklists: flow.checklists.map {
                let progress = FlowRules.progress(of: $0, history: history)
                return FlowCaseDossier.ChecklistStatus(step: $0.step, done: progress.done, missing: progress.missing)
            },
            items: try FlowItem.filter(Column("caseId") == flowCase.id.description).order(Column("list"), Column("number")).fetchAll(db),
            meetings: try String.fetchAll(db, sql: "SELECT reference FROM meeting WHERE caseId = ? ORDER BY date, reference", arguments: [flowCase.id.description]),
            notices: try Row.fetchAll(db, sql: "SELECT reference, releaseOn FROM flowNotice WHERE caseId = ? ORDER BY reference",
                                      arguments: [flowCase.id.description]).map {
                FlowCaseDossier.Notice(reference: $0["reference"], releaseOn: ($0["releaseOn"] as String?).flatMap { try? LocalDate(parsing: $0) })
            },
            replies: try flowReplies(ofCase: flowCase.id.description, in: db),
            allowedNext: FlowRules.allowedSteps(flow, state: state, history: history).map { .init(id: $0.id, title: $0.definition.title) })
    }
}

extension FlowCase {
    /// Whether the case is in one of `flow`'s closed states.
    func isClosed(in flow: FlowDefinition) -> Bool { flow.state(state)?.isClosed ?? false }
}
