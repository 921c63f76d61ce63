import Foundation
import GRDB
import TriangulateModel

/// What a caseworker gives to record a new concern.
public struct NewConcern: Sendable {
    public var category: ConcernCategory
    public var setting: SettingType
    public var title: String
    public var summary: String
    public var identifiedOn: LocalDate
    public var source: Source
    public var subjects: [Subject]
    /// A safeguarding flag to raise at once, if there is an indicator already.
    public var safeguarding: NewSafeguardingFlag?

    /// Makes the input for a new concern.
    public init(category: ConcernCategory, setting: SettingType, title: String, summary: String,
                identifiedOn: LocalDate, source: Source, subjects: [Subject], safeguarding: NewSafeguardingFlag? = nil) {
        self.category = category
        self.setting = setting
        self.title = title
        self.summary = summary
        self.identifiedOn = identifiedOn
        self.source = source
        self.subjects = subjects
        self.safeguarding = safeguarding
    }
}

/// What is recorded when a safeguarding indicator is raised.
public struct NewSafeguardingFlag: Sendable {
    public var raisedOn: LocalDate
    public var referredTo: OrganisationCode?
    public var referralReference: String?
    public var immediateAction: String?

    /// Makes the input for a safeguarding flag.
    public init(raisedOn: LocalDate, referredTo: OrganisationCode? = nil, referralReference: String? = nil,
                immediateAction: String? = nil) {
        self.raisedOn = raisedOn
        self.referredTo = referredTo
        self.referralReference = referralReference
        self.immediateAction = immediateAction
    }
}

/// One line of the concern list.
public struct ConcernSummary: Hashable, Codable, Sendable {
    public var id: ConcernID
    public var reference: String
    public var title: String
    public var category: ConcernCategory
    public var state: ConcernLifecycle.State
    public var identifiedOn: LocalDate
    public var safeguarding: Bool
}

extension NodeStore {
    /// Records a new concern as a draft, with a safeguarding flag if one is given.
    public func addConcern(_ new: NewConcern, by user: String) throws -> ConcernDossier {
        let title = try Text.required(new.title, "title", hint: "--title")
        let summary = try Text.required(new.summary, "summary", hint: "--summary")
        return try perform(by: user) { command in
            try command.checkDate(new.identifiedOn, of: "identifying the concern", notBefore: [])
            let prefix = "ECP-\(new.identifiedOn.year)-"
            let number = try Lookup.nextNumber(table: Concern.databaseTableName, prefix: prefix, in: command.db)
            let concern = Concern(
                id: command.newID(), reference: prefix + Text.padded(number, 4), originatingOrg: command.organisation,
                category: new.category, setting: new.setting, title: title, summary: summary,
                identifiedOn: new.identifiedOn, source: new.source, subjects: new.subjects, state: .draft,
                recordedBy: command.user, recordedAt: command.at)
            try concern.insert(command.db)
            try Self.snapshotServices(concern.subjects, ofCase: concern.id.description, command)
            try command.log(concern.id, "concern", concern.reference, "recorded", to: concern.state.rawValue)
            var flags: [SafeguardingFlag] = []
            if let safeguarding = new.safeguarding {
                flags.append(try raise(safeguarding, on: concern, command))
            }
            return ConcernDossier(concern: concern, safeguardingFlags: flags)
        }
    }

