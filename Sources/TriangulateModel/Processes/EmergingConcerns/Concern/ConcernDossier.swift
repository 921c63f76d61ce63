/// Everything this node holds about one concern: the concern and every record of every step
/// of the protocol taken on it.
public struct ConcernDossier: Hashable, Codable, Sendable {
    /// The concern.
    public var concern: Concern
    /// Safeguarding flags raised on it, oldest first. Shown on every view.
    public var safeguardingFlags: [SafeguardingFlag]
    /// Its evaluations, oldest first.
    public var evaluations: [Evaluation]
    /// Partners contacted about it.
    public var contacts: [PartnerContact]
    /// Information requests about it, both ways.
    public var requests: [InformationRequest]
    /// Decisions to call or not call a panel.
    public var panelDecisions: [PanelDecision]
    /// Panels that reviewed it.
    public var panels: [Panel]
    /// Actions agreed.
    public var actions: [Action]
    /// Its outcome, once recorded.
    public var outcome: Outcome?
    /// Its learning review, once held.
    public var review: LearningReview?

    /// Makes a dossier.
    public init(concern: Concern, safeguardingFlags: [SafeguardingFlag] = [], evaluations: [Evaluation] = [],
                contacts: [PartnerContact] = [], requests: [InformationRequest] = [],
                panelDecisions: [PanelDecision] = [], panels: [Panel] = [], actions: [Action] = [],
                outcome: Outcome? = nil, review: LearningReview? = nil) {
        self.concern = concern
        self.safeguardingFlags = safeguardingFlags
        self.evaluations = evaluations
        self.contacts = contacts
        self.requests = requests
        self.panelDecisions = panelDecisions
        self.panels = panels
        self.actions = actions
        self.outcome = outcome
        self.review = review
    }

    /// Whether a safeguarding flag has been raised.
    public var isSafeguardingFlagged: Bool { !safeguardingFlags.isEmpty }

    /// The evaluation that decided to trigger the protocol, if one did.
    public var triggeringEvaluation: Evaluation? { evaluations.first { $0.decision == .trigger } }

    /// The latest decided evaluation.
    public var latestDecision: Evaluation? { evaluations.last { $0.decision != .pending } }
}
