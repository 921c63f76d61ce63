import Foundation
import GRDB
import TriangulateModel

/// Takes the ECP's steps (`EmergingConcernsSteps`) through the node's services, and says which
/// are allowed on a concern now.
enum EmergingConcernsStepRunner {
    typealias Steps = EmergingConcernsSteps

    /// The steps allowed on the concern with id `id` now, or nil when it is not a concern.
    static func allowed(on id: String, in db: Database) throws -> [StepDefinition]? {
        guard let concern = try Concern.fetchOne(db, key: id) else { return nil }
        let events = Set(ConcernLifecycle.allowedEvents(from: concern.state))
        var steps: [StepDefinition] = []
        if !events.isDisjoint(with: [.startEvaluation, .trigger, .notTrigger]) { steps.append(Steps.evaluate) }
        if concern.state.allowsPartnerExchange { steps.append(Steps.contact) }
        if concern.state == .triggered || !events.isDisjoint(with: [.callPanel, .notCallPanel]) { steps.append(Steps.decidePanel) }
        let waitingPanel = try openPanel(of: concern, in: db)
        if let waitingPanel {
            steps += [Steps.convenePanel, Steps.invite]
            if waitingPanel.state == .scheduled, !waitingPanel.invitees.isEmpty { steps.append(Steps.attend) }
            steps.append(Steps.cancelPanel)
        } else if let held = try latestPanel(of: concern, in: db), held.state == .held {
            steps.append(Steps.attend)
        }
        if [.panelCalled, .panelNotCalled, .outcomeRecorded].contains(concern.state) { steps.append(Steps.addAction) }
        // An outcome waits for a called panel to meet (or be cancelled).
        if events.contains(.recordOutcome), waitingPanel == nil { steps.append(Steps.outcome) }
        if events.contains(.shareOutcome) { steps.append(Steps.shareOutcome) }
        if events.contains(.reviewLearning) { steps.append(Steps.review) }
        if events.contains(.close) { steps.append(Steps.close) }
        if events.contains(.reopen) { steps.append(Steps.reopen) }
        steps.append(Steps.safeguard)
        return steps
    }

