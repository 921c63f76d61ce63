import Foundation

/// The entity tag of series ids.
public enum MeetingSeriesTag {}
/// A series' id.
public typealias MeetingSeriesID = Identifier<MeetingSeriesTag>

/// A standing series of meetings (seed 003): a council area's CQC–ADASS information-sharing
/// meetings, a region's meetings, the first meeting with a new DASS. It has a cadence (the
/// longest gap allowed between meetings), chairs who rotate on a period, the organisations
/// invited, and how long before each meeting their templates are due.
public struct MeetingSeries: Hashable, Codable, Sendable {
    /// Its id.
    public var id: MeetingSeriesID
    /// `SER-2026-0001`.
    public var reference: String
    /// The kind of its meetings, e.g. `adass-local`.
    public var kind: String
    /// Its name, e.g. "Knowsley CQC–ADASS information sharing".
    public var title: String
    /// The day it starts: the first chair's period starts then, and its first meeting is due
    /// then (for a one-off, `cadence` after).
    public var startsOn: LocalDate
    /// The longest gap between meetings, e.g. 2 months.
    public var cadence: ClockSpan
    /// Whether it repeats; a one-off (a first meeting with a new DASS) is due once.
    public var repeats: Bool
    /// The chairs, in turn, and how long each chairs (seed 003 §29: six months).
    public var chairs: [OrganisationCode]
    public var chairPeriod: ClockSpan
    /// The organisations invited to each meeting.
    public var invitees: [OrganisationCode]
    /// How long before a meeting each invitee's template is due (seed 003 §32: "two days
    /// before"; the seed gives no unit, so the unit is stated and configurable).
    public var templateLead: ClockSpan
    /// Who recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Date

    /// Makes a series.
    public init(id: MeetingSeriesID, reference: String, kind: String, title: String, startsOn: LocalDate, cadence: ClockSpan, repeats: Bool,
                chairs: [OrganisationCode], chairPeriod: ClockSpan, invitees: [OrganisationCode], templateLead: ClockSpan,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.kind = kind
        self.title = title
        self.startsOn = startsOn
        self.cadence = cadence
        self.repeats = repeats
        self.chairs = chairs
        self.chairPeriod = chairPeriod
        self.invitees = invitees
        self.templateLead = templateLead
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// The rules of a series, pure: who chairs on a day, when the next meeting is due, when a
/// meeting's templates are due.
public enum SeriesRules {
    /// Checks a series' settings: at least one chair, each invited; spans in units that make sense.
    public static func check(_ series: MeetingSeries) throws(ModelError) {
        guard !series.chairs.isEmpty else { throw ModelError(.invalidValue, "a series needs at least one chair: give --chairs CQC,COUNCIL") }
        guard series.cadence.count > 0, series.chairPeriod.count > 0 else {
            throw ModelError(.invalidValue, "the cadence and the chair's period must be more than nothing")
        }
        for span in [series.cadence, series.chairPeriod] where span.unit == .workingDays || span.unit == .hours {
            throw ModelError(.invalidValue, "give a series' cadence and chair period in months or calendar days, not \(span.unit.rawValue)")
        }
        guard series.templateLead.unit == .calendarDays || series.templateLead.unit == .workingDays else {
            throw ModelError(.invalidValue, "give the template lead in calendar days or working days, not \(series.templateLead.unit.rawValue)")
        }
    }

    /// The chair on `day`: the chairs take turns, each for `chairPeriod` from `startsOn`; the
    /// first chairs before the series starts too.
    public static func chair(of series: MeetingSeries, on day: LocalDate) -> OrganisationCode {
        let periods = max(0, completedPeriods(series.chairPeriod, from: series.startsOn, to: day))
        return series.chairs[periods % series.chairs.count]
    }

    /// The day the next meeting is due, given the days meetings of the series were held: a
    /// span of `cadence` after the latest; with none, on `startsOn` (a one-off: `cadence` after
    /// it). Nil for a one-off that has met.
    public static func nextDue(of series: MeetingSeries, held: [LocalDate]) -> LocalDate? {
        if let last = held.max() { return series.repeats ? add(series.cadence, to: last) : nil }
        return series.repeats ? series.startsOn : add(series.cadence, to: series.startsOn)
    }

    /// The day the templates for a meeting on `day` are due: `templateLead` before it.
    public static func templateDue(of series: MeetingSeries, meetingOn day: LocalDate, calendar: WorkingCalendar, nation: Nation) -> LocalDate {
        switch series.templateLead.unit {
        case .workingDays:
            var current = day
            var left = series.templateLead.count
            while left > 0, let previous = current.adding(days: -1) {
                current = previous
                if calendar.isWorkingDay(current, in: nation) { left -= 1 }
            }
            return current
        default:
            return day.adding(days: -series.templateLead.count) ?? day
        }
    }

    /// How many whole `span`s fit from `start` to `end`.
    static func completedPeriods(_ span: ClockSpan, from start: LocalDate, to end: LocalDate) -> Int {
        switch span.unit {
        case .months:
            var months = (end.year - start.year) * 12 + (end.month - start.month)
            if let shifted = start.adding(months: months), shifted > end { months -= 1 }
            return months / span.count
        default:
            return (end.dayNumber - start.dayNumber) / max(1, span.count)
        }
    }

    private static func add(_ span: ClockSpan, to day: LocalDate) -> LocalDate? {
        span.unit == .months ? day.adding(months: span.count) : day.adding(days: span.count)
    }
}
