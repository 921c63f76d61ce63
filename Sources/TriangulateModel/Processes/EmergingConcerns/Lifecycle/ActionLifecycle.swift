/// The life of an action agreed as a result of the protocol (DOMAIN.md §1.3.6). Overdue is
/// derived from the due date; "agreed" and "taken" are both reportable.
public enum ActionLifecycle: Lifecycle {
    /// Where an action is.
    public enum State: String, LifecycleState {
        case agreed, inProgress, done, notDone, superseded

        public var label: String {
            switch self {
            case .agreed: "agreed"
            case .inProgress: "in progress"
            case .done: "done"
            case .notDone: "not done"
            case .superseded: "superseded"
            }
        }

        /// Whether the action still has work to do (and so can become overdue).
        public var isOpen: Bool { self == .agreed || self == .inProgress }
    }

    /// A step in the action's life.
    public enum Event: String, LifecycleEvent {
        case start, complete, abandon, supersede

        public var step: String {
            switch self {
            case .start: "record that work on the action has started (action start)"
            case .complete: "record the action as done, with its evidence (action done)"
            case .abandon: "record the action as not done, with the reason (action not-done)"
            case .supersede: "record the action as superseded (action supersede)"
            }
        }
    }

    public static let recordName = "action"

    public static let transitions: [State: [Event: State]] = [
        .agreed: [.start: .inProgress, .complete: .done, .abandon: .notDone, .supersede: .superseded],
        .inProgress: [.complete: .done, .abandon: .notDone, .supersede: .superseded],
        .done: [:],
        .notDone: [:],
        .superseded: [:],
    ]
}
