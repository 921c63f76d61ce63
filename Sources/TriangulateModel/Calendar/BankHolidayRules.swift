/// The regular bank holidays of each nation, by rule, substitute days included: a holiday that
/// falls on a Saturday or Sunday is kept on the next weekday that is not already a holiday (so
/// Christmas Day on a Saturday is kept on Monday 27th, and Boxing Day on the Sunday on Tuesday
/// 28th). One-off days — a jubilee, a coronation, a state funeral, a holiday moved for one
/// year — are not rules: they come from the GOV.UK data (`BankHolidayData`).
public enum BankHolidayRules {
    /// The regular holidays of `year` in `nation`, in date order.
    public static func holidays(in year: Int, for nation: Nation) -> [BankHoliday] {
        let easter = easterSunday(year)
        var fixed: [(LocalDate, String)] = [(LocalDate(year: year, month: 1, day: 1)!, "New Year’s Day")]
        var movable: [(LocalDate, String)] = [
            (easter.adding(days: -2)!, "Good Friday"),
            (LocalDate.first(1, onOrAfter: 5, 1, in: year), "Early May bank holiday"),
            (LocalDate.last(1, of: 5, in: year), "Spring bank holiday"),
        ]
        switch nation {
        case .englandAndWales, .northernIreland:
            movable.append((easter.adding(days: 1)!, "Easter Monday"))
            movable.append((LocalDate.last(1, of: 8, in: year), "Summer bank holiday"))
        case .scotland:
            fixed.append((LocalDate(year: year, month: 1, day: 2)!, "2nd January"))
            movable.append((LocalDate.first(1, onOrAfter: 8, 1, in: year), "Summer bank holiday"))
            fixed.append((LocalDate(year: year, month: 11, day: 30)!, "St Andrew’s Day"))
        }
        if nation == .northernIreland {
            fixed.append((LocalDate(year: year, month: 3, day: 17)!, "St Patrick’s Day"))
            fixed.append((LocalDate(year: year, month: 7, day: 12)!, "Battle of the Boyne (Orangemen’s Day)"))
        }
        fixed.append((LocalDate(year: year, month: 12, day: 25)!, "Christmas Day"))
        fixed.append((LocalDate(year: year, month: 12, day: 26)!, "Boxing Day"))

        // Holidays on weekdays keep their day; those on a weekend then take the next free weekday,
        // in date order.
        let onWeekdays = movable + fixed.filter { !$0.0.isWeekend }
        var taken = Set(onWeekdays.map(\.0.dayNumber))
        var result = onWeekdays.map { BankHoliday(date: $0.0, title: $0.1) }
        for (date, title) in fixed.filter({ $0.0.isWeekend }).sorted(by: { $0.0 < $1.0 }) {
            var kept = date
            while kept.isWeekend || taken.contains(kept.dayNumber) { kept = kept.adding(days: 1)! }
            taken.insert(kept.dayNumber)
            result.append(BankHoliday(date: kept, title: title + " (substitute day)"))
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of 1876).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }
}
