import TriangulateModel

/// A flow case with everything about it: where it is, what was done, its clocks, checklists,
/// lists, meetings and notices, and what may be done next.
public struct FlowCaseDossier: Hashable, Codable, Sendable {
    /// The case.
    public let flowCase: FlowCase
    /// Its process's name, its state in words and the seed's stage it is at.
    public let processTitle: String
    public let stateLabel: String
    public let stage: String
    /// Every step taken, in order.
    public let history: [FlowEvent]
    /// Its clocks still running, with their due days.
    public let openClocks: [ClockStatus]
    /// Each checklist's items done and still to do.
    public let checklists: [ChecklistStatus]
    /// The items of its lists.
    public let items: [FlowItem]
    /// Its meetings, by reference, and its notices.
    public let meetings: [String]
    public let notices: [Notice]
    /// The replies partners sent to its notices.
    public let replies: [Reply]
    /// The steps allowed now: id and title.
    public let allowedNext: [AllowedStep]

    /// A clock running on the case.
    public struct ClockStatus: Hashable, Codable, Sendable {
        public let clock: String
        public let what: String
        public let startedOn: LocalDate
        public let due: LocalDate
        /// The unit its breach point counts in, e.g. "working days".
        public let unit: String
    }

    /// A checklist's progress.
    public struct ChecklistStatus: Hashable, Codable, Sendable {
        public let step: String
        public let done: [String]
        public let missing: [String]
    }

    /// A notice to share, with its release day when it is under embargo.
    public struct Notice: Hashable, Codable, Sendable {
        public let reference: String
        public let releaseOn: LocalDate?
    }

    /// A reply a partner sent to one of its notices: the notice, the step it names, who sent it
    /// and what became of it here ("taken: …" or "not taken: why").
    public struct Reply: Hashable, Codable, Sendable {
        public let notice: String
        public let step: String
        public let from: String
        public let outcome: String
    }

    /// A step allowed now.
    public struct AllowedStep: Hashable, Codable, Sendable {
        public let id: String
        public let title: String
    }
}
