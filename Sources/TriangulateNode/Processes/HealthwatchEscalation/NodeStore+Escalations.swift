import Foundation
import GRDB
import TriangulateModel

/// What is recorded when a local Healthwatch opens an escalation.
public struct NewEscalation: Sendable {
    public var concernType: EscalationConcernType
    public var organisations: [String]
    public var title: String
    public var summary: String
    public var systemic: Bool
    public var nearlyNeverEvent: Bool
    public var identifiedOn: LocalDate
    public var safeguardingConsidered: Bool
    public var safeguardingNote: String?

    /// Makes the input for an escalation.
    public init(concernType: EscalationConcernType, organisations: [String], title: String, summary: String, systemic: Bool,
                nearlyNeverEvent: Bool, identifiedOn: LocalDate, safeguardingConsidered: Bool, safeguardingNote: String? = nil) {
        self.concernType = concernType
        self.organisations = organisations
        self.title = title
        self.summary = summary
        self.systemic = systemic
        self.nearlyNeverEvent = nearlyNeverEvent
        self.identifiedOn = identifiedOn
        self.safeguardingConsidered = safeguardingConsidered
        self.safeguardingNote = safeguardingNote
    }
}

/// An escalation with its stages, and where its current stage's clock stands.
public struct EscalationDossier: Hashable, Codable, Sendable {
    /// The escalation.
    public let escalation: EscalationCase
    /// Its stages raised or skipped, in stage order.
    public let stages: [EscalationStageRecord]
    /// The stage that comes next, if any.
    public let nextStage: EscalationStage?
    /// The day the stage awaiting a response is due, and its first amber day.
    public let responseDue: LocalDate?
    public let responseAmberFrom: LocalDate?
    /// The bank-holiday data the due day was counted with, and whether it lies past that data's
    /// last year.
    public let calendarVersion: String?
    public let responseDueProvisional: Bool
    /// The steps allowed now.
    public let allowedNext: [String]
}

extension NodeStore {
    /// Opens an escalation of a systemic concern (or a nearly never event).
    public func openEscalation(_ new: NewEscalation, by user: String) throws -> EscalationDossier {
        try EscalationRules.checkScope(systemic: new.systemic, nearlyNeverEvent: new.nearlyNeverEvent)
        let title = try Text.required(new.title, "title", hint: "--title")
        let summary = try Text.required(new.summary, "summary", hint: "--summary")
        let organisations = new.organisations.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !organisations.isEmpty else {
            throw NodeError(.invalidInput, "name the organisation or organisations concerned: give --organisation NAME (repeat it for several)")
        }
        return try perform(by: user) { command in
            let format = HealthwatchEscalation.definition.reference
            let number = try Lookup.nextNumber(table: EscalationCase.databaseTableName, prefix: format.yearPrefix(new.identifiedOn.year), in: command.db)
            let escalation = EscalationCase(
                id: command.newID(), reference: format.reference(year: new.identifiedOn.year, number: number),
                localHealthwatch: command.organisation, concernType: new.concernType, organisations: organisations, title: title,
                summary: summary, systemic: new.systemic, nearlyNeverEvent: new.nearlyNeverEvent, identifiedOn: new.identifiedOn,
                safeguardingConsidered: new.safeguardingConsidered, safeguardingNote: Text.optional(new.safeguardingNote),
                recordedBy: command.user, recordedAt: command.at)
            try escalation.insert(command.db)
            try command.log(nil, "escalation", escalation.reference, "opened", to: escalation.state.rawValue)
            return try Self.escalationDossier(escalation, in: command.db)
        }
    }

