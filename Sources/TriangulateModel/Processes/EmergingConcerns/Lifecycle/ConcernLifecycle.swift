/// The life of a concern at the organisation that records it (DOMAIN.md §1.3.1).
///
/// ```
/// draft ─▶ underEvaluation ─┬─▶ notTriggered ─▶ closed
///                           └─▶ triggered ─▶ consideringPartners ─┬─▶ notTriggered
///                                                                 └─▶ sharing
/// consideringPartners | sharing ─▶ panelCalled | panelNotCalled ─▶ outcomeRecorded
/// outcomeRecorded ─▶ outcomeShared ─▶ learningReviewed ─▶ closed ─▶ reopened ─▶ underEvaluation
/// ```
/// A safeguarding flag is not a state: it can be raised in any state and never blocks anything.
public enum ConcernLifecycle: Lifecycle {
    /// Where a concern is in the protocol.
    public enum State: String, LifecycleState {
        case draft, underEvaluation, notTriggered, triggered, consideringPartners, sharing
        case panelCalled, panelNotCalled, outcomeRecorded, outcomeShared, learningReviewed
        case closed, reopened

        public var label: String {
            switch self {
            case .draft: "a draft"
            case .underEvaluation: "under evaluation"
            case .notTriggered: "not triggered"
            case .triggered: "triggered"
            case .consideringPartners: "considering partners"
            case .sharing: "sharing with partners"
            case .panelCalled: "awaiting its panel (RRP called)"
            case .panelNotCalled: "without a panel (RRP not called)"
            case .outcomeRecorded: "with its outcome recorded"
            case .outcomeShared: "with its outcome shared"
            case .learningReviewed: "reviewed for learning"
            case .closed: "closed"
            case .reopened: "reopened"
            }
        }
    }

    /// A step of the protocol that moves a concern on.
    public enum Event: String, LifecycleEvent {
        case startEvaluation, trigger, notTrigger, considerPartners, exchangeInformation
        case callPanel, notCallPanel, recordOutcome, shareOutcome, reviewLearning, close, reopen

        public var step: String {
            switch self {
            case .startEvaluation: "start evaluating the concern and its source (concern evaluate)"
            case .trigger: "decide to trigger the protocol (concern evaluate --decision trigger)"
            case .notTrigger: "decide not to trigger the protocol (concern evaluate --decision not-trigger)"
            case .considerPartners: "consider which partners need to know (contact, request add)"
            case .exchangeInformation: "contact a partner or request information (contact, request add)"
            case .callPanel: "decide to call a Regulatory Review Panel (panel decide --call)"
            case .notCallPanel: "decide not to call a Regulatory Review Panel (panel decide --not-call)"
            case .recordOutcome: "record the outcome (outcome record)"
            case .shareOutcome: "share the outcome with partners and the Forum secretariat (outcome share)"
            case .reviewLearning: "review the use of the protocol for learning (review)"
            case .close: "close the concern (concern close)"
            case .reopen: "reopen the concern on new information (concern reopen)"
            }
        }
    }

    public static let recordName = "concern"

    public static let transitions: [State: [Event: State]] = [
        .draft: [.startEvaluation: .underEvaluation],
        .underEvaluation: [.trigger: .triggered, .notTrigger: .notTriggered],
        .triggered: [.considerPartners: .consideringPartners],
        .consideringPartners: [
            .notTrigger: .notTriggered, .exchangeInformation: .sharing,
            .callPanel: .panelCalled, .notCallPanel: .panelNotCalled,
        ],
        .sharing: [.exchangeInformation: .sharing, .callPanel: .panelCalled, .notCallPanel: .panelNotCalled],
        .panelCalled: [.recordOutcome: .outcomeRecorded],
        .panelNotCalled: [.recordOutcome: .outcomeRecorded],
        .outcomeRecorded: [.shareOutcome: .outcomeShared],
        .outcomeShared: [.reviewLearning: .learningReviewed],
        .learningReviewed: [.close: .closed],
        .notTriggered: [.close: .closed],
        .closed: [.reopen: .reopened],
        .reopened: [.startEvaluation: .underEvaluation],
    ]
}

extension ConcernLifecycle.State {
    /// Whether partners may be contacted or asked for information in this state.
    public var allowsPartnerExchange: Bool {
        switch self {
        case .triggered, .consideringPartners, .sharing, .panelCalled, .panelNotCalled, .outcomeRecorded: true
        default: false
        }
    }
}
