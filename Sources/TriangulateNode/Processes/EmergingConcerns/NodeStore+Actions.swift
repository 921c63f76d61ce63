import Foundation
import GRDB
import TriangulateModel

/// What is recorded when an action is agreed.
public struct ActionInput: Sendable {
    public var ownerOrg: OrganisationCode
    public var owner: String?
    public var summary: String
    public var agreedOn: LocalDate
    public var dueBy: LocalDate
    /// The panel that agreed it, by reference, if a panel did.
    public var panel: String?
    public var isRegulatoryActivity: Bool

    /// Makes the input for an action.
    public init(ownerOrg: OrganisationCode, owner: String? = nil, summary: String, agreedOn: LocalDate, dueBy: LocalDate,
                panel: String? = nil, isRegulatoryActivity: Bool = false) {
        self.ownerOrg = ownerOrg
        self.owner = owner
        self.summary = summary
        self.agreedOn = agreedOn
        self.dueBy = dueBy
        self.panel = panel
        self.isRegulatoryActivity = isRegulatoryActivity
    }
}

extension NodeStore {
    /// Records an action agreed on a concern that is in the protocol (triggered, not yet closed).
    public func addAction(_ reference: String, _ input: ActionInput, by user: String) throws -> Action {
        let summary = try Text.required(input.summary, "action", hint: "--summary")
        if input.dueBy < input.agreedOn {
            throw NodeError(.invalidInput, "the action is due (\(input.dueBy)) before it was agreed (\(input.agreedOn)): check --due")
        }
        return try perform(by: user) { command in
            let concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            let open: Set<ConcernLifecycle.State> = [
                .consideringPartners, .sharing, .panelCalled, .panelNotCalled, .outcomeRecorded, .outcomeShared,
            ]
            guard open.contains(concern.state) else {
                throw ModelError(.invalidTransition, "cannot agree an action while the concern is \(concern.state.label): actions follow a triggered concern, from partner contact until its outcome is shared")
            }
            try command.requireKnown(input.ownerOrg)
            var panelId: PanelID?
            if let panelReference = input.panel {
                let panel = try Lookup.one(Panel.self, panelReference, noun: "panel", in: command.db)
                guard panel.concernId == concern.id else {
                    throw NodeError(.invalidInput, "\(panel.reference) is not a panel on \(concern.reference)")
                }
                panelId = panel.id
            }
            let prefix = concern.reference + "/A"
            let number = try Lookup.nextNumber(table: Action.databaseTableName, prefix: prefix, in: command.db)
            let action = Action(
                id: command.newID(), reference: prefix + String(number), concernId: concern.id, panelId: panelId,
                ownerOrg: input.ownerOrg, owner: Text.optional(input.owner), summary: summary,
                isRegulatoryActivity: input.isRegulatoryActivity, agreedOn: input.agreedOn, dueBy: input.dueBy,
                recordedBy: command.user, recordedAt: command.at)
            try action.insert(command.db)
            try command.log(concern.id, "action", action.reference, "agreed", to: action.state.rawValue)
            return action
        }
    }

    /// Takes a step in an action's life: start, done (with evidence), not done (with the
    /// reason), or superseded.
    public func advanceAction(_ reference: String, _ event: ActionLifecycle.Event, on day: LocalDate,
                              evidence: String?, by user: String) throws -> Action {
        try perform(by: user) { command in
            var action = try Lookup.one(Action.self, reference, noun: "action", in: command.db)
            let from = action.state
            action.state = try ActionLifecycle.apply(event, to: from)
            switch event {
            case .start:
                break
            case .complete:
                action.evidence = try Text.required(evidence ?? "", "evidence that the action was taken", hint: "--evidence")
                action.completedOn = day
            case .abandon:
                action.evidence = try Text.required(evidence ?? "", "reason the action was not done", hint: "--reason")
                action.completedOn = day
            case .supersede:
                action.evidence = Text.optional(evidence)
                action.completedOn = day
            }
            if let completed = action.completedOn, completed < action.agreedOn {
                throw NodeError(.invalidInput, "\(completed) is before the action was agreed (\(action.agreedOn)): check --on")
            }
            try action.update(command.db)
            try command.log(action.concernId, "action", action.reference, event.rawValue, from: from.rawValue, to: action.state.rawValue)
            return action
        }
    }

    /// Actions, by due date; only open ones, or only those overdue on `overdueOn`, when asked.
    public func listActions(openOnly: Bool = false, overdueOn: LocalDate? = nil) throws -> [Action] {
        try read { db in
            try Action.order(Column("dueBy"), Column("reference")).fetchAll(db).filter { action in
                if let overdueOn { return action.isOverdue(on: overdueOn) }
                return !openOnly || action.state.isOpen
            }
        }
    }
}
