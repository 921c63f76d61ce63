/// A clock a process runs on its records (issue 12, item 4): the event that starts it, the
/// events that stop it, the states in which it waits, and its warning and breach points, each
/// with its unit.
public struct ClockDefinition: Hashable, Codable, Sendable {
    /// A stable id, `process.clock`, e.g. `ecp.request-answer`.
    public let id: String
    /// The process it belongs to, e.g. `ecp`.
    public let process: String
    /// What is due, for people: "answer to information request".
    public let what: String
    /// The event that starts it, e.g. `send`.
    public let starts: String
    /// The events that stop it, e.g. `answer`, `decline`.
    public let stops: [String]
    /// The states in which it waits: time spent there does not count.
    public let pausedIn: [String]
    /// When it turns amber.
    public let warning: ClockPoint
    /// When it is breached: the due point.
    public let breach: ClockPoint
    /// The nation whose working days it counts, when not the node's (a Scottish statutory
    /// timescale on an English node, say).
    public let nation: Nation?

    /// Makes a clock.
    public init(id: String, process: String, what: String, starts: String, stops: [String], pausedIn: [String] = [],
                warning: ClockPoint, breach: ClockPoint, nation: Nation? = nil) {
        self.id = id
        self.process = process
        self.what = what
        self.starts = starts
        self.stops = stops
        self.pausedIn = pausedIn
        self.warning = warning
        self.breach = breach
        self.nation = nation
    }

    /// The unit time left is counted in: the breach point's, working days for a due date
    /// recorded on the record.
    public var unit: ClockSpan.Unit {
        switch breach {
        case .recordedDueDate: .workingDays
        case .before(let span), .after(let span): span.unit
        }
    }

    /// The day a clock started on `start` is due, after `pausedDays` calendar days spent
    /// waiting, counting working days in the clock's own nation if it names one, else in
    /// `nation`; nil for a clock whose due date is recorded on its record, or past the calendar.
    public func due(startedOn start: LocalDate, pausedDays: Int = 0, calendar: WorkingCalendar, nation: Nation) -> LocalDate? {
        guard case .after(let span) = breach else { return nil }
        return span.day(after: start, calendar: calendar, nation: self.nation ?? nation)?.adding(days: pausedDays)
    }

    /// The first amber day of a clock started on `start` whose warning counts from its start.
    public func amberFrom(startedOn start: LocalDate, pausedDays: Int = 0, calendar: WorkingCalendar, nation: Nation) -> LocalDate? {
        guard case .after(let span) = warning else { return nil }
        return span.day(after: start, calendar: calendar, nation: self.nation ?? nation)?.adding(days: pausedDays)
    }
}

/// A point on a clock: a span after it starts, a span before it is due, or the due date a
/// person recorded on the record.
public enum ClockPoint: Hashable, Codable, Sendable {
    /// `span` after the clock starts.
    case after(ClockSpan)
    /// `span` before the due point.
    case before(ClockSpan)
    /// The due date recorded on the record (an information request's, an action's).
    case recordedDueDate
}

extension ClockSpan {
    /// The day `self` after `start`: working days by the calendar, hours rounded up to whole days.
    func day(after start: LocalDate, calendar: WorkingCalendar, nation: Nation) -> LocalDate? {
        switch unit {
        case .workingDays: calendar.adding(workingDays: count, to: start, in: nation)
        case .calendarDays: start.adding(days: count)
        case .hours: start.adding(days: (count + 23) / 24)
        case .months: start.adding(months: count)
        }
    }
}