    /// Raises the next stage (or `stage`, which must be the next) with `raisedWith` on `on`;
    /// an escalation to CQC copies the regional manager in (`copiedTo`).
    public func raiseEscalation(_ reference: String, stage: EscalationStage?, with raisedWith: String, copiedTo: String?,
                                on day: LocalDate, by user: String) throws -> EscalationDossier {
        let raisedWith = try Text.required(raisedWith, "who it was raised with", hint: "--with")
        return try changeEscalation(reference, .raise, by: user) { command, escalation, stages in
            guard let stage = stage ?? EscalationRules.nextStage(after: stages) else {
                throw ModelError(.invalidTransition, "every stage is done: close the escalation (escalation close)")
            }
            try EscalationRules.checkRaise(stage, after: stages, copiedTo: copiedTo)
            try command.checkDate(day, of: "raising the stage", notBefore: [(escalation.identifiedOn, "the escalation was identified")])
            let record = EscalationStageRecord(caseId: escalation.id, stage: stage, state: .awaitingResponse, raisedOn: day,
                                               raisedWith: raisedWith, copiedTo: Text.optional(copiedTo),
                                               recordedBy: command.user, recordedAt: command.at)
            try record.insert(command.db)
            return "raised with \(stage.rawValue)"
        }
    }

    /// Records that the next stage (or `stage`, which must be the next) is skipped, and why.
    public func skipEscalationStage(_ reference: String, stage: EscalationStage?, reason: String, on day: LocalDate,
                                    by user: String) throws -> EscalationDossier {
        try changeEscalation(reference, .skip, by: user) { command, escalation, stages in
            guard let stage = stage ?? EscalationRules.nextStage(after: stages) else {
                throw ModelError(.invalidTransition, "every stage is done: close the escalation (escalation close)")
            }
            try EscalationRules.checkSkip(stage, after: stages, reason: reason)
            try command.checkDate(day, of: "skipping the stage", notBefore: [(escalation.identifiedOn, "the escalation was identified")])
            let record = EscalationStageRecord(caseId: escalation.id, stage: stage, state: .skipped, raisedOn: nil, raisedWith: nil,
                                               skippedReason: reason.trimmingCharacters(in: .whitespaces), skippedOn: day,
                                               recordedBy: command.user, recordedAt: command.at)
            try record.insert(command.db)
            return "skipped \(stage.rawValue)"
        }
    }

    /// Records the response to the stage awaiting one — or, with `summary` nil, that none came.
    public func recordEscalationResponse(_ reference: String, summary: String?, satisfactory: Bool?, on day: LocalDate,
                                         by user: String) throws -> EscalationDossier {
        try changeEscalation(reference, .recordResponse, by: user) { command, _, stages in
            guard var record = stages.last(where: { $0.state == .awaitingResponse || $0.state == .onHold }) else {
                throw ModelError(.invalidTransition, "no stage is awaiting a response")
            }
            try command.checkDate(day, of: "the response", notBefore: [(record.raisedOn!, "\(record.stage.label) was raised")])
            Self.respond(&record, summary: Text.optional(summary), satisfactory: summary == nil ? false : satisfactory, on: day)
            try record.update(command.db)
            return summary == nil ? "no response from \(record.stage.rawValue)" : "response from \(record.stage.rawValue)"
        }
    }

    /// Puts the waiting stage's clock on hold from `on`: the organisation asked for more
    /// information or time, and the Healthwatch agreed.
    public func holdEscalation(_ reference: String, on day: LocalDate, by user: String) throws -> EscalationDossier {
        try changeEscalation(reference, .hold, by: user) { command, _, stages in
            guard var record = stages.last(where: { $0.state == .awaitingResponse }) else {
                throw ModelError(.invalidTransition, "no stage is awaiting a response")
            }
            try command.checkDate(day, of: "putting the stage on hold", notBefore: [(record.raisedOn!, "\(record.stage.label) was raised")])
            record.state = .onHold
            record.heldSince = day
            try record.update(command.db)
            return "clock on hold at \(record.stage.rawValue)"
        }
    }

