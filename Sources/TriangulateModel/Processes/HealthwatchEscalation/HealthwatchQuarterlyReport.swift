/// The quarterly summary of a local Healthwatch's escalations for the Healthwatch Patient
/// Safety Network (seed 004: "general findings… for understanding and learning"): counts and
/// response times only — no references, no organisations, no names (DOMAIN.md R38).
public struct HealthwatchQuarterlyReport: Hashable, Codable, Sendable {
    /// The quarter, and its first and last days.
    public let quarter: String
    public let from: LocalDate
    public let to: LocalDate
    /// Escalations identified in the quarter, closed in it, and still open at its end.
    public let opened: Int
    public let closed: Int
    public let openAtEnd: Int
    /// Escalations identified in the quarter, by concern type.
    public let byConcernType: [String: Int]
    /// Of the escalations open at some time in the quarter, how many had reached each stage by
    /// its end (the highest stage raised; `none` before any).
    public let highestStageReached: [String: Int]
    /// Each stage's figures for the quarter.
    public let stages: [StageFigures]
    /// Escalations raised with CQC in the quarter, and how many copied the regional manager in.
    public let escalatedToCQC: Int
    public let regionalManagerCopied: Int
    /// Escalations closed in the quarter, by outcome.
    public let outcomes: [String: Int]

    /// One stage's figures for the quarter.
    public struct StageFigures: Hashable, Codable, Sendable {
        /// The stage.
        public let stage: String
        /// Raised, and skipped, in the quarter.
        public let raised: Int
        public let skipped: Int
        /// Responses recorded in the quarter, and records that none came.
        public let responded: Int
        public let noResponse: Int
        /// Days to respond (less time on hold) of the responses recorded in the quarter.
        public let medianResponseDays: Int?
        public let longestResponseDays: Int?
        /// Responses that came after the breach point, plus stages still waiting past it at the
        /// quarter's end (or today, for the quarter in progress).
        public let breached: Int
        /// Responses the Healthwatch found satisfactory.
        public let satisfactory: Int
    }

    /// The report for `quarter` as it stands on `asOf`, from every escalation and its stages, with
    /// each stage's clock setting, counting working days (when a setting uses them) in `nation`.
    public init(quarter: Quarter, asOf: LocalDate, cases: [EscalationCase], stages: [EscalationStageRecord], settings: [ResponseClockSetting],
                calendar: WorkingCalendar, nation: Nation) {
        let from = quarter.first, to = quarter.last
        let cutoff = min(to, asOf)
        func within(_ day: LocalDate?) -> Bool { day.map { from <= $0 && $0 <= to } ?? false }
        self.quarter = quarter.description
        self.from = from
        self.to = to
        opened = cases.filter { within($0.identifiedOn) }.count
        closed = cases.filter { within($0.closedOn) }.count
        openAtEnd = cases.filter { $0.identifiedOn <= to && ($0.closedOn.map { $0 > to } ?? true) }.count
        byConcernType = Dictionary(grouping: cases.filter { within($0.identifiedOn) }, by: \.concernType.rawValue).mapValues(\.count)
        let active = cases.filter { $0.identifiedOn <= to && ($0.closedOn.map { $0 >= from } ?? true) }
        let byCase = Dictionary(grouping: stages, by: \.caseId)
        var reached: [String: Int] = [:]
        for escalation in active {
            let raised = (byCase[escalation.id] ?? []).filter { $0.state != .skipped && ($0.raisedOn.map { $0 <= to } ?? false) }
            reached[raised.map(\.stage).max()?.rawValue ?? "none", default: 0] += 1
        }
        highestStageReached = reached
        let setting = Dictionary(uniqueKeysWithValues: settings.map { ($0.stage, $0) })
        self.stages = EscalationStage.allCases.map { stage in
            let these = stages.filter { $0.stage == stage }
            let clock = (setting[stage] ?? .standard(stage)).clock
            let answered = these.filter { $0.state == .responded && within($0.respondedOn) }
            let days = answered.filter { $0.responseReceived == true }.compactMap(\.responseDays).sorted()
            let breached = these.filter { record in
                guard let raisedOn = record.raisedOn, record.state != .skipped,
                      let due = clock.due(startedOn: raisedOn, pausedDays: record.pausedDays, calendar: calendar, nation: nation) else { return false }
                if record.state == .responded { return within(record.respondedOn) && record.respondedOn! > due }
                return raisedOn <= cutoff && due < cutoff && record.heldSince == nil
            }
            return StageFigures(
                stage: stage.rawValue,
                raised: these.filter { $0.state != .skipped && within($0.raisedOn) }.count,
                skipped: these.filter { $0.state == .skipped && within($0.skippedOn) }.count,
                responded: answered.filter { $0.responseReceived == true }.count,
                noResponse: answered.filter { $0.responseReceived == false }.count,
                medianResponseDays: days.isEmpty ? nil : days[(days.count - 1) / 2],
                longestResponseDays: days.last,
                breached: breached.count,
                satisfactory: answered.filter { $0.satisfactory == true }.count)
        }
        let toCQC = stages.filter { $0.stage == .cqc && $0.state != .skipped && within($0.raisedOn) }
        escalatedToCQC = toCQC.count
        regionalManagerCopied = toCQC.filter { !($0.copiedTo ?? "").isEmpty }.count
        outcomes = Dictionary(grouping: cases.filter { within($0.closedOn) && $0.outcome != nil }, by: { $0.outcome!.rawValue }).mapValues(\.count)
    }
}
