/// The Forum secretariat's report for a Forum meeting, across every signatory that sent its
/// records: uses of the protocol, panel decisions, panels held, outcomes (no further action
/// included) and actions, by quarter, by category and by signatory. Anonymised: counts only,
/// never a concern's reference, subject or text. A use counts in the period its concern was
/// identified in.
public struct ForumReport: Hashable, Codable, Sendable {
    /// What is counted for one group of records.
    public struct Counts: Hashable, Codable, Sendable {
        /// Uses of the protocol (records received).
        public var uses = 0
        /// Decisions to call a panel, and not to.
        public var panelsCalled = 0
        public var panelsNotCalled = 0
        /// Panels that met.
        public var panelsHeld = 0
        /// Outcomes by type (`no-further-action`…), and uses still without one.
        public var outcomes: [String: Int] = [:]
        public var awaitingOutcome = 0
        /// Actions agreed, and how many are in each state (`done`…).
        public var actions = 0
        public var actionStates: [String: Int] = [:]

        /// Makes empty counts.
        public init() {}

        /// Counts `record` in.
        public mutating func add(_ record: ForumRecord) {
            uses += 1
            switch record.panelCalled {
            case true?: panelsCalled += 1
            case false?: panelsNotCalled += 1
            case nil: break
            }
            panelsHeld += record.panelsHeld
            if let outcome = record.outcome { outcomes[outcome.rawValue, default: 0] += 1 } else { awaitingOutcome += 1 }
            for (state, count) in record.actions {
                actions += count
                actionStates[state.rawValue, default: 0] += count
            }
        }
    }

    /// One group: its key (a quarter `2026-Q3`, a category, a signatory's code) and its counts.
    public struct Group: Hashable, Codable, Sendable {
        public let key: String
        public let counts: Counts
    }

    /// The days covered.
    public let period: ReportPeriod
    /// Every record in the period.
    public let total: Counts
    /// By the quarter the concern was identified in, in order.
    public let byQuarter: [Group]
    /// By the concern's category, in the protocol's order.
    public let byCategory: [Group]
    /// By the signatory that used the protocol, by code.
    public let bySignatory: [Group]

    /// The report over `records` whose concern was identified in `period`.
    public init(_ records: [ForumRecord], period: ReportPeriod) {
        let included = records.filter { period.contains($0.identifiedOn) }
        func groups(_ key: (ForumRecord) -> String, order: (String, String) -> Bool) -> [Group] {
            Dictionary(grouping: included, by: key)
                .map { key, records in Group(key: key, counts: records.reduce(into: Counts()) { $0.add($1) }) }
                .sorted { order($0.key, $1.key) }
        }
        let categories = ConcernCategory.allCases.map(\.rawValue)
        self.period = period
        total = included.reduce(into: Counts()) { $0.add($1) }
        byQuarter = groups({ Quarter(containing: $0.identifiedOn).description }, order: <)
        byCategory = groups({ $0.category.rawValue }, order: { categories.firstIndex(of: $0)! < categories.firstIndex(of: $1)! })
        bySignatory = groups({ $0.convenedBy.rawValue }, order: <)
    }
}