    /// Restarts the held stage's clock from `on`: the days on hold do not count.
    public func resumeEscalation(_ reference: String, on day: LocalDate, by user: String) throws -> EscalationDossier {
        try changeEscalation(reference, .resume, by: user) { command, _, stages in
            guard var record = stages.last(where: { $0.state == .onHold }), let since = record.heldSince else {
                throw ModelError(.invalidTransition, "no stage is on hold")
            }
            try command.checkDate(day, of: "resuming the stage", notBefore: [(since, "the stage was put on hold")])
            record.pausedDays += day.dayNumber - since.dayNumber
            record.heldSince = nil
            record.state = .awaitingResponse
            try record.update(command.db)
            return "clock resumed at \(record.stage.rawValue)"
        }
    }

    /// Closes the escalation with its outcome; a stage still waiting stops its clock.
    public func closeEscalation(_ reference: String, outcome: EscalationOutcome, summary: String, on day: LocalDate,
                                by user: String) throws -> EscalationDossier {
        let summary = try Text.required(summary, "outcome summary", hint: "--summary")
        return try changeEscalation(reference, .close, by: user) { command, escalation, stages in
            try command.checkDate(day, of: "closing the escalation", notBefore: [(escalation.identifiedOn, "the escalation was identified")])
            for var record in stages where record.state == .awaitingResponse || record.state == .onHold {
                Self.respond(&record, summary: nil, satisfactory: nil, on: day)
                try record.update(command.db)
            }
            try command.db.execute(sql: "UPDATE hweCase SET outcome = ?, outcomeSummary = ?, closedOn = ? WHERE id = ?",
                                   arguments: [outcome.rawValue, summary, day, escalation.id.description])
            return "closed: \(outcome.rawValue)"
        }
    }

    /// One escalation, with its stages.
    public func escalation(_ reference: String) throws -> EscalationDossier {
        try read { db in try Self.escalationDossier(Lookup.one(EscalationCase.self, reference, noun: "escalation", in: db), in: db) }
    }

    /// Every escalation, newest first; closed ones only when asked.
    public func escalations(includeClosed: Bool = false) throws -> [EscalationDossier] {
        try read { db in
            try EscalationCase.order(Column("identifiedOn").desc, Column("reference").desc).fetchAll(db)
                .filter { includeClosed || $0.state != .closed }
                .map { try Self.escalationDossier($0, in: db) }
        }
    }

    /// Each stage's response clock: the organisation's setting, or the default.
    public func escalationClockSettings() throws -> [ResponseClockSetting] {
        try read { db in try Self.clockSettings(in: db) }
    }

    /// Sets `stage`'s response clock (or every stage's, with nil).
    public func setEscalationClock(stage: EscalationStage?, warning: ClockSpan, breach: ClockSpan, by user: String) throws -> [ResponseClockSetting] {
        let settings = (stage.map { [$0] } ?? EscalationStage.allCases).map { ResponseClockSetting(stage: $0, warning: warning, breach: breach) }
        try settings[0].check()
        return try perform(by: user) { command in
            for setting in settings {
                try command.db.execute(sql: "INSERT OR REPLACE INTO hweClockSetting (stage, warning, breach) VALUES (?, ?, ?)",
                                       arguments: [setting.stage.rawValue, setting.warning.description, setting.breach.description])
                try command.log(nil, "escalation", "settings", "response clock at \(setting.stage.rawValue): amber from \(warning), due after \(breach)")
            }
            return try Self.clockSettings(in: command.db)
        }
    }

    /// The quarterly report for the Healthwatch Patient Safety Network, as it stands on `asOf`.
    public func escalationReport(quarter: Quarter, asOf: LocalDate, nation: Nation) throws -> HealthwatchQuarterlyReport {
        let calendar = try workingCalendar()
        return try read { db in
            HealthwatchQuarterlyReport(quarter: quarter, asOf: asOf, cases: try EscalationCase.fetchAll(db), stages: try EscalationStageRecord.fetchAll(db),
                                       settings: try Self.clockSettings(in: db), calendar: calendar, nation: nation)
        }
    }

