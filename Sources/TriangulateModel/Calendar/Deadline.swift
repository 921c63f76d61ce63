import Foundation

/// A computed deadline: when it falls, and what it was computed from — the calendar's version
/// among it, so that a deadline can be explained, and recomputed, later.
public struct Deadline: Hashable, Codable, Sendable {
    /// Where the count started.
    public let from: String
    /// How long.
    public let span: ClockSpan
    /// Whose bank holidays count.
    public let nation: Nation
    /// When it falls: a date, or a date and London time when it started at a time of day.
    public let due: String
    /// Whether a bank holiday not yet in the GOV.UK data could still move it.
    public let provisional: Bool
    /// The bank-holiday data it used (`BankHolidayData.version`).
    public let calendarVersion: String
}

extension WorkingCalendar {
    /// The deadline `span` after `start` in `nation`. "N working days after D" is the N-th
    /// working day strictly after D, whatever D is; calendar days and months count from D's date
    /// (months clamped to the month's end); hours are elapsed time, across clock changes. A
    /// time of day given with the start is kept by the units of days and months.
    public func deadline(from start: LondonMoment, adding span: ClockSpan, in nation: Nation) throws(ModelError) -> Deadline {
        let due: LondonMoment?
        var provisional = false
        switch span.unit {
        case .workingDays:
            due = adding(workingDays: span.count, to: start.date, in: nation).flatMap { LondonMoment(date: $0, minuteOfDay: start.minuteOfDay) }
            if let due { provisional = isProvisional(due.date, in: nation) || isProvisional(start.date, in: nation) }
        case .calendarDays:
            due = start.date.adding(days: span.count).flatMap { LondonMoment(date: $0, minuteOfDay: start.minuteOfDay) }
        case .months:
            due = start.date.adding(months: span.count).flatMap { LondonMoment(date: $0, minuteOfDay: start.minuteOfDay) }
        case .hours:
            // Elapsed time, so always to the minute: 24 hours across the spring clock change end an
            // hour later on the clock.
            due = LondonMoment(start.instant.addingTimeInterval(Double(span.count) * 3_600))
        }
        guard let due else { throw ModelError(.invalidValue, "\(span) after \(start) is past the year 9999") }
        return Deadline(from: start.description, span: span, nation: nation, due: due.description, provisional: provisional,
                        calendarVersion: version)
    }
}
