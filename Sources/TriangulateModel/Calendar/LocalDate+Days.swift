/// Day arithmetic on dates, in pure integer form (days from 1970-01-01, the proleptic Gregorian
/// calendar): no time zone, no clock, no framework.
extension LocalDate {
    /// Days from 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days from 1970-01-01; nil outside the years 1900–9999.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day of the week: 1 Monday … 7 Sunday.
    public var weekday: Int {
        let shifted = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// Whether it is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` later (earlier when negative); nil outside the years 1900–9999.
    public func adding(days: Int) -> LocalDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? nil : LocalDate(dayNumber: sum)
    }

    /// The same day `months` later, clamped to the end of a shorter month (30 November + 3
    /// months is 28 February); nil outside the years 1900–9999.
    public func adding(months: Int) -> LocalDate? {
        let (total, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        guard !overflow else { return nil }
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        guard (1900...9999).contains(newYear) else { return nil }
        return LocalDate(year: newYear, month: newMonth, day: min(day, LocalDate.daysIn(month: newMonth, year: newYear)))
    }

    /// The first date of `year` that falls on `weekday` (1 Monday … 7 Sunday) on or after `month`/`day`.
    static func first(_ weekday: Int, onOrAfter month: Int, _ day: Int, in year: Int) -> LocalDate {
        let start = LocalDate(year: year, month: month, day: day)!
        return start.adding(days: (weekday - start.weekday + 7) % 7)!
    }

    /// The last date of `month` in `year` that falls on `weekday`.
    static func last(_ weekday: Int, of month: Int, in year: Int) -> LocalDate {
        let end = LocalDate(year: year, month: month, day: daysIn(month: month, year: year))!
        return end.adding(days: -((end.weekday - weekday + 7) % 7))!
    }
}
