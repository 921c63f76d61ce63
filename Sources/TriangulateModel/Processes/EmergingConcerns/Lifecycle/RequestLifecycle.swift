/// The life of an information request (DOMAIN.md §1.3.3). Overdue is derived from the due date,
/// not a state.
public enum RequestLifecycle: Lifecycle {
    /// Where a request is.
    public enum State: String, LifecycleState {
        case drafted, sent, acknowledged, answered, partiallyAnswered, declined, withdrawn

        public var label: String {
            switch self {
            case .drafted: "drafted"
            case .sent: "sent"
            case .acknowledged: "acknowledged"
            case .answered: "answered"
            case .partiallyAnswered: "partially answered"
            case .declined: "declined"
            case .withdrawn: "withdrawn"
            }
        }

        /// Whether the request is still waiting for an answer.
        public var isOpen: Bool { [.drafted, .sent, .acknowledged].contains(self) }
    }

    /// A step in the request's life.
    public enum Event: String, LifecycleEvent {
        case send, acknowledge, answer, answerPartially, decline, withdraw

        public var step: String {
            switch self {
            case .send: "send the request (request send)"
            case .acknowledge: "record that the request was acknowledged (request ack)"
            case .answer: "record the answer (request answer)"
            case .answerPartially: "record a partial answer (request answer --partial)"
            case .decline: "record that the request was declined, with the reason (request decline)"
            case .withdraw: "withdraw the request (request withdraw)"
            }
        }
    }

    public static let recordName = "information request"

    public static let transitions: [State: [Event: State]] = [
        .drafted: [.send: .sent, .withdraw: .withdrawn],
        .sent: [
            .acknowledge: .acknowledged, .answer: .answered, .answerPartially: .partiallyAnswered,
            .decline: .declined, .withdraw: .withdrawn,
        ],
        .acknowledged: [
            .answer: .answered, .answerPartially: .partiallyAnswered, .decline: .declined, .withdraw: .withdrawn,
        ],
        .partiallyAnswered: [.answer: .answered],
        .answered: [:],
        .declined: [:],
        .withdrawn: [:],
    ]
}
