import Foundation

/// Which days are working days in each UK nation: Monday to Friday, less bank holidays. Inside
/// the years the GOV.UK data covers, its days are the holidays (one-off days included); outside
/// them the regular rules give them, and a deadline that falls in those years is provisional —
/// a one-off day may yet be announced.
public struct WorkingCalendar: Sendable {
    /// The GOV.UK data in use.
    public let data: BankHolidayData
    private let holidayDays: [Nation: Set<Int>]
    private let titles: [Nation: [Int: String]]
    /// The rules' holidays of the years around the data, worked out once: the years a
    /// caseworker's deadlines fall in.
    private let ruleDays: [Nation: Set<Int>]
    private static let ruleYears = 1950...2100

    /// The calendar over the data shipped with Triangulate, made once.
    public static let shipped = WorkingCalendar(data: .shipped)

    /// A calendar over `data`.
    public init(data: BankHolidayData) {
        self.data = data
        var days: [Nation: Set<Int>] = [:]
        var titles: [Nation: [Int: String]] = [:]
        for nation in Nation.allCases {
            for holiday in data.holidays[nation] ?? [] {
                days[nation, default: []].insert(holiday.date.dayNumber)
                titles[nation, default: [:]][holiday.date.dayNumber] = holiday.title
            }
        }
        holidayDays = days
        self.titles = titles
        var rules: [Nation: Set<Int>] = [:]
        for nation in Nation.allCases {
            for year in Self.ruleYears { rules[nation, default: []].formUnion(BankHolidayRules.holidays(in: year, for: nation).map(\.date.dayNumber)) }
        }
        ruleDays = rules
    }

    /// The calendar's version: the data's.
    public var version: String { data.version }

    /// Whether `date`'s year is outside the data, so that its holidays come from the rules alone.
    public func isProvisional(_ date: LocalDate, in nation: Nation) -> Bool {
        !data.years(for: nation).contains(date.year)
    }

    /// The bank holidays of `year` in `nation`, and whether they come from the rules alone.
    public func holidays(in year: Int, for nation: Nation) -> (days: [BankHoliday], provisional: Bool) {
        if data.years(for: nation).contains(year) {
            return ((data.holidays[nation] ?? []).filter { $0.date.year == year }, false)
        }
        return (BankHolidayRules.holidays(in: year, for: nation), true)
    }

    /// The name of the bank holiday on `date`, if it is one.
    public func holiday(on date: LocalDate, in nation: Nation) -> String? {
        if data.years(for: nation).contains(date.year) { return titles[nation]?[date.dayNumber] }
        return BankHolidayRules.holidays(in: date.year, for: nation).first { $0.date == date }?.title
    }

    /// Whether `date` is a working day in `nation`.
    public func isWorkingDay(_ date: LocalDate, in nation: Nation) -> Bool {
        guard !date.isWeekend else { return false }
        if data.years(for: nation).contains(date.year) { return !(holidayDays[nation]?.contains(date.dayNumber) ?? false) }
        if Self.ruleYears.contains(date.year) { return !(ruleDays[nation]?.contains(date.dayNumber) ?? false) }
        return holiday(on: date, in: nation) == nil
    }

    /// The `count`-th working day strictly after `date` (`date` itself for 0); nil past 9999.
    public func adding(workingDays count: Int, to date: LocalDate, in nation: Nation) -> LocalDate? {
        precondition(count >= 0, "count working days forward only")
        var current = date
        var left = count
        while left > 0 {
            guard let next = current.adding(days: 1) else { return nil }
            current = next
            if isWorkingDay(current, in: nation) { left -= 1 }
        }
        return current
    }

    /// How many working days fall after `start` up to and including `end` (negative when `end`
    /// is before `start`): the inverse of `adding(workingDays:to:in:)`.
    public func workingDays(after start: LocalDate, through end: LocalDate, in nation: Nation) -> Int {
        let (low, high, sign) = start <= end ? (start, end, 1) : (end, start, -1)
        var count = 0
        var day = low.dayNumber + 1
        while day <= high.dayNumber {
            if let date = LocalDate(dayNumber: day), isWorkingDay(date, in: nation) { count += 1 }
            day += 1
        }
        return sign * count
    }
}