    /// Adds a provider, location, professional or other subject to a concern, in any state.
    public func addSubject(_ subject: Subject, to reference: String, by user: String) throws -> Concern {
        try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            if case .professional(let regulator, _, _) = subject { try command.requireKnown(regulator) }
            guard !concern.subjects.contains(subject) else { return concern }
            concern.subjects.append(subject)
            try concern.update(command.db)
            try Self.snapshotServices([subject], ofCase: concern.id.description, command)
            try command.log(concern.id, "concern", concern.reference, "subjectAdded")
            return concern
        }
    }

    /// Raises a safeguarding flag on a concern. Allowed in every state, closed included: it
    /// never waits for the protocol and never blocks it.
    public func raiseSafeguarding(on reference: String, _ flag: NewSafeguardingFlag, by user: String) throws -> SafeguardingFlag {
        try perform(by: user) { command in
            let concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            return try raise(flag, on: concern, command)
        }
    }

    private func raise(_ new: NewSafeguardingFlag, on concern: Concern, _ command: Command) throws -> SafeguardingFlag {
        try command.checkDate(new.raisedOn, of: "raising the safeguarding indicator", notBefore: [concern.identified])
        if let referredTo = new.referredTo { try command.requireKnown(referredTo) }
        let flag = SafeguardingFlag(
            id: command.newID(), concernId: concern.id, raisedOn: new.raisedOn, referredTo: new.referredTo,
            referralReference: new.referralReference, immediateAction: new.immediateAction,
            recordedBy: command.user, recordedAt: command.at)
        try flag.insert(command.db)
        try command.log(concern.id, "safeguarding", concern.reference, "safeguardingRaised")
        return flag
    }

    /// Closes a concern that was not triggered or has been reviewed for learning.
    public func closeConcern(_ reference: String, on day: LocalDate, by user: String) throws -> Concern {
        try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            try transition(&concern, .close, command)
            let reviewed = try LearningReview.filter(Column("concernId") == concern.id.description).order(Column("reviewedOn").desc).fetchOne(command.db)
            try command.checkDate(day, of: "closing the concern", notBefore: [concern.identified] + [reviewed.map { ($0.reviewedOn, "the learning review") }].compactMap { $0 })
            concern.closedOn = day
            try concern.update(command.db)
            return concern
        }
    }

    /// Reopens a closed concern on new information; it goes back to evaluation.
    public func reopenConcern(_ reference: String, by user: String) throws -> Concern {
        try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            try transition(&concern, .reopen, command)
            concern.closedOn = nil
            try concern.update(command.db)
            return concern
        }
    }

    /// The concerns on this node, newest first, optionally only those in one state.
    public func listConcerns(state: ConcernLifecycle.State? = nil) throws -> [ConcernSummary] {
        try read { db in
            let flagged = try Set(String.fetchAll(db, sql: "SELECT DISTINCT concernId FROM safeguardingFlag"))
            var request = Concern.order(Column("identifiedOn").desc, Column("reference").desc)
            if let state { request = request.filter(Column("state") == state.rawValue) }
            return try request.fetchAll(db).map { concern in
                ConcernSummary(id: concern.id, reference: concern.reference, title: concern.title,
                               category: concern.category, state: concern.state, identifiedOn: concern.identifiedOn,
                               safeguarding: flagged.contains(concern.id.description))
            }
        }
    }

    /// Everything recorded about one concern.
    public func dossier(_ reference: String) throws -> ConcernDossier {
        try read { db in
            let concern = try Lookup.one(Concern.self, reference, noun: "concern", in: db)
            return try Self.dossier(of: concern, in: db)
        }
    }

    /// The history of one concern: who changed what, and when — its case's timeline.
    public func history(_ reference: String) throws -> [HistoryEntry] {
        let concern = try read { db in try Lookup.one(Concern.self, reference, noun: "concern", in: db) }
        return try timeline(of: caseDetail(id: concern.id.description).summary)
    }

    static func dossier(of concern: Concern, in db: Database) throws -> ConcernDossier {
        func rows<R: FetchableRecord & TableRecord>(_ type: R.Type, order: String) throws -> [R] {
            try R.filter(Column("concernId") == concern.id.description).order(Column(order), Column("id")).fetchAll(db)
        }
        return ConcernDossier(
            concern: concern,
            safeguardingFlags: try rows(SafeguardingFlag.self, order: "recordedAt"),
            evaluations: try rows(Evaluation.self, order: "recordedAt"),
            contacts: try rows(PartnerContact.self, order: "recordedAt"),
            requests: try rows(InformationRequest.self, order: "recordedAt"),
            panelDecisions: try rows(PanelDecision.self, order: "recordedAt"),
            panels: try rows(Panel.self, order: "recordedAt"),
            actions: try rows(Action.self, order: "recordedAt"),
            outcome: try rows(Outcome.self, order: "recordedAt").last,
            review: try rows(LearningReview.self, order: "recordedAt").last)
    }

    /// Moves a concern through its state machine, logging the change; the caller saves it.
    func transition(_ concern: inout Concern, _ event: ConcernLifecycle.Event, _ command: Command) throws {
        let from = concern.state
        concern.state = try ConcernLifecycle.apply(event, to: from)
        try command.log(concern.id, "concern", concern.reference, event.rawValue, from: from.rawValue, to: concern.state.rawValue)
    }
}
