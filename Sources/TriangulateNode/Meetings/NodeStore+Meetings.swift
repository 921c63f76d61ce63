import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// Every kind of meeting of every process, with the agenda this organisation starts each with.
    public func meetingKinds() throws -> [(kind: MeetingKind, agenda: [String])] {
        try read { db in try ProcessRegistry.meetingKinds.map { ($0, try Self.agendaTemplate(for: $0, in: db)) } }
    }

    /// Sets the agenda a new meeting of `kind` starts with.
    public func setAgendaTemplate(kind: String, items: [String], by user: String) throws -> [String] {
        let kind = try Self.meetingKind(kind)
        let items = items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw NodeError(.invalidInput, "an agenda needs at least one item: give --item TEXT (repeat it)") }
        return try perform(by: user) { command in
            try command.db.execute(
                sql: "INSERT OR REPLACE INTO meetingAgendaTemplate (kind, items, updatedBy, updatedAt) VALUES (?, ?, ?, ?)",
                arguments: [kind.id, String(decoding: try JSONEncoder().encode(items), as: UTF8.self), command.user, command.at])
            try command.log(nil, "meeting", kind.id, "agenda template changed")
            return items
        }
    }

    /// Sets up a meeting outside a case's step (a series meeting is set up from its series).
    public func newMeeting(_ new: NewMeeting, by user: String) throws -> MeetingDossier {
        try perform(by: user) { command in
            var caseId: String?
            if let reference = new.caseReference {
                let flowCase = try Lookup.one(FlowCase.self, reference, noun: "case", in: command.db)
                try StepDates.checkPlanned(new.date, of: "the meeting", notBefore: [(flowCase.openedOn, "the case opened")])
                caseId = flowCase.id.description
            }
            let meeting = try Self.createMeeting(kind: new.kind, on: new.date, chair: new.chair, chairPerson: Text.optional(new.chairPerson),
                                                 caseId: caseId, seriesId: nil, personalInformation: new.personalInformation, command)
            return try Self.meetingDossier(meeting, in: command.db)
        }
    }

    /// One meeting, with its invitees, actions and items.
    public func meeting(_ reference: String) throws -> MeetingDossier {
        try read { db in try Self.meetingDossier(Lookup.one(Meeting.self, reference, noun: "meeting", in: db), in: db) }
    }

    /// Every meeting, newest first; only a case's or a series' when one is named.
    public func meetings(caseReference: String? = nil, seriesReference: String? = nil) throws -> [MeetingDossier] {
        try read { db in
            var request = Meeting.order(Column("date").desc, Column("reference").desc)
            if let caseReference { request = request.filter(Column("caseId") == (try Lookup.one(FlowCase.self, caseReference, noun: "case", in: db)).id.description) }
            if let seriesReference {
                request = request.filter(Column("seriesId") == (try Lookup.one(MeetingSeries.self, seriesReference, noun: "series", in: db)).id.description)
            }
            return try request.fetchAll(db).map { try Self.meetingDossier($0, in: db) }
        }
    }

    /// Invites an organisation, or a named person of it, to a meeting. Where personal
    /// information will be discussed, a named person is invited only with their need to know.
    public func invite(to reference: String, organisation: String, person: String?, needToKnow: String?, by user: String) throws -> MeetingDossier {
        try changeMeeting(reference, by: user) { command, meeting in
            let code = try OrganisationCode(parsing: organisation)
            try command.requireKnown(code)
            let person = Text.optional(person), needToKnow = Text.optional(needToKnow)
            if person != nil, meeting.personalInformation, needToKnow == nil {
                throw NodeError(.invalidInput, "personal information will be discussed at \(meeting.reference): say why \(person!) needs to know (--need-to-know)")
            }
            let invited = try MeetingInvitee.filter(Column("meetingId") == meeting.id.description && Column("organisation") == code.rawValue).fetchAll(command.db)
            guard !invited.contains(where: { $0.person == person }) else {
                throw NodeError(.invalidInput, "\(person.map { "\($0) of " } ?? "")\(code) is already invited to \(meeting.reference)")
            }
            try MeetingInvitee(meetingId: meeting.id, organisation: code, person: person, needToKnow: needToKnow).insert(command.db)
            return "invited \(code)\(person == nil ? "" : " (a named person)")"
        }
    }

    /// Records whether an invitee came.
    public func recordAttendance(at reference: String, organisation: String, person: String?, attendance: Attendance, by user: String) throws -> MeetingDossier {
        try changeMeeting(reference, by: user) { command, meeting in
            let code = try OrganisationCode(parsing: organisation)
            let person = Text.optional(person)
            try command.db.execute(sql: "UPDATE meetingInvitee SET attendance = ? WHERE meetingId = ? AND organisation = ? AND person IS ?",
                                   arguments: [attendance.rawValue, meeting.id.description, code.rawValue, person])
            guard command.db.changesCount > 0 else {
                throw NodeError(.notFound, "\(person.map { "\($0) of " } ?? "")\(code) is not invited to \(meeting.reference): invite them first (meeting invite)")
            }
            return "attendance of \(code): \(attendance.rawValue)"
        }
    }

    /// Replaces a meeting's agenda.
    public func setAgenda(of reference: String, items: [String], by user: String) throws -> MeetingDossier {
        let items = items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw NodeError(.invalidInput, "an agenda needs at least one item: give --item TEXT (repeat it)") }
        return try changeMeeting(reference, by: user) { command, meeting in
            var meeting = meeting
            meeting.agenda = items
            try meeting.update(command.db)
            return "agenda set (\(items.count) items)"
        }
    }

    /// Writes a meeting's draft minutes. Only the chairing organisation minutes a meeting
    /// (seed 003 §29), and agreed minutes no longer change.
    public func draftMinutes(of reference: String, text: String, by user: String) throws -> MeetingDossier {
        let text = try Text.required(text, "minutes", hint: "--text or --file")
        return try changeMeeting(reference, by: user) { command, meeting in
            try Self.requireChair(meeting, command)
            guard meeting.minutesState != .agreed else {
                throw ModelError(.invalidTransition, "the minutes of \(meeting.reference) were agreed on \(meeting.minutesAgreedOn?.description ?? "?") by \(meeting.minutesAgreedBy ?? "?"): they no longer change")
            }
            var meeting = meeting
            meeting.minutes = text
            meeting.minutesState = .draft
            try meeting.update(command.db)
            return "minutes drafted"
        }
    }

    /// Agrees a meeting's draft minutes, as the person acting, on `day`.
    public func agreeMinutes(of reference: String, on day: LocalDate, by user: String) throws -> MeetingDossier {
        try changeMeeting(reference, by: user) { command, meeting in
            try Self.requireChair(meeting, command)
            guard meeting.minutesState == .draft else {
                throw ModelError(.invalidTransition, meeting.minutesState == .agreed
                    ? "the minutes of \(meeting.reference) are already agreed"
                    : "\(meeting.reference) has no minutes to agree: draft them first (meeting minutes)")
            }
            try command.checkDate(day, of: "agreeing the minutes", notBefore: [(meeting.date, "the meeting")])
            var meeting = meeting
            meeting.minutesState = .agreed
            meeting.minutesAgreedBy = command.user
            meeting.minutesAgreedOn = day
            try meeting.update(command.db)
            return "minutes agreed"
        }
    }

    /// Records a decision of a meeting.
    public func addDecision(to reference: String, text: String, by user: String) throws -> MeetingDossier {
        let text = try Text.required(text, "decision", hint: "--text")
        return try changeMeeting(reference, by: user) { command, meeting in
            var meeting = meeting
            meeting.decisions.append(text)
            try meeting.update(command.db)
            return "decision \(meeting.decisions.count) recorded"
        }
    }

    /// Adds an action to a meeting's log: owned by an organisation (and a person of it), due on a day.
    public func addMeetingAction(to reference: String, description: String, owner: String, ownerPerson: String?, due: LocalDate,
                                 by user: String) throws -> MeetingDossier {
        let description = try Text.required(description, "action", hint: "--description")
        return try changeMeeting(reference, by: user) { command, meeting in
            let code = try OrganisationCode(parsing: owner)
            try command.requireKnown(code)
            try StepDates.checkPlanned(due, of: "the action's due day", notBefore: [(meeting.date, "the meeting")])
            let number = (try Int.fetchOne(command.db, sql: "SELECT max(number) FROM meetingAction WHERE meetingId = ?", arguments: [meeting.id.description]) ?? 0) + 1
            try MeetingAction(meetingId: meeting.id, number: number, description: description, owner: code, ownerPerson: Text.optional(ownerPerson),
                              due: due, updatedOn: meeting.date).insert(command.db)
            return "action A\(number) agreed for \(code), due \(due)"
        }
    }

    /// Updates an action: done needs its evidence, not done its reason.
    public func updateMeetingAction(of reference: String, number: Int, status: MeetingActionStatus, evidence: String?, on day: LocalDate,
                                    by user: String) throws -> MeetingDossier {
        let evidence = Text.optional(evidence)
        if status.isFinished, evidence == nil {
            throw NodeError(.invalidInput, status == .done ? "say what shows the action was done: --evidence" : "say why the action was not done: --evidence")
        }
        return try changeMeeting(reference, by: user) { command, meeting in
            guard var action = try MeetingAction.fetchOne(command.db, key: ["meetingId": meeting.id.description, "number": number]) else {
                throw NodeError(.notFound, "\(meeting.reference) has no action A\(number)")
            }
            guard !action.status.isFinished else { throw ModelError(.invalidTransition, "action A\(number) of \(meeting.reference) is already \(action.status.rawValue)") }
            try command.checkDate(day, of: "the update", notBefore: [(meeting.date, "the meeting")])
            action.status = status
            action.evidence = evidence ?? action.evidence
            action.updatedOn = day
            try action.update(command.db)
            return "action A\(number): \(status.rawValue)"
        }
    }

    /// Records an item shared at a meeting, and whether it may be shared with the provider.
    public func addMeetingItem(to reference: String, topic: String, summary: String, from organisation: String, sharedWithProvider: Bool,
                               by user: String) throws -> MeetingDossier {
        let topic = try Text.required(topic, "topic", hint: "--topic")
        let summary = try Text.required(summary, "item", hint: "--summary")
        return try changeMeeting(reference, by: user) { command, meeting in
            let code = try OrganisationCode(parsing: organisation)
            try command.requireKnown(code)
            let number = (try Int.fetchOne(command.db, sql: "SELECT max(number) FROM meetingItem WHERE meetingId = ?", arguments: [meeting.id.description]) ?? 0) + 1
            try MeetingItem(meetingId: meeting.id, number: number, topic: topic, summary: summary, from: code, sharedWithProvider: sharedWithProvider)
                .insert(command.db)
            return "item \(number) from \(code)\(sharedWithProvider ? ", shareable with the provider" : "")"
        }
    }

    /// Records the day an invited organisation submitted its information-sharing template.
    public func recordTemplate(for reference: String, organisation: String, on day: LocalDate, by user: String) throws -> MeetingDossier {
        try changeMeeting(reference, by: user) { command, meeting in
            guard try Self.meetingKind(meeting.kind).takesTemplates else {
                throw NodeError(.invalidInput, "a \(try Self.meetingKind(meeting.kind).title.lowercased()) takes no templates")
            }
            let code = try OrganisationCode(parsing: organisation)
            try command.checkDate(day, of: "the template", notBefore: [])
            try command.db.execute(sql: "UPDATE meetingInvitee SET templateSubmittedOn = ? WHERE meetingId = ? AND organisation = ?",
                                   arguments: [day, meeting.id.description, code.rawValue])
            guard command.db.changesCount > 0 else { throw NodeError(.notFound, "\(code) is not invited to \(meeting.reference)") }
            return "template from \(code) received"
        }
    }

    // MARK: Helpers

    /// Makes a meeting in `command`'s transaction: a new reference, the kind's agenda as this
    /// organisation keeps it, a known chair.
    static func createMeeting(kind kindID: String, on day: LocalDate, chair: String, chairPerson: String?, caseId: String?, seriesId: String?,
                              personalInformation: Bool, _ command: Command) throws -> Meeting {
        let kind = try meetingKind(kindID)
        let chair = try OrganisationCode(parsing: chair)
        try command.requireKnown(chair)
        let format = InformationSharingMeetings.definition.reference
        let number = try Lookup.nextNumber(table: "meeting", prefix: format.yearPrefix(command.today.year), in: command.db)
        let meeting = Meeting(id: command.newID(), reference: format.reference(year: command.today.year, number: number), kind: kind.id, date: day,
                              chair: chair, chairPerson: chairPerson, caseId: caseId, seriesId: seriesId, personalInformation: personalInformation,
                              agenda: try agendaTemplate(for: kind, in: command.db),
                              providerDocumentId: (command.newID() as Identifier<MeetingTag>).description, recordedBy: command.user, recordedAt: command.at)
        try meeting.insert(command.db)
        try command.log(nil, "meeting", meeting.reference, "\(kind.title) on \(day), chaired by \(chair)")
        return meeting
    }

    static func meetingKind(_ id: String) throws -> MeetingKind {
        guard let kind = ProcessRegistry.meetingKinds.first(where: { $0.id == id.lowercased() }) else {
            throw NodeError(.invalidInput, "unknown kind of meeting '\(id)': use one of \(ProcessRegistry.meetingKinds.map(\.id).joined(separator: ", "))")
        }
        return kind
    }

    static func agendaTemplate(for kind: MeetingKind, in db: Database) throws -> [String] {
        guard let json = try String.fetchOne(db, sql: "SELECT items FROM meetingAgendaTemplate WHERE kind = ?", arguments: [kind.id]) else {
            return kind.agenda
        }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    private static func requireChair(_ meeting: Meeting, _ command: Command) throws {
        guard meeting.chair == command.organisation else {
            throw NodeError(.notPermitted, "\(meeting.reference) is chaired, and so minuted, by \(meeting.chair): its minutes come from there")
        }
    }

    private func changeMeeting(_ reference: String, by user: String, _ body: (Command, Meeting) throws -> String) throws -> MeetingDossier {
        try perform(by: user) { command in
            let meeting = try Lookup.one(Meeting.self, reference, noun: "meeting", in: command.db)
            let line = try body(command, meeting)
            try command.log(nil, "meeting", meeting.reference, line)
            return try Self.meetingDossier(Lookup.one(Meeting.self, meeting.reference, noun: "meeting", in: command.db), in: command.db)
        }
    }

    static func meetingDossier(_ meeting: Meeting, in db: Database) throws -> MeetingDossier {
        let id = meeting.id.description
        let kind = try meetingKind(meeting.kind)
        let series = try meeting.seriesId.flatMap { try MeetingSeries.fetchOne(db, key: $0) }
        var templatesDue: LocalDate?
        if kind.takesTemplates {
            let lead = series ?? MeetingSeries.standIn(kind: kind.id, on: meeting.date)
            templatesDue = SeriesRules.templateDue(of: lead, meetingOn: meeting.date, calendar: try workingCalendar(in: db), nation: try defaultNation(in: db))
        }
        return MeetingDossier(
            meeting: meeting, kindTitle: kind.title,
            caseReference: try meeting.caseId.flatMap { try String.fetchOne(db, sql: "SELECT reference FROM flowCase WHERE id = ?", arguments: [$0]) },
            seriesReference: series?.reference,
            invitees: try MeetingInvitee.filter(Column("meetingId") == id).order(Column("organisation"), Column("person")).fetchAll(db),
            actions: try MeetingAction.filter(Column("meetingId") == id).order(Column("number")).fetchAll(db),
            items: try MeetingItem.filter(Column("meetingId") == id).order(Column("number")).fetchAll(db),
            templatesDue: templatesDue)
    }
}

extension MeetingSeries {
    /// The settings a meeting of `kind` outside any series follows: its kind's defaults.
    static func standIn(kind: String, on day: LocalDate) -> MeetingSeries {
        let defaults = InformationSharingMeetings.defaults(for: kind)
        return MeetingSeries(id: MeetingSeriesID(UUID()), reference: "", kind: kind, title: "", startsOn: day,
                             cadence: defaults?.cadence ?? ClockSpan(2, .months)!, repeats: true, chairs: [],
                             chairPeriod: defaults?.chairPeriod ?? ClockSpan(6, .months)!, invitees: [],
                             templateLead: defaults?.templateLead ?? ClockSpan(2, .calendarDays)!, recordedBy: "", recordedAt: Date())
    }
}
