/// A process run as a flow of steps over one case record (issue 15): its stages as states, its
/// steps with the states they are allowed from and the state they lead to, its clocks started and
/// stopped by steps, its checklists and its item lists. The seeds' councils' processes —
/// organisational safeguarding and Provider Concerns — are each one of these and nothing else:
/// the node stores every flow in the same tables and takes every step through the same rules
/// (`FlowRules`), so a process's stages and steps are configuration.
public struct FlowDefinition: Sendable {
    /// The process's id, e.g. `osg`.
    public let id: String
    /// Its name for people.
    public let title: String
    /// Where its rules come from.
    public let source: String
    /// How its cases are numbered.
    public let reference: ReferenceFormat
    /// What its cases are about, for people: "provider", "service".
    public let subjectLabel: String
    /// Its states in order; the first is where a new case starts.
    public let states: [FlowState]
    /// Its steps: the first opens a case.
    public let steps: [FlowStep]
    /// Its clocks: each starts at a step and stops at others (`ClockDefinition.starts`/`stops`).
    public let clocks: [ClockDefinition]
    /// Its checklists: items ticked over one or more steps, complete when every item is.
    public let checklists: [FlowChecklist]
    /// Its lists of items (an improvement plan), each with its own fields and status.
    public let itemLists: [FlowItemList]
    /// Its shareable documents.
    public let documents: [DocumentSchema]
    /// The steps its notices' recipients take, by reply.
    public let replies: [FlowReply]

    /// Declares a flow; an inconsistent one (a step from or to an unknown state, a clock on an
    /// unknown step, no opening step) is a programming error.
    public init(id: String, title: String, source: String, reference: ReferenceFormat, subjectLabel: String, states: [FlowState],
                steps: [FlowStep], clocks: [ClockDefinition], checklists: [FlowChecklist] = [], itemLists: [FlowItemList] = [],
                documents: [DocumentSchema] = [], replies: [FlowReply] = []) {
        let names = Set(states.map(\.value))
        let events = Set(steps.map(\.id) + checklists.map(\.completeEvent))
        precondition(steps.first?.definition.opensCase == true && steps.dropFirst().allSatisfy { !$0.definition.opensCase },
                     "\(id): the first step, and only it, opens a case")
        for step in steps {
            if case .states(let from) = step.from { precondition(Set(from).isSubset(of: names), "\(id).\(step.id): unknown state") }
            precondition(step.to.map(names.contains) ?? true, "\(id).\(step.id): unknown target state")
        }
        for clock in clocks { precondition(events.contains(clock.starts) && Set(clock.stops).isSubset(of: events), "\(clock.id): unknown step") }
        for reply in replies {
            precondition(documents.contains { $0.type == reply.notice } && steps.dropFirst().contains { $0.id == reply.step }, "\(id): reply \(reply.step)")
        }
        self.id = id
        self.title = title
        self.source = source
        self.reference = reference
        self.subjectLabel = subjectLabel
        self.states = states
        self.steps = steps
        self.clocks = clocks
        self.checklists = checklists
        self.itemLists = itemLists
        self.documents = documents
        self.replies = replies
    }

    /// Its settings on a node: each embargo's publication lag, with its default.
    public var settings: [(name: String, defaultValue: ClockSpan)] {
        var seen = Set<String>()
        return steps.flatMap(\.effects).compactMap { effect -> (String, ClockSpan)? in
            guard case .writesNotice(let spec) = effect, let lag = spec.embargo?.lag, seen.insert(lag.setting).inserted else { return nil }
            return (lag.setting, lag.defaultValue)
        }
    }

    /// The reply that takes step `step` in answer to a notice of `type`, if the flow declares one.
    public func reply(to type: DocumentType, step: String) -> FlowReply? {
        replies.first { $0.notice == type && $0.step == step }
    }

    /// The state a new case starts in.
    public var initialState: FlowState { states[0] }

    /// The step that opens a case.
    public var openingStep: FlowStep { steps[0] }

    /// The state named `value`, if any.
    public func state(_ value: String) -> FlowState? { states.first { $0.value == value } }

    /// The step named `id`, if any.
    public func step(_ id: String) -> FlowStep? { steps.first { $0.id == id } }