    // MARK: Helpers

    /// Applies `event` to the escalation named `reference`, with `body` making the stage change
    /// and returning the history line.
    private func changeEscalation(
        _ reference: String, _ event: EscalationLifecycle.Event, by user: String,
        _ body: (Command, EscalationCase, [EscalationStageRecord]) throws -> String
    ) throws -> EscalationDossier {
        try perform(by: user) { command in
            var escalation = try Lookup.one(EscalationCase.self, reference, noun: "escalation", in: command.db)
            let next = try EscalationLifecycle.apply(event, to: escalation.state)
            let line = try body(command, escalation, try Self.stages(of: escalation.id, in: command.db))
            escalation = try Lookup.one(EscalationCase.self, escalation.reference, noun: "escalation", in: command.db)
            let before = escalation.state
            escalation.state = next
            if next == .closed { escalation.closedOn = escalation.closedOn ?? LondonMoment(command.at).date }
            try escalation.update(command.db)
            try command.log(nil, "escalation", escalation.reference, line, from: before.rawValue, to: next.rawValue)
            return try Self.escalationDossier(escalation, in: command.db)
        }
    }

    private static func respond(_ record: inout EscalationStageRecord, summary: String?, satisfactory: Bool?, on day: LocalDate) {
        if let since = record.heldSince { record.pausedDays += max(0, day.dayNumber - since.dayNumber) }
        record.heldSince = nil
        record.state = .responded
        record.respondedOn = day
        record.response = summary
        record.responseReceived = summary != nil
        record.satisfactory = satisfactory
    }

    static func stages(of id: EscalationID, in db: Database) throws -> [EscalationStageRecord] {
        try EscalationStageRecord.filter(Column("caseId") == id.description).fetchAll(db).sorted { $0.stage < $1.stage }
    }

    static func clockSettings(in db: Database) throws -> [ResponseClockSetting] {
        let rows = try Row.fetchAll(db, sql: "SELECT stage, warning, breach FROM hweClockSetting")
        var byStage: [EscalationStage: ResponseClockSetting] = [:]
        for row in rows {
            guard let stage = EscalationStage(rawValue: row[0]), let warning = try? ClockSpan(parsing: row[1]),
                  let breach = try? ClockSpan(parsing: row[2]) else { continue }
            byStage[stage] = ResponseClockSetting(stage: stage, warning: warning, breach: breach)
        }
        return EscalationStage.allCases.map { byStage[$0] ?? .standard($0) }
    }

    static func escalationDossier(_ escalation: EscalationCase, in db: Database) throws -> EscalationDossier {
        let stages = try stages(of: escalation.id, in: db)
        var due: LocalDate?
        var amber: LocalDate?
        var version: String?
        var provisional = false
        if let waiting = stages.last(where: { $0.state == .awaitingResponse }), let raisedOn = waiting.raisedOn {
            let clock = try clockSettings(in: db).first { $0.stage == waiting.stage }!.clock
            let calendar = try NodeStore.workingCalendar(in: db)
            let nation = try NodeStore.defaultNation(in: db)
            due = clock.due(startedOn: raisedOn, pausedDays: waiting.pausedDays, calendar: calendar, nation: nation)
            amber = clock.amberFrom(startedOn: raisedOn, pausedDays: waiting.pausedDays, calendar: calendar, nation: nation)
            version = calendar.version
            provisional = due.map { calendar.isProvisional($0, in: clock.nation ?? nation) } ?? false
        }
        return EscalationDossier(escalation: escalation, stages: stages, nextStage: EscalationRules.nextStage(after: stages),
                                 responseDue: due, responseAmberFrom: amber, calendarVersion: version, responseDueProvisional: provisional,
                                 allowedNext: EscalationLifecycle.allowedEvents(from: escalation.state).map(\.step))
    }
}
