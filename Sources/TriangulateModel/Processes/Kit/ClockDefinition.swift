/// A clock a process runs on its records (issue 12, item 4): the event that starts it, the
/// events that stop it, the states in which it waits, and its warning and breach points, each
/// with its unit.
public struct ClockDefinition: Hashable, Codable, Sendable {
    /// A stable id, `process.clock`, e.g. `ecp.request-answer`.
    public var id: String { storage.id }
    /// The process it belongs to, e.g. `ecp`.
    public var process: String { storage.process }
    /// What is due, for people: "answer to information request".
    public var what: String { storage.what }
    /// The event that starts it, e.g. `send`.
    public var starts: String { storage.starts }
    /// The events that stop it, e.g. `answer`, `decline`.
    public var stops: [String] { storage.stops }
    /// The states in which it waits: time spent there does not count.
    public var pausedIn: [String] { storage.pausedIn }
    /// When it turns amber.
    public var warning: ClockPoint { storage.warning }
    /// When it is breached: the due point.
    public var breach: ClockPoint { storage.breach }
    /// The nation whose working days it counts, when not the node's (a Scottish statutory
    /// timescale on an English node, say).
    public var nation: Nation? { storage.nation }

    /// The fields, in one shared box: every open record of a clock carries its definition, and a
    /// box costs one reference count where the fields would cost one each.
    private let storage: Storage

    /// Makes a clock.
    public init(id: String, process: String, what: String, starts: String, stops: [String], pausedIn: [String] = [],
                warning: ClockPoint, breach: ClockPoint, nation: Nation? = nil) {
        storage = Storage(id: id, process: process, what: what, starts: starts, stops: stops, pausedIn: pausedIn, warning: warning,
                          breach: breach, nation: nation)
    }

    public static func == (left: Self, right: Self) -> Bool { left.storage === right.storage || left.storage.fields == right.storage.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
    public init(from decoder: any Decoder) throws { storage = try Storage(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try storage.encode(to: encoder) }

    private final class Storage: Codable, Sendable {
        let id: String, process: String, what: String, starts: String, stops: [String], pausedIn: [String]
        let warning: ClockPoint, breach: ClockPoint, nation: Nation?

        init(id: String, process: String, what: String, starts: String, stops: [String], pausedIn: [String], warning: ClockPoint,
             breach: ClockPoint, nation: Nation?) {
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

        /// Every field, for equality and hashing.
        var fields: Fields { Fields(id: id, process: process, what: what, starts: starts, stops: stops, pausedIn: pausedIn, warning: warning,
                                    breach: breach, nation: nation) }

        struct Fields: Hashable {
            let id: String, process: String, what: String, starts: String, stops: [String], pausedIn: [String]
            let warning: ClockPoint, breach: ClockPoint, nation: Nation?
        }
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
    public func day(after start: LocalDate, calendar: WorkingCalendar, nation: Nation) -> LocalDate? {
        switch unit {
        case .workingDays: calendar.adding(workingDays: count, to: start, in: nation)
        case .calendarDays: start.adding(days: count)
        case .hours: start.adding(days: (count + 23) / 24)
        case .months: start.adding(months: count)
        }
    }
}
