/// A record's states and transitions as a process definition declares them: what a reader of
/// the registry (a person, the documentation, the web application) sees of a ``Lifecycle``.
public struct StateMachineDescription: Hashable, Sendable {
    /// The record, e.g. "information request".
    public let record: String
    /// Its states, in declaration order; the first is where a new record starts.
    public let states: [String]
    /// Every allowed transition.
    public let transitions: [TransitionDescription]

    /// Describes `lifecycle`: its states, and each transition with `rules[event]` (by default
    /// any caseworker, needing and recording nothing beyond the step itself).
    public init<L: Lifecycle>(_ lifecycle: L.Type, rules: [L.Event: TransitionRule] = [:]) {
        record = L.recordName
        states = L.State.allCases.map(\.rawValue)
        transitions = L.State.allCases.flatMap { state in
            L.allowedEvents(from: state).map { event in
                TransitionDescription(event: event.rawValue, from: state.rawValue, to: L.target(of: event, from: state)!.rawValue,
                                      rule: rules[event] ?? TransitionRule())
            }
        }
    }

    /// Describes a machine declared as data (a flow's states and steps).
    public init(record: String, states: [String], transitions: [TransitionDescription]) {
        self.record = record
        self.states = states
        self.transitions = transitions
    }
}

/// One transition of a state machine.
public struct TransitionDescription: Hashable, Sendable {
    /// The event, e.g. `answer`.
    public let event: String
    /// The state it leaves, and the one it reaches.
    public let from: String
    public let to: String
    /// Who may make it, what it needs and what it records.
    public let rule: TransitionRule

    /// Describes a transition.
    public init(event: String, from: String, to: String, rule: TransitionRule) {
        self.event = event
        self.from = from
        self.to = to
        self.rule = rule
    }
}

/// Who may make a transition, what it needs and what it records.
public struct TransitionRule: Hashable, Sendable {
    /// The roles that may make it.
    public let by: [ProcessRole]
    /// The fields that must be given (a reason, a date, a response).
    public let needs: [String]
    /// The fields it records on the record.
    public let records: [String]

    /// Declares a rule.
    public init(by: [ProcessRole] = [.caseworker], needs: [String] = [], records: [String] = []) {
        self.by = by
        self.needs = needs
        self.records = records
    }
}
