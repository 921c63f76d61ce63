import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// Records the decision to call or not call a Regulatory Review Panel. Calling one creates
    /// the panel, proposed, to be convened.
    public func decidePanel(_ reference: String, call: Bool, on day: LocalDate, rationale: String,
                            by user: String) throws -> (decision: PanelDecision, panel: Panel?) {
        let rationale = try Text.required(rationale, "rationale for the panel decision", hint: "--rationale")
        return try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            let evaluated = try Evaluation.filter(Column("concernId") == concern.id.description && Column("decision") == EvaluationLifecycle.State.trigger.rawValue)
                .order(Column("evaluatedOn").desc).fetchOne(command.db)
            try command.checkDate(day, of: "the panel decision", notBefore: [concern.identified] + [evaluated.map { ($0.evaluatedOn, "the decision to trigger the protocol") }].compactMap { $0 })
            if concern.state == .triggered { try transition(&concern, .considerPartners, command) }
            try transition(&concern, call ? .callPanel : .notCallPanel, command)
            try concern.update(command.db)
            let decision = PanelDecision(id: command.newID(), concernId: concern.id, callPanel: call, decidedOn: day,
                                         decidedBy: command.user, rationale: rationale, recordedAt: command.at)
            try decision.insert(command.db)
            guard call else { return (decision, nil) }
            let prefix = concern.reference + "/P"
            let number = try Lookup.nextNumber(table: Panel.databaseTableName, prefix: prefix, in: command.db)
            let panel = Panel(id: command.newID(), reference: prefix + String(number), concernId: concern.id,
                              convenedBy: command.organisation, state: .proposed, recordedBy: command.user,
                              recordedAt: command.at)
            try panel.insert(command.db)
            try command.log(concern.id, "panel", panel.reference, "proposed", to: panel.state.rawValue)
            return (decision, panel)
        }
    }

    /// Schedules (or reschedules) a panel with its chair and date, and gives it the agenda
    /// template if it has no agenda yet.
    public func convenePanel(_ reference: String, chair: String, on day: LocalDate, format: Panel.Format?,
                             by user: String) throws -> Panel {
        let chair = try Text.required(chair, "chair", hint: "--chair")
        return try updatePanel(reference, .schedule, by: user) { panel, command in
            panel.chair = chair
            panel.meetsOn = day
            panel.format = format ?? panel.format
            if panel.agenda.isEmpty {
                let template = try Self.agendaTemplate(in: command.db)
                panel.agenda = template.items
                panel.agendaSource = template.label
            }
        }
    }

    /// Invites a person to a panel with the reason they need to know. Only before it meets.
    public func invite(_ invitee: Invitee, to reference: String, by user: String) throws -> Panel {
        let person = try Text.required(invitee.person, "person's name", hint: "--person")
        let role = try Text.required(invitee.role, "role", hint: "--role")
        let needToKnow = try Text.required(invitee.needToKnow, "need-to-know justification", hint: "--need-to-know")
        return try updatePanel(reference, nil, by: user) { panel, command in
            guard panel.state == .proposed || panel.state == .scheduled else {
                throw ModelError(.invalidTransition, "the panel is \(panel.state.label): invitations close once it has met")
            }
            try command.requireKnown(invitee.org)
            panel.invitees.removeAll { $0.org == invitee.org && $0.person.lowercased() == person.lowercased() }
            panel.invitees.append(Invitee(org: invitee.org, person: person, role: role, needToKnow: needToKnow))
            try command.log(panel.concernId, "panel", panel.reference, "invited")
        }
    }

    /// Records whether an invitee attended or sent apologies. The first attendance marks the
    /// panel as held. Only invited people can attend: the invitation carries their need to know.
    public func recordAttendance(at reference: String, org: OrganisationCode, person: String,
                                 attendance: Invitee.Attendance, by user: String) throws -> Panel {
        try updatePanel(reference, attendance == .attended ? .hold : nil, by: user) { panel, command in
            guard panel.state == .scheduled || panel.state == .held else {
                _ = try PanelLifecycle.apply(.hold, to: panel.state)
                return
            }
            guard let index = panel.invitees.firstIndex(where: {
                $0.org == org && $0.person.lowercased() == person.trimmingCharacters(in: .whitespaces).lowercased()
            }) else {
                throw NodeError(.notFound, "\(person) (\(org)) is not invited to \(panel.reference): invite them first with `triangulate panel invite`, giving their need to know")
            }
            panel.invitees[index].attendance = attendance
            try command.log(panel.concernId, "panel", panel.reference, "attendance")
        }
    }

    /// Replaces a panel's agenda, before it meets.
    public func setAgenda(_ items: [String], for reference: String, by user: String) throws -> Panel {
        let items = items.compactMap(Text.optional)
        guard !items.isEmpty else { throw NodeError(.invalidInput, "the agenda is empty: give one item per line") }
        return try updatePanel(reference, nil, by: user) { panel, command in
            guard panel.state == .proposed || panel.state == .scheduled else {
                throw ModelError(.invalidTransition, "the panel is \(panel.state.label): its agenda can change only before it meets")
            }
            panel.agenda = items
            panel.agendaSource = "edited for this panel"
            try command.log(panel.concernId, "panel", panel.reference, "agendaEdited")
        }
    }

    /// Records draft minutes (again, to revise them).
    public func draftMinutes(_ text: String, for reference: String, by user: String) throws -> Panel {
        let minutes = try Text.required(text, "minutes", hint: "--file or --text")
        return try updatePanel(reference, .draftMinutes, by: user) { panel, _ in panel.minutes = minutes }
    }

    /// Records that the minutes were agreed.
    public func agreeMinutes(for reference: String, on day: LocalDate, by user: String) throws -> Panel {
        try updatePanel(reference, .agreeMinutes, by: user) { panel, _ in panel.minutesAgreedOn = day }
    }

    /// Sends the panel's record to the partners (the panel at the metadata class: never its
    /// minutes or names) and the concern's forum record to the Forum secretariat, as shares that
    /// go out on the next sync. With no list, it goes to every organisation invited or contacted
    /// and to the secretariat.
    public func distributePanelRecord(_ reference: String, to orgs: [OrganisationCode]?, on day: LocalDate,
                                      by user: String) throws -> Panel {
        try updatePanel(reference, .distributeRecord, by: user) { panel, command in
            let recipients = try self.recipients(orgs, concernId: panel.concernId, panel: panel, command)
            panel.recordSharedWith = recipients
            panel.recordSharedOn = day
            if let concernId = panel.concernId, let concern = try Concern.fetchOne(command.db, key: concernId.description) {
                _ = try Self.distribute([panel.reference], of: concern, to: recipients, command)
            }
        }
    }

    /// Closes a panel whose record has been distributed.
    public func closePanel(_ reference: String, by user: String) throws -> Panel {
        try updatePanel(reference, .close, by: user) { _, _ in }
    }

    /// Cancels a panel before it meets, with the reason.
    public func cancelPanel(_ reference: String, reason: String, by user: String) throws -> Panel {
        let reason = try Text.required(reason, "reason for cancelling", hint: "--reason")
        return try updatePanel(reference, .cancel, by: user) { panel, _ in panel.cancellationReason = reason }
    }

    /// Records a panel convened by another organisation that people from this one attended, so
    /// that it counts in "RRPs attended".
    public func recordExternalPanel(convenedBy: OrganisationCode, externalReference: String?, on day: LocalDate,
                                    attendee: String, role: String, by user: String) throws -> Panel {
        let attendee = try Text.required(attendee, "attendee's name", hint: "--person")
        return try perform(by: user) { command in
            try command.requireKnown(convenedBy)
            if convenedBy == command.organisation {
                throw NodeError(.invalidInput, "\(convenedBy) is this node's organisation: record your own panels with `panel decide --call`")
            }
            let prefix = "EXT-\(day.year)-P"
            let number = try Lookup.nextNumber(table: Panel.databaseTableName, prefix: prefix, in: command.db)
            let panel = Panel(
                id: command.newID(), reference: prefix + String(number), concernId: nil, convenedBy: convenedBy,
                externalReference: Text.optional(externalReference), meetsOn: day,
                invitees: [Invitee(org: command.organisation, person: attendee, role: Text.optional(role) ?? "attendee",
                                   needToKnow: "invited by the convening organisation", attendance: .attended)],
                state: .held, recordedBy: command.user, recordedAt: command.at)
            try panel.insert(command.db)
            try command.log(nil, "panel", panel.reference, "externalAttended", to: panel.state.rawValue)
            return panel
        }
    }

    /// One panel.
    public func panel(_ reference: String) throws -> Panel {
        try read { try Lookup.one(Panel.self, reference, noun: "panel", in: $0) }
    }

    /// Every panel, this organisation's and those it attended elsewhere, by date.
    public func listPanels() throws -> [Panel] {
        try read { try Panel.order(Column("meetsOn"), Column("reference")).fetchAll($0) }
    }

    /// The organisations a record goes to: those given, or every partner the concern involved;
    /// the Forum secretariat always among them.
    func recipients(_ given: [OrganisationCode]?, concernId: ConcernID?, panel: Panel?, _ command: Command) throws -> [OrganisationCode] {
        let secretariat = try String.fetchAll(command.db, sql: "SELECT code FROM organisation WHERE role = 'secretariat'")
            .compactMap { try? OrganisationCode(parsing: $0) }
        var orgs: [OrganisationCode]
        if let given, !given.isEmpty {
            for org in given { try command.requireKnown(org) }
            orgs = given
            if !secretariat.isEmpty, !secretariat.contains(where: orgs.contains) {
                throw NodeError(.invalidInput, "the record goes to the Forum secretariat too (ECP §4.2.6): add \(secretariat.map(\.rawValue).joined(separator: " or ")) to --to")
            }
        } else {
            var involved: [OrganisationCode] = panel?.invitees.map(\.org) ?? []
            if let concernId {
                involved += try String.fetchAll(command.db, sql: """
                    SELECT partner FROM partnerContact WHERE concernId = ?
                    UNION SELECT counterpart FROM informationRequest WHERE concernId = ?
                    UNION SELECT ownerOrg FROM action WHERE concernId = ?
                    """, arguments: [concernId, concernId, concernId]).compactMap { try? OrganisationCode(parsing: $0) }
            }
            orgs = involved + secretariat
        }
        var seen = Set<OrganisationCode>()
        return orgs.filter { $0 != command.organisation && seen.insert($0).inserted }.sorted()
    }

    private func updatePanel(_ reference: String, _ event: PanelLifecycle.Event?, by user: String,
                             _ change: (inout Panel, Command) throws -> Void) throws -> Panel {
        try perform(by: user) { command in
            var panel = try Lookup.one(Panel.self, reference, noun: "panel", in: command.db)
            let from = panel.state
            if let event { panel.state = try PanelLifecycle.apply(event, to: from) }
            try change(&panel, command)
            try panel.update(command.db)
            if let event {
                try command.log(panel.concernId, "panel", panel.reference, event.rawValue, from: from.rawValue, to: panel.state.rawValue)
            }
            return panel
        }
    }
}
