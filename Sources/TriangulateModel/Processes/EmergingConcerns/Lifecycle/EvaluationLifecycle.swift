/// The decision of one evaluation (DOMAIN.md §1.3.2): pending until decided, then fixed.
/// A different view later is a new evaluation, never an edit of this one.
public enum EvaluationLifecycle: Lifecycle {
    /// Whether the evaluation has reached its decision.
    public enum State: String, LifecycleState {
        case pending, trigger, notTrigger

        public var label: String {
            switch self {
            case .pending: "pending"
            case .trigger: "decided: trigger the protocol"
            case .notTrigger: "decided: do not trigger the protocol"
            }
        }
    }

    /// The decision taken.
    public enum Event: String, LifecycleEvent {
        case decideTrigger, decideNotTrigger

        public var step: String {
            switch self {
            case .decideTrigger: "decide to trigger the protocol (concern evaluate --decision trigger)"
            case .decideNotTrigger: "decide not to trigger the protocol (concern evaluate --decision not-trigger)"
            }
        }
    }

    public static let recordName = "evaluation"

    public static let transitions: [State: [Event: State]] = [
        .pending: [.decideTrigger: .trigger, .decideNotTrigger: .notTrigger],
        .trigger: [:],
        .notTrigger: [:],
    ]
}
