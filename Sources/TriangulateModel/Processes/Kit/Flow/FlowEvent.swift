import Foundation

/// One step taken on a flow case, as its history keeps it: which step (or a checklist's
/// completion), the day it happened, the answers given, the states it left and reached, and
/// who recorded it when.
public struct FlowEvent: Hashable, Codable, Sendable {
    /// The step's id, or a checklist's `completeEvent`.
    public let step: String
    /// The day it happened.
    public let on: LocalDate
    /// The answers given, by field name.
    public let answers: [String: String]
    /// The state before and after.
    public let from: String
    public let to: String
    /// Who recorded it, and when.
    public let by: String
    public let at: Date

    /// Makes an event.
    public init(step: String, on: LocalDate, answers: [String: String], from: String, to: String, by: String, at: Date) {
        self.step = step
        self.on = on
        self.answers = answers
        self.from = from
        self.to = to
        self.by = by
        self.at = at
    }
}

/// One run of a clock on a flow case: started by a step on a day, due on a day, and stopped by
/// a later step (or not yet).
public struct FlowClockRun: Hashable, Sendable {
    /// The clock.
    public let clock: ClockDefinition
    /// The day the step that started it happened.
    public let startedOn: LocalDate
    /// The day it is due: the starting step's `due` answer when one was given ("then as
    /// agreed"), else the clock's breach point.
    public let due: LocalDate
    /// The first amber day, for a clock whose warning counts from its start.
    public let amberFrom: LocalDate?
    /// The day of the step that stopped it, if one did.
    public let stoppedOn: LocalDate?

    /// Whether it stopped by its due day.
    public var isMet: Bool { stoppedOn.map { $0 <= due } ?? false }

    /// Whether it is missed as of `day`: stopped late, or still running after its due day.
    public func isMissed(asOf day: LocalDate) -> Bool {
        if let stoppedOn { return stoppedOn > due }
        return day > due
    }
}
