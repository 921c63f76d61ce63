/// The life of a Healthwatch escalation (DOMAIN.md §1.3.9). A stage is raised, answered (or
/// recorded as unanswered) and, if unsatisfactory, the next is raised; a stage may be skipped
/// with a reason; the case closes with an outcome from any open state.
public enum EscalationLifecycle: Lifecycle {
    /// Where an escalation is.
    public enum State: String, LifecycleState {
        case identified
        case awaitingResponse = "awaiting-response"
        case onHold = "on-hold"
        case responseReceived = "response-received"
        case closed

        public var label: String {
            switch self {
            case .identified: "identified, not yet raised"
            case .awaitingResponse: "awaiting a response"
            case .onHold: "on hold, its clock waiting"
            case .responseReceived: "answered at its latest stage"
            case .closed: "closed"
            }
        }
    }

    /// A step in the escalation's life.
    public enum Event: String, LifecycleEvent {
        case raise, skip, hold, resume, recordResponse = "record-response", close

        public var step: String {
            switch self {
            case .raise: "raise the next stage (escalation raise)"
            case .skip: "skip a stage, with the reason (escalation skip)"
            case .hold: "put the stage's clock on hold (escalation hold)"
            case .resume: "resume the stage's clock (escalation resume)"
            case .recordResponse: "record the stage's response, or that none came (escalation response)"
            case .close: "close the escalation with its outcome (escalation close)"
            }
        }
    }

    public static let recordName = "escalation"

    public static let transitions: [State: [Event: State]] = [
        .identified: [.raise: .awaitingResponse, .skip: .identified, .close: .closed],
        .awaitingResponse: [.recordResponse: .responseReceived, .hold: .onHold, .close: .closed],
        .onHold: [.resume: .awaitingResponse, .recordResponse: .responseReceived, .close: .closed],
        .responseReceived: [.raise: .awaitingResponse, .skip: .responseReceived, .close: .closed],
        .closed: [:],
    ]
}
