/// A clock a process runs on its open records: what is due, in which unit its time left is
/// counted, and how long before the due day it turns amber.
public struct ClockDefinition: Hashable, Codable, Sendable {
    /// A stable id, `process.clock`, e.g. `ecp.request-answer`.
    public let id: String
    /// The process it belongs to, e.g. `ecp`.
    public let process: String
    /// What is due, for people: "answer to information request".
    public let what: String
    /// The unit time left is counted in.
    public let unit: ClockSpan.Unit
    /// How long before the due day the clock turns amber.
    public let warning: ClockSpan

    /// Makes a clock.
    public init(id: String, process: String, what: String, unit: ClockSpan.Unit, warning: ClockSpan) {
        self.id = id
        self.process = process
        self.what = what
        self.unit = unit
        self.warning = warning
    }
}

/// The Emerging Concerns Protocol's clocks. The seeds give the ECP no numbers ("timely"), so
/// each runs to the due date recorded on its record: an information request's, when one was set,
/// and every agreed action's.
public enum ECPClocks {
    /// An information request, sent and not yet answered, declined or withdrawn.
    public static let requestAnswer = ClockDefinition(id: "ecp.request-answer", process: "ecp", what: "answer to information request",
                                                      unit: .workingDays, warning: ClockSpan(3, .workingDays)!)
    /// An agreed action, not yet done, not done or superseded.
    public static let action = ClockDefinition(id: "ecp.action", process: "ecp", what: "agreed action", unit: .workingDays,
                                               warning: ClockSpan(5, .workingDays)!)
    /// Every ECP clock.
    public static let all = [requestAnswer, action]
}