    /// The flow as the registry describes every process: a case record with its steps' fields,
    /// one state machine, its clocks and its documents.
    public var process: ProcessDefinition {
        var seen = Set<String>()
        let fields = steps.flatMap(\.definition.fields).filter { seen.insert($0.name).inserted }.map { field in
            RecordField(field.name, field.kind.recordKind, required: false, personal: false)
        }
        return ProcessDefinition(id: id, title: title, source: source, reference: reference,
                                 records: [RecordDefinition("case", fields)] + itemLists.map { RecordDefinition($0.id, $0.fields.map {
                                     RecordField($0.name, $0.kind.recordKind, required: $0.isRequired)
                                 }) },
                                 machines: [machine], clocks: clocks + itemClocks, documents: documents)
    }

    /// Its states and every transition, for the registry: each step from each state it is
    /// allowed in, and each checklist's completion where its step is.
    public var machine: StateMachineDescription {
        let transitions = steps.dropFirst().flatMap { step in
            states.filter { step.isAllowed(from: $0) }.map { state in
                TransitionDescription(event: step.id, from: state.value, to: step.to ?? state.value,
                                      rule: TransitionRule(needs: step.definition.fields.filter(\.isRequired).map(\.name)))
            }
        } + checklists.flatMap { checklist in
            states.filter { state in step(checklist.step)?.isAllowed(from: state) == true }.map { state in
                TransitionDescription(event: checklist.completeEvent, from: state.value, to: state.value, rule: TransitionRule(records: checklist.items))
            }
        }
        return StateMachineDescription(record: "case", states: states.map(\.value), transitions: transitions)
    }
}

/// A state of a flow: its value as stored, its words, the stage of the seed it belongs to (for
/// reports: time in each stage), and whether a case there is finished.
public struct FlowState: Hashable, Sendable {
    public let value: String
    public let label: String
    /// The seed's stage or step, e.g. "Stage 2: fact finding".
    public let stage: String
    public let isClosed: Bool

    /// Declares a state.
    public init(_ value: String, _ label: String, stage: String, closed: Bool = false) {
        self.value = value
        self.label = label
        self.stage = stage
        self.isClosed = closed
    }
}

/// A checklist: items (flag fields of `step`) ticked over one or more takings of it; once every
/// item is ticked the flow records `completeEvent`, which can stop a clock.
public struct FlowChecklist: Hashable, Sendable {
    /// The step whose flags tick it.
    public let step: String
    /// Its items, as the step's flag field names.
    public let items: [String]
    /// The event recorded when the last item is ticked.
    public let completeEvent: String

    /// Declares a checklist.
    public init(step: String, items: [String], completeEvent: String) {
        self.step = step
        self.items = items
        self.completeEvent = completeEvent
    }
}

/// A list of items on a case (an improvement plan's areas): added by one step, updated by
/// another naming the item by number, each with a status.
public struct FlowItemList: Hashable, Sendable {
    /// Its id, e.g. `improvement-plan`.
    public let id: String
    /// Its name for people.
    public let title: String
    /// The fields of an item; `due` (a date), when present, is the item's timescale.
    public let fields: [StepField]
    /// The statuses an item can have; the first is a new item's.
    public let statuses: [StepChoice]
    /// The statuses that finish an item.
    public let finished: Set<String>

    /// Declares a list.
    public init(id: String, title: String, fields: [StepField], statuses: [StepChoice], finished: Set<String>) {
        self.id = id
        self.title = title
        self.fields = fields
        self.statuses = statuses
        self.finished = finished
    }
}

extension StepField.Kind {
    /// The registry's kind of the field.
    var recordKind: RecordField.Kind {
        switch self {
        case .text, .longText: .text
        case .date: .date
        case .flag: .flag
        case .organisation: .organisation
        case .choice(let choices): .choice(choices.map(\.value))
        }
    }
}

extension FlowDefinition {
    /// The clock on each unfinished item's timescale (its `due` answer) of each list, for the
    /// worklist: started by the step that adds an item, stopped by the one that updates it.
    public var itemClocks: [ClockDefinition] {
        itemLists.map { list in
            let adds = steps.first { $0.effects.contains(.addsItem(list: list.id)) }?.id ?? "add-item"
            let updates = steps.filter { $0.effects.contains(.updatesItem(list: list.id)) }.map(\.id)
            return ClockDefinition(id: "\(id).\(list.id)-item", process: id, what: "\(list.title.lowercased()) area", starts: adds, stops: updates,
                                   warning: .before(ClockSpan(5, .workingDays)!), breach: .recordedDueDate)
        }
    }
}
