/// One use of the protocol as the Forum secretariat receives it (a `forum-record` document):
/// dates, the convening organisation, the decision to call a panel or not, the outcome and the
/// actions' count and status. Nothing personal and nothing of the concern's text.
public struct ForumRecord: Hashable, Sendable {
    /// The organisation that used the protocol (and convened any panel).
    public var convenedBy: OrganisationCode
    /// The concern's category.
    public var category: ConcernCategory
    /// The day the concern was identified.
    public var identifiedOn: LocalDate
    /// Whether a panel was called, when decided.
    public var panelCalled: Bool?
    /// The day of the latest panel decision.
    public var panelDecidedOn: LocalDate?
    /// How many panels met.
    public var panelsHeld: Int
    /// The outcome, once recorded; "no further action" is an outcome.
    public var outcome: OutcomeType?
    /// The day of the outcome.
    public var outcomeOn: LocalDate?
    /// How many actions there are in each state.
    public var actions: [ActionLifecycle.State: Int]

    /// Makes a record.
    public init(convenedBy: OrganisationCode, category: ConcernCategory, identifiedOn: LocalDate, panelCalled: Bool? = nil,
                panelDecidedOn: LocalDate? = nil, panelsHeld: Int = 0, outcome: OutcomeType? = nil, outcomeOn: LocalDate? = nil,
                actions: [ActionLifecycle.State: Int] = [:]) {
        self.convenedBy = convenedBy
        self.category = category
        self.identifiedOn = identifiedOn
        self.panelCalled = panelCalled
        self.panelDecidedOn = panelDecidedOn
        self.panelsHeld = panelsHeld
        self.outcome = outcome
        self.outcomeOn = outcomeOn
        self.actions = actions
    }

    /// The words `panelDecision` holds.
    public static let called = "called", notCalled = "not called"

    /// The element of `actionStates` for `count` actions in `state`, e.g. `done:2`.
    public static func actionElement(_ state: ActionLifecycle.State, _ count: Int) -> String { "\(state.rawValue):\(count)" }

    /// Reads a received `forum-record` document's registers and sets; nil when a value the
    /// secretariat counts by (organisation, category, day) is missing or not one it knows.
    public init?(registers: [String: String], sets: [String: [String]]) {
        guard let org = registers["convenedBy"].flatMap({ try? OrganisationCode(parsing: $0) }),
              let category = registers["category"].flatMap(ConcernCategory.init(rawValue:)),
              let identified = registers["identifiedOn"].flatMap({ try? LocalDate(parsing: $0) }) else { return nil }
        var actions: [ActionLifecycle.State: Int] = [:]
        for element in sets["actionStates"] ?? [] {
            let parts = element.split(separator: ":")
            guard parts.count == 2, let state = ActionLifecycle.State(rawValue: String(parts[0])), let count = Int(parts[1]), count > 0 else { continue }
            actions[state, default: 0] += count
        }
        self.init(convenedBy: org, category: category, identifiedOn: identified,
                  panelCalled: registers["panelDecision"].flatMap { $0 == Self.called ? true : $0 == Self.notCalled ? false : nil },
                  panelDecidedOn: registers["panelDecidedOn"].flatMap { try? LocalDate(parsing: $0) },
                  panelsHeld: registers["panelsHeld"].flatMap { Int($0) } ?? 0,
                  outcome: registers["outcome"].flatMap(OutcomeType.init(rawValue:)),
                  outcomeOn: registers["outcomeOn"].flatMap { try? LocalDate(parsing: $0) }, actions: actions)
    }
}
