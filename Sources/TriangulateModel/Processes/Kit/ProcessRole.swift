/// Who may take a step of a process, as its definition declares it.
public enum ProcessRole: String, CaseIterable, Codable, Sendable {
    /// Anyone of the organisation's staff who records cases.
    case caseworker
    /// A manager: approves sharing, closes cases, skips stages.
    case manager
    /// The organisation chairing a meeting, which minutes it (seed 003 §29).
    case chair
}
