/// A flow process's report for a period (issue 15, item 6): cases opened and closed, cases
/// open at the period's end by stage, each clock's deadlines met and missed, and the time
/// cases spent in each stage. Counts and days only: no references, no providers, no names.
public struct FlowReport: Hashable, Codable, Sendable {
    /// The process and the period, and the day the report was made as of.
    public let process: String
    public let from: LocalDate
    public let to: LocalDate
    public let asOf: LocalDate
    /// Cases opened in the period, and closed in it.
    public let opened: Int
    public let closed: Int
    /// Each stage in order: the cases in it at the period's end (or as of today, for a period
    /// still running), and the time completed stays in it took.
    public let stages: [StageFigures]
    /// Cases closed in the period, by the state they closed in.
    public let closedBy: [String: Int]
    /// Each clock: of its runs started in the period, those met, missed (stopped late or still
    /// running past their due day) and still running in time.
    public let clocks: [ClockFigures]

    /// One stage's figures.
    public struct StageFigures: Hashable, Codable, Sendable {
        public let stage: String
        /// Cases in the stage at the period's end.
        public let open: Int
        /// Stays in the stage that ended in the period, and their median and longest calendar days.
        public let completedStays: Int
        public let medianDays: Int?
        public let longestDays: Int?
    }

    /// One clock's figures.
    public struct ClockFigures: Hashable, Codable, Sendable {
        public let clock: String
        public let what: String
        public let met: Int
        public let missed: Int
        public let running: Int
    }

    /// The report of `flow` for `from`…`to` as of `asOf`, from every case and its history.
    public init(_ flow: FlowDefinition, from: LocalDate, to: LocalDate, asOf: LocalDate, cases: [(FlowCase, [FlowEvent])],
                calendar: WorkingCalendar, nation: Nation) {
        let end = min(to, asOf)
        func within(_ day: LocalDate?) -> Bool { day.map { from <= $0 && $0 <= to } ?? false }
        process = flow.id
        self.from = from
        self.to = to
        self.asOf = asOf
        opened = cases.filter { within($0.0.openedOn) }.count
        let closedCases = cases.filter { within($0.0.closedOn) }
        closed = closedCases.count
        closedBy = Dictionary(grouping: closedCases, by: \.0.state).mapValues(\.count)
        var stageOrder: [String] = []
        for state in flow.states where !state.isClosed && !stageOrder.contains(state.stage) { stageOrder.append(state.stage) }
        // Each case's state at the end, and its stays: (stage, first day, last day or nil).
        var openAtEnd: [String: Int] = [:]
        var stays: [String: [Int]] = [:]
        for (flowCase, history) in cases where flowCase.openedOn <= end {
            var current = flow.initialState
            var since = flowCase.openedOn
            for event in history.dropFirst() where event.on <= end {
                guard let next = flow.state(event.to), next.stage != current.stage else {
                    current = flow.state(event.to) ?? current
                    continue
                }
                if within(event.on) { stays[current.stage, default: []].append(event.on.dayNumber - since.dayNumber) }
                current = next
                since = event.on
            }
            if !current.isClosed { openAtEnd[current.stage, default: 0] += 1 }
        }
        stages = stageOrder.map { stage in
            let days = (stays[stage] ?? []).sorted()
            return StageFigures(stage: stage, open: openAtEnd[stage] ?? 0, completedStays: days.count,
                                medianDays: days.isEmpty ? nil : days[(days.count - 1) / 2], longestDays: days.last)
        }
        let runs = cases.flatMap { FlowRules.clockRuns(flow, history: $0.1, calendar: calendar, nation: nation) }.filter { within($0.startedOn) }
        clocks = flow.clocks.map { clock in
            let these = runs.filter { $0.clock.id == clock.id }
            return ClockFigures(clock: clock.id, what: clock.what, met: these.filter(\.isMet).count,
                                missed: these.filter { $0.isMissed(asOf: end) }.count,
                                running: these.filter { $0.stoppedOn == nil && !$0.isMissed(asOf: end) }.count)
        }
    }
}
