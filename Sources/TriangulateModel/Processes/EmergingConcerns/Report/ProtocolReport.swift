/// The five measures each organisation "should be able to report on" (ECP §6), with the
/// minimum-data check for each concern. Built purely from the node's records: the same
/// records always give the same report.
public struct ProtocolReport: Hashable, Codable, Sendable {
    /// The organisation reporting.
    public var organisation: OrganisationCode
    /// The days covered.
    public var period: ReportPeriod
    /// The day overdue actions and requests are counted on.
    public var asOf: LocalDate
    /// 1. Times this organisation initiated the protocol, and decided not to.
    public var initiated: Initiated
    /// 2. Anonymised information about information shared: counts only, never a subject.
    public var informationShared: [ExchangeCount]
    /// 3. Panels this organisation convened.
    public var panelsConvened: Int
    /// 4. Panels people from this organisation attended.
    public var panelsAttended: Int
    /// 5. Actions as a result of the protocol, and the outcomes recorded.
    public var actions: ActionCounts
    /// The minimum-data check for every concern identified in the period.
    public var completeness: [CompletenessCheck]

    /// Times the protocol was initiated, by decision date.
    public struct Initiated: Hashable, Codable, Sendable {
        /// Decisions to trigger the protocol.
        public var triggered: Int
        /// Decisions not to trigger it (recorded, as the protocol requires).
        public var notTriggered: Int
        /// Decisions to trigger, by category.
        public var triggeredByCategory: [ConcernCategory: Int]
    }

    /// How many exchanges of information fell in one cell of the anonymised table.
    public struct ExchangeCount: Hashable, Codable, Sendable, Comparable {
        /// The month, `YYYY-MM`.
        public var month: String
        /// Sent or received.
        public var direction: Exchange.Direction
        /// The other organisation.
        public var counterpart: OrganisationCode
        /// The concern's category.
        public var category: ConcernCategory
        /// How much the exchange revealed about people.
        public var payloadClass: PayloadClass
        /// How many exchanges.
        public var count: Int

        /// Makes a cell.
        public init(month: String, direction: Exchange.Direction, counterpart: OrganisationCode,
                    category: ConcernCategory, payloadClass: PayloadClass, count: Int) {
            self.month = month
            self.direction = direction
            self.counterpart = counterpart
            self.category = category
            self.payloadClass = payloadClass
            self.count = count
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.month, lhs.direction.rawValue, lhs.counterpart.rawValue, lhs.category.rawValue, lhs.payloadClass.rawValue)
                < (rhs.month, rhs.direction.rawValue, rhs.counterpart.rawValue, rhs.category.rawValue, rhs.payloadClass.rawValue)
        }
    }

    /// Actions and outcomes.
    public struct ActionCounts: Hashable, Codable, Sendable {
        /// Actions agreed in the period.
        public var agreed: Int
        /// Actions taken (done) in the period.
        public var taken: Int
        /// Actions recorded as not done in the period.
        public var notDone: Int
        /// Actions open and past their due date on the as-of day.
        public var overdue: Int
        /// Outcomes decided in the period, by type (no further action included).
        public var outcomes: [OutcomeType: Int]
    }
}

extension ProtocolReport {
    /// Builds the report for `organisation` over `period`, counting overdue items on `asOf`.
    public init(organisation: OrganisationCode, period: ReportPeriod, asOf: LocalDate,
                dossiers: [ConcernDossier], externalPanels: [Panel]) {
        self.organisation = organisation
        self.period = period
        self.asOf = asOf

        var initiated = Initiated(triggered: 0, notTriggered: 0, triggeredByCategory: [:])
        for dossier in dossiers {
            for evaluation in dossier.evaluations where period.contains(evaluation.evaluatedOn) {
                switch evaluation.decision {
                case .trigger:
                    initiated.triggered += 1
                    initiated.triggeredByCategory[dossier.concern.category, default: 0] += 1
                case .notTrigger: initiated.notTriggered += 1
                case .pending: break
                }
            }
        }
        self.initiated = initiated

        var cells: [ExchangeCount: Int] = [:]
        for exchange in dossiers.flatMap(Exchange.all(in:)) where period.contains(exchange.on) {
            let key = ExchangeCount(month: exchange.on.monthKey, direction: exchange.direction,
                                    counterpart: exchange.counterpart, category: exchange.category,
                                    payloadClass: exchange.payloadClass, count: 0)
            cells[key, default: 0] += 1
        }
        self.informationShared = cells.map { key, count in
            var cell = key
            cell.count = count
            return cell
        }.sorted()

        let ownPanels = dossiers.flatMap(\.panels)
        self.panelsConvened = ownPanels.filter { panel in
            panel.convenedBy == organisation && panel.state != .proposed && panel.state != .cancelled
                && panel.meetsOn.map(period.contains) == true
        }.count
        self.panelsAttended = (ownPanels + externalPanels).filter { panel in
            panel.state.hasMet && panel.attendingOrganisations.contains(organisation)
                && panel.meetsOn.map(period.contains) == true
        }.count

        let actions = dossiers.flatMap(\.actions)
        var outcomes: [OutcomeType: Int] = [:]
        for outcome in dossiers.compactMap(\.outcome) where period.contains(outcome.decidedOn) {
            outcomes[outcome.type, default: 0] += 1
        }
        self.actions = ActionCounts(
            agreed: actions.filter { period.contains($0.agreedOn) }.count,
            taken: actions.filter { $0.state == .done && $0.completedOn.map(period.contains) == true }.count,
            notDone: actions.filter { $0.state == .notDone && $0.completedOn.map(period.contains) == true }.count,
            overdue: actions.filter { $0.agreedOn <= asOf && $0.isOverdue(on: asOf) }.count,
            outcomes: outcomes
        )

        self.completeness = dossiers
            .filter { period.contains($0.concern.identifiedOn) }
            .sorted { $0.concern.reference < $1.concern.reference }
            .map(CompletenessCheck.init)
    }
}
