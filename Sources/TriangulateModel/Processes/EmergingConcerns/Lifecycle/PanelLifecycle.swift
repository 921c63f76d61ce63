/// The life of a Regulatory Review Panel (DOMAIN.md §1.3.5). A follow-up panel is a new panel
/// linked to the previous one.
public enum PanelLifecycle: Lifecycle {
    /// Where a panel is.
    public enum State: String, LifecycleState {
        case proposed, scheduled, held, minutesDraft, minutesAgreed, recordDistributed, closed, cancelled

        public var label: String {
            switch self {
            case .proposed: "proposed"
            case .scheduled: "scheduled"
            case .held: "held"
            case .minutesDraft: "with draft minutes"
            case .minutesAgreed: "with agreed minutes"
            case .recordDistributed: "with its record distributed"
            case .closed: "closed"
            case .cancelled: "cancelled"
            }
        }

        /// Whether the panel actually met.
        public var hasMet: Bool {
            [.held, .minutesDraft, .minutesAgreed, .recordDistributed, .closed].contains(self)
        }
    }

    /// A step in the panel's life.
    public enum Event: String, LifecycleEvent {
        case schedule, hold, draftMinutes, agreeMinutes, distributeRecord, close, cancel

        public var step: String {
            switch self {
            case .schedule: "schedule the panel with its chair and date (panel convene)"
            case .hold: "record attendance at the panel (panel attend)"
            case .draftMinutes: "record draft minutes (panel minutes --file)"
            case .agreeMinutes: "agree the minutes (panel minutes --agree)"
            case .distributeRecord: "share the panel's record with partners and the Forum secretariat (panel distribute)"
            case .close: "close the panel (panel close)"
            case .cancel: "cancel the panel with a reason (panel cancel)"
            }
        }
    }

    public static let recordName = "panel"

    public static let transitions: [State: [Event: State]] = [
        .proposed: [.schedule: .scheduled, .cancel: .cancelled],
        .scheduled: [.schedule: .scheduled, .hold: .held, .cancel: .cancelled],
        .held: [.hold: .held, .draftMinutes: .minutesDraft],
        .minutesDraft: [.draftMinutes: .minutesDraft, .agreeMinutes: .minutesAgreed],
        .minutesAgreed: [.distributeRecord: .recordDistributed],
        .recordDistributed: [.distributeRecord: .recordDistributed, .close: .closed],
        .closed: [:],
        .cancelled: [:],
    ]
}
