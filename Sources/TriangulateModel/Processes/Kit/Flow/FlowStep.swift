/// A step of a flow: the form it asks (always with the day it happened, `on`), the states it is
/// allowed from, the state it leads to, and what else it records — a meeting held, an item of a
/// list added or updated, a notice to share.
public struct FlowStep: Hashable, Sendable {
    /// Where a step may be taken.
    public enum From: Hashable, Sendable {
        /// Only from these states.
        case states([String])
        /// From any state that is not closed: immediate action is never held back by a step.
        case anyOpen
    }

    /// What a step records besides the case's history.
    public enum Effect: Hashable, Sendable {
        /// A meeting of this kind, on the step's day, chaired by its `chair` answer.
        case holdsMeeting(kind: String)
        /// A new item of this list, from the step's answers of the list's fields.
        case addsItem(list: String)
        /// A new status (and evidence) for the item its `item` answer numbers.
        case updatesItem(list: String)
        /// A notice to share, its text from one of the step's answers.
        case writesNotice(FlowNoticeSpec)
    }

    /// The form: its id is the step's.
    public let definition: StepDefinition
    /// Where it may be taken from.
    public let from: From
    /// The state it leads to; nil to stay.
    public let to: String?
    /// What else it records.
    public let effects: [Effect]
    /// Whether it may be taken only once on a case.
    public let once: Bool
    /// Other steps that, taken, also use up a once-only step (informing the provider, or
    /// recording why not).
    public let onceWith: [String]
    /// Whether it is refused before the release day of every notice of the case (publishing a
    /// decision that was shared under embargo).
    public let waitsForRelease: Bool

    /// Declares a step; `on` labels the date it happened, a field every step has.
    public init(_ id: String, _ title: String, from: From, to: String? = nil, on: String, effects: [Effect] = [], once: Bool = false,
                onceWith: [String] = [], waitsForRelease: Bool = false, permission: StaffPermission = .record, fields: [StepField] = []) {
        self.init(id, title, opensCase: false, from: from, to: to, on: on, effects: effects, once: once, onceWith: onceWith,
                  waitsForRelease: waitsForRelease, permission: permission, fields: fields)
    }

    /// Declares the step that opens a case, in the flow's first state; it may write a notice.
    public static func opening(_ id: String, _ title: String, on: String, effects: [Effect] = [], fields: [StepField]) -> FlowStep {
        FlowStep(id, title, opensCase: true, from: .states([]), to: nil, on: on, effects: effects, once: true, onceWith: [], waitsForRelease: false,
                 permission: .record, fields: fields)
    }

    private init(_ id: String, _ title: String, opensCase: Bool, from: From, to: String?, on: String, effects: [Effect], once: Bool,
                 onceWith: [String], waitsForRelease: Bool, permission: StaffPermission, fields: [StepField]) {
        let day = StepField("on", on, .date, required: true)
        definition = StepDefinition(id, title, opensCase: opensCase, permission: permission, fields: fields + [day])
        self.from = from
        self.to = to
        self.effects = effects
        self.once = once
        self.onceWith = onceWith
        self.waitsForRelease = waitsForRelease
    }

    /// Its id.
    public var id: String { definition.id }

    /// Whether it may be taken from `state` (before any rule about how often).
    public func isAllowed(from state: FlowState) -> Bool {
        switch from {
        case .states(let values): values.contains(state.value)
        case .anyOpen: !state.isClosed
        }
    }

}

/// A notice a step writes: its document type, the answer its text comes from, and the suffix its
/// reference takes after the case's (`OSG-2026-0001/NOTICE`); for a notice under embargo, how
/// its release day is set.
public struct FlowNoticeSpec: Hashable, Sendable {
    public let type: DocumentType
    public let field: String
    public let suffix: String
    public let embargo: Embargo?

    /// An embargo: the release day is the step's `field` answer when given, else the step's day
    /// plus the process's setting `lag` when it has one (its default until a node sets it); with
    /// neither, the notice is not under embargo.
    public struct Embargo: Hashable, Sendable {
        public let field: String
        public let lag: (setting: String, defaultValue: ClockSpan)?

        /// Declares an embargo.
        public init(field: String, lag: (setting: String, defaultValue: ClockSpan)? = nil) {
            self.field = field
            self.lag = lag
        }

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.field == rhs.field && lhs.lag?.setting == rhs.lag?.setting && lhs.lag?.defaultValue == rhs.lag?.defaultValue
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(field)
            hasher.combine(lag?.setting)
            hasher.combine(lag?.defaultValue)
        }
    }

    /// Declares a notice.
    public init(_ type: DocumentType, field: String, suffix: String, embargo: Embargo? = nil) {
        self.type = type
        self.field = field
        self.suffix = suffix
        self.embargo = embargo
    }
}