    /// Takes `values.step` on the concern `id` (nil to record a new one); returns the concern's id.
    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String {
        let day = { (name: String) in values.date(name) ?? store.today }
        guard let id else {
            guard values.step == Steps.record else { throw NodeError(.notFound, "\(values.step.id) needs a concern") }
            let location = try values.text("location").map { try CQCIdentifier(parsing: $0) }
            let dossier = try store.addConcern(NewConcern(
                category: values.choice("category", as: ConcernCategory.self) ?? .systems,
                setting: values.choice("setting", as: SettingType.self) ?? .health,
                title: values.text("title") ?? "", summary: values.text("summary") ?? "", identifiedOn: day("identifiedOn"),
                source: Source(type: values.choice("source", as: SourceType.self) ?? .complaint),
                subjects: location.map { [.location(id: $0, name: values.text("locationName") ?? "")] } ?? [],
                safeguarding: values.flag("safeguarding") ? NewSafeguardingFlag(raisedOn: day("identifiedOn")) : nil), by: user)
            return dossier.concern.id.description
        }
        switch values.step {
        case Steps.evaluate:
            _ = try store.evaluate(id, EvaluationInput(
                on: day("on"), decision: values.choice("decision", as: TriggerDecision.self), rationale: values.text("rationale"),
                alternativeRoute: values.text("route")), by: user)
        case Steps.safeguard:
            _ = try store.raiseSafeguarding(on: id, NewSafeguardingFlag(
                raisedOn: day("on"), referredTo: try values.text("referredTo").map { try OrganisationCode(parsing: $0) },
                referralReference: values.text("referralReference"), immediateAction: values.text("immediateAction")), by: user)
        case Steps.contact:
            _ = try store.recordContact(id, ContactInput(
                partner: try OrganisationCode(parsing: values.text("partner") ?? ""),
                purpose: values.choice("purpose", as: PartnerContact.Purpose.self) ?? .share, on: day("on")), by: user)
        case Steps.decidePanel:
            _ = try store.decidePanel(id, call: values.text("call") == "call", on: day("on"), rationale: values.text("rationale") ?? "", by: user)
        case Steps.convenePanel:
            let panel = try panel(of: id, store: store, heldToo: false)
            _ = try store.convenePanel(panel.reference, chair: values.text("chair") ?? "", on: day("meetsOn"), format: nil, by: user)
        case Steps.invite:
            let panel = try panel(of: id, store: store, heldToo: false)
            _ = try store.invite(Invitee(org: try OrganisationCode(parsing: values.text("org") ?? ""), person: values.text("person") ?? "",
                                         role: values.text("role") ?? "", needToKnow: values.text("needToKnow") ?? ""),
                                 to: panel.reference, by: user)
        case Steps.attend:
            let panel = try panel(of: id, store: store, heldToo: true)
            _ = try store.recordAttendance(at: panel.reference, org: try OrganisationCode(parsing: values.text("org") ?? ""),
                                           person: values.text("person") ?? "",
                                           attendance: values.choice("attendance", as: Invitee.Attendance.self) ?? .attended, by: user)
        case Steps.cancelPanel:
            let panel = try panel(of: id, store: store, heldToo: false)
            _ = try store.cancelPanel(panel.reference, reason: values.text("reason") ?? "", by: user)
        case Steps.addAction:
            let concern = try store.read { db in try Lookup.one(Concern.self, id, noun: "concern", in: db) }
            _ = try store.addAction(concern.reference, ActionInput(ownerOrg: try OrganisationCode(parsing: values.text("owner") ?? ""),
                                                                   summary: values.text("summary") ?? "", agreedOn: day("agreedOn"),
                                                                   dueBy: day("dueBy")), by: user)
        case Steps.outcome:
            _ = try store.recordOutcome(id, type: values.choice("type", as: OutcomeType.self) ?? .noFurtherAction,
                                        summary: values.text("summary") ?? "", on: day("on"), by: user)
        case Steps.shareOutcome:
            _ = try store.shareOutcome(id, with: nil, on: day("on"), by: user)
        case Steps.review:
            _ = try store.recordReview(id, ReviewInput(
                on: day("on"), reviewers: [], wentWell: values.text("wentWell") ?? "", doDifferently: values.text("doDifferently") ?? "",
                lessons: values.text("lessons")), by: user)
        case Steps.close:
            _ = try store.closeConcern(id, on: day("on"), by: user)
        case Steps.reopen:
            _ = try store.reopenConcern(id, by: user)
        default:
            throw NodeError(.notFound, "the Emerging Concerns Protocol has no step \(values.step.id)")
        }
        return id
    }

    /// The concern's panel still to meet (or, with `heldToo`, just held), or an error saying there is none.
    private static func panel(of id: String, store: NodeStore, heldToo: Bool) throws -> Panel {
        let panel = try store.read { db -> Panel? in
            guard let concern = try Concern.fetchOne(db, key: id) else { return nil }
            if let waiting = try openPanel(of: concern, in: db) { return waiting }
            return heldToo ? try latestPanel(of: concern, in: db).flatMap { $0.state == .held ? $0 : nil } : nil
        }
        guard let panel else { throw ModelError(.missingPrerequisite, "there is no panel for this step: decide to call one first") }
        return panel
    }

    /// The concern's latest panel, if any.
    private static func latestPanel(of concern: Concern, in db: Database) throws -> Panel? {
        try Panel.filter(Column("concernId") == concern.id.description).order(Column("recordedAt").desc).fetchOne(db)
    }

    /// The concern's panel that is still to meet, if any.
    private static func openPanel(of concern: Concern, in db: Database) throws -> Panel? {
        try Panel.filter(Column("concernId") == concern.id.description)
            .filter([PanelLifecycle.State.proposed.rawValue, PanelLifecycle.State.scheduled.rawValue].contains(Column("state")))
            .order(Column("recordedAt").desc).fetchOne(db)
    }
}
