import Foundation
import Testing
import TriangulateModel
import TriangulateSync

/// The UK deadline calendar: known answers from GOV.UK's published days for every nation
/// (substitute days, one-off days), the clock changes, month ends; and properties over many
/// seeded random dates.
@Suite("UK deadline calendar")
struct CalendarTests {
    let calendar = WorkingCalendar.shipped

    static func date(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }

    func due(_ from: String, _ span: String, _ nation: Nation = .englandAndWales) throws -> String {
        try calendar.deadline(from: LondonMoment(parsing: from), adding: ClockSpan(parsing: span), in: nation).due
    }

    @Test func theIssuesExamples() throws {
        #expect(try due("2025-12-19", "5 working days") == "2025-12-30")
        #expect(try due("2026-01-16T15:00", "48 hours") == "2026-01-18T15:00")
        #expect(try due("2025-11-30", "3 months") == "2026-02-28")
    }

    /// GOV.UK's days for 2020–2022, substitutes and one-off days included.
    @Test func knownYears() {
        func days(_ year: Int, _ nation: Nation) -> [String] { calendar.holidays(in: year, for: nation).days.map(\.date.description) }
        #expect(days(2020, .englandAndWales) == ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"])
        #expect(days(2021, .englandAndWales) == ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"])
        #expect(days(2022, .englandAndWales) == ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
                                                 "2022-09-19", "2022-12-26", "2022-12-27"])
        #expect(days(2022, .scotland) == ["2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-01",
                                          "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"])
        #expect(days(2020, .northernIreland) == ["2020-01-01", "2020-03-17", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-07-13",
                                                 "2020-08-31", "2020-12-25", "2020-12-28"])
        #expect(calendar.holiday(on: Self.date("2023-05-08"), in: .scotland)?.contains("coronation") == true)
        #expect(calendar.holiday(on: Self.date("2021-11-30"), in: .scotland) == "St Andrew’s Day")
        #expect(calendar.holiday(on: Self.date("2024-12-02"), in: .scotland) == "St Andrew’s Day (substitute day)")
        #expect(calendar.holiday(on: Self.date("2026-12-28"), in: .englandAndWales) == "Boxing Day (substitute day)")
    }

    @Test func nationsDiffer() throws {
        // Easter Monday 2026 (6 April) is a holiday in England and Wales, not in Scotland.
        #expect(try due("2026-04-02", "2 working days", .englandAndWales) == "2026-04-08")
        #expect(try due("2026-04-02", "2 working days", .scotland) == "2026-04-07")
        // St Patrick's Day 2026 is a Tuesday: a holiday in Northern Ireland only.
        #expect(try due("2026-03-16", "1 working day", .northernIreland) == "2026-03-18")
        #expect(try due("2026-03-16", "1 working day", .englandAndWales) == "2026-03-17")
        // The 12th of July 2026 is a Sunday: Monday 13th is Northern Ireland's holiday.
        #expect(try due("2026-07-10", "1 working day", .northernIreland) == "2026-07-14")
        // Scotland's summer holiday is the first Monday of August, England's the last.
        #expect(try due("2026-07-31", "1 working day", .scotland) == "2026-08-04")
        #expect(try due("2026-08-28", "1 working day", .englandAndWales) == "2026-09-01")
    }

    @Test func workingDaysCountStrictlyAfterTheStart() throws {
        #expect(try due("2026-03-14", "1 working day") == "2026-03-16", "from a Saturday, Monday is the first")
        #expect(try due("2026-03-16", "1 working day") == "2026-03-17", "from a Monday, Tuesday is the first")
        #expect(try due("2026-12-25", "1 working day") == "2026-12-29", "from Christmas Day 2026, past the substitute Boxing Day")
        #expect(try due("2026-03-16T09:30", "5 working days") == "2026-03-23T09:30")
        #expect(try due("2026-03-16", "0 working days") == "2026-03-16")
    }

    /// Hours are elapsed time: across the spring change a day of 24 hours ends an hour later on
    /// the clock, across the autumn change an hour earlier.
    @Test func hoursCrossTheClockChanges() throws {
        #expect(try due("2026-03-28T12:00", "24 hours") == "2026-03-29T13:00")
        #expect(try due("2026-10-24T12:00", "24 hours") == "2026-10-25T11:00")
        #expect(try due("2026-03-29T00:30", "1 hour") == "2026-03-29T02:30", "01:30 does not happen that night")
        #expect(try due("2026-06-30T23:00", "2 hours") == "2026-07-01T01:00")
        #expect(throws: ModelError.self, "a time the clocks skip") { try LondonMoment(parsing: "2026-03-29T01:30") }
        #expect(LondonMoment(Date(timeIntervalSince1970: 1_782_863_400)).description == "2026-07-01T00:50", "23:50 UTC is 00:50 BST next day")
    }

    @Test func monthsClampToTheMonthsEnd() throws {
        #expect(try due("2024-01-31", "1 month") == "2024-02-29")
        #expect(try due("2025-01-31", "1 month") == "2025-02-28")
        #expect(try due("2026-08-31", "1 month") == "2026-09-30")
        #expect(try due("2026-10-15", "3 months") == "2027-01-15")
        #expect(try due("2026-03-31T10:00", "12 months") == "2027-03-31T10:00")
        #expect(try due("2026-05-31", "10 calendar days") == "2026-06-10")
    }

    @Test func pastTheDataTheRulesGiveAProvisionalDeadline() throws {
        let inData = try calendar.deadline(from: LondonMoment(parsing: "2027-12-20"), adding: ClockSpan(parsing: "5 working days"), in: .englandAndWales)
        #expect(!inData.provisional && inData.due == "2027-12-29" && inData.calendarVersion == calendar.version)
        let beyond = try calendar.deadline(from: LondonMoment(parsing: "2028-12-20"), adding: ClockSpan(parsing: "5 working days"), in: .englandAndWales)
        #expect(beyond.provisional && beyond.due == "2028-12-29")
        #expect(calendar.holidays(in: 2030, for: .scotland).provisional)
        #expect(!(try calendar.deadline(from: LondonMoment(parsing: "2030-01-01"), adding: ClockSpan(parsing: "3 months"), in: .scotland).provisional))
    }

    @Test(arguments: ["2026-02-30", "2026-2-3", "yesterday", "2026-01-16T25:00", "2026-01-16T9:00", "2026-01-16 15:00", ""])
    func badDatesAreRefused(_ text: String) {
        #expect(throws: ModelError.self) { try LondonMoment(parsing: text) }
    }

    @Test(arguments: ["5 wd", "5 days", "five working days", "-1 working days", "5", "working days", "5 fortnights", "99999999 hours", "1.5 hours"])
    func badSpansAreRefused(_ text: String) {
        #expect(throws: ModelError.self) { try ClockSpan(parsing: text) }
    }

    @Test func unknownNationsAreRefused() {
        #expect(throws: ModelError.self) { try Nation(parsing: "wales") }
        #expect((try? Nation(parsing: " Scotland ")) == .scotland)
    }

    /// The regular rules reproduce GOV.UK's data in every year but those with one-off days.
    @Test func theRulesAgreeWithTheDataOutsideOneOffYears() {
        let oneOffYears: Set<Int> = [2020, 2022, 2023]
        for nation in Nation.allCases {
            for year in BankHolidayData.shipped.years(for: nation) where !oneOffYears.contains(year) {
                #expect(BankHolidayRules.holidays(in: year, for: nation) == calendar.holidays(in: year, for: nation).days, "\(nation) \(year)")
            }
        }
        #expect(BankHolidayRules.easterSunday(2024) == Self.date("2024-03-31") && BankHolidayRules.easterSunday(2038) == Self.date("2038-04-25"))
    }

    /// Over many seeded random dates and counts, in every nation: counting the working days back
    /// gives N; a due date is never a weekend or a holiday; and day numbers round-trip.
    @Test func properties() throws {
        var random = SeededGenerator(seed: 0xCA1E_DA25)
        let first = Self.date("1990-01-01").dayNumber, last = Self.date("2060-12-31").dayNumber
        for _ in 0..<5_000 {
            let start = LocalDate(dayNumber: Int.random(in: first...last, using: &random))!
            let count = Int.random(in: 1...60, using: &random)
            let nation = Nation.allCases.randomElement(using: &random)!
            let due = try #require(calendar.adding(workingDays: count, to: start, in: nation))
            #expect(calendar.workingDays(after: start, through: due, in: nation) == count, "\(start) + \(count) in \(nation)")
            #expect(!due.isWeekend && calendar.holiday(on: due, in: nation) == nil, "\(due) is not a working day in \(nation)")
            #expect(calendar.workingDays(after: start, through: due.adding(days: -1)!, in: nation) == count - 1, "\(due) is the first such day")
            #expect(LocalDate(dayNumber: start.dayNumber) == start && start.adding(days: 1)!.dayNumber == start.dayNumber + 1)
            let months = Int.random(in: 0...40, using: &random)
            let later = try #require(start.adding(months: months))
            #expect(later.day <= start.day && (later.year * 12 + later.month) - (start.year * 12 + start.month) == months)
        }
    }

    @Test func weekdaysAndImportedData() throws {
        #expect(Self.date("1970-01-01").weekday == 4 && Self.date("2026-12-04").weekday == 5 && Self.date("1900-01-01").weekday == 1)
        let json = Data(#"{"england-and-wales":{"events":[{"title":"A","date":"2030-01-01"}]},"scotland":{"events":[{"title":"B","date":"2030-01-01"}]},"northern-ireland":{"events":[{"title":"C","date":"2030-01-01"}]}}"#.utf8)
        let data = try BankHolidayData(json: json)
        #expect(data.years(for: .scotland) == 2030...2030 && data.version.hasPrefix("gov.uk-2030-01-01-"))
        #expect(throws: ModelError.self) { try BankHolidayData(json: Data(#"{"england-and-wales":{"events":[]}}"#.utf8)) }
        #expect(throws: ModelError.self) { try BankHolidayData(json: Data("not json".utf8)) }
    }
}
