import Foundation
import Testing
import TriangulateModel

/// Standing series of meetings (seed 003): the chair rotating every six months, the next
/// meeting due two months after the last, templates due before each meeting — known answers,
/// and every day of a year.
@Suite("Meeting series")
struct SeriesRulesTests {
    let calendar = WorkingCalendar.shipped

    static func date(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }

    static func series(starts: String, chairs: [String] = ["CQC", "KNOWSLEY-ASC"], lead: ClockSpan = ClockSpan(2, .calendarDays)!,
                       repeats: Bool = true) -> MeetingSeries {
        MeetingSeries(id: MeetingSeriesID(UUID()), reference: "SER-2026-0001", kind: "adass-local", title: "Knowsley", startsOn: date(starts),
                      cadence: ClockSpan(repeats ? 2 : 3, .months)!, repeats: repeats, chairs: chairs.map { try! OrganisationCode(parsing: $0) },
                      chairPeriod: ClockSpan(6, .months)!, invitees: [], templateLead: lead, recordedBy: "t", recordedAt: Date())
    }

    @Test func theChairRotatesEverySixMonths() {
        let series = Self.series(starts: "2026-01-15")
        let chair = { (day: String) in SeriesRules.chair(of: series, on: Self.date(day)).rawValue }
        #expect(chair("2025-12-01") == "CQC")
        #expect(chair("2026-01-15") == "CQC" && chair("2026-07-14") == "CQC")
        #expect(chair("2026-07-15") == "KNOWSLEY-ASC" && chair("2027-01-14") == "KNOWSLEY-ASC")
        #expect(chair("2027-01-15") == "CQC")
        // A series starting on the 31st turns on the last day of shorter months.
        let monthEnd = Self.series(starts: "2026-08-31")
        #expect(SeriesRules.chair(of: monthEnd, on: Self.date("2027-02-27")).rawValue == "CQC")
        #expect(SeriesRules.chair(of: monthEnd, on: Self.date("2027-02-28")).rawValue == "KNOWSLEY-ASC")
    }

    /// Over every day of a year: the chair changes exactly twice, on the term boundaries, and
    /// each chair serves a turn; the next meeting is due two months after any meeting.
    @Test func overAYear() {
        let series = Self.series(starts: "2026-01-15")
        var changes: [LocalDate] = []
        var day = Self.date("2026-01-15")
        while day < Self.date("2027-01-15") {
            let next = day.adding(days: 1)!
            if SeriesRules.chair(of: series, on: next) != SeriesRules.chair(of: series, on: day) { changes.append(next) }
            #expect(SeriesRules.nextDue(of: series, held: [Self.date("2026-01-15"), day]) == day.adding(months: 2))
            day = next
        }
        #expect(changes == [Self.date("2026-07-15"), Self.date("2027-01-15")])
        #expect(SeriesRules.nextDue(of: series, held: []) == Self.date("2026-01-15"))
        let newDASS = Self.series(starts: "2026-03-02", repeats: false)
        #expect(SeriesRules.nextDue(of: newDASS, held: []) == Self.date("2026-06-02"))
        #expect(SeriesRules.nextDue(of: newDASS, held: [Self.date("2026-05-01")]) == nil)
    }

    @Test func templatesAreDueBeforeEachMeeting() {
        let calendarDays = Self.series(starts: "2026-01-15")
        let workingDays = Self.series(starts: "2026-01-15", lead: ClockSpan(2, .workingDays)!)
        let due = { (series: MeetingSeries, meeting: String) in
            SeriesRules.templateDue(of: series, meetingOn: Self.date(meeting), calendar: calendar, nation: .englandAndWales).description
        }
        #expect(due(calendarDays, "2026-03-09") == "2026-03-07")
        #expect(due(workingDays, "2026-03-09") == "2026-03-05")
        // Over Easter 2026 (Good Friday 3 April, Easter Monday 6 April).
        #expect(due(workingDays, "2026-04-07") == "2026-04-01")
        #expect(due(calendarDays, "2026-04-07") == "2026-04-05")
        // Every meeting day of a year: exactly two working days between the due day and the meeting.
        var day = Self.date("2026-01-01")
        while day < Self.date("2027-01-01") {
            let templateDay = SeriesRules.templateDue(of: workingDays, meetingOn: day, calendar: calendar, nation: .englandAndWales)
            #expect(calendar.isWorkingDay(templateDay, in: .englandAndWales))
            #expect(calendar.workingDays(after: templateDay, through: day.adding(days: -1)!, in: .englandAndWales) == 1, "\(day)")
            day = day.adding(days: 1)!
        }
    }

    @Test func settingsThatMakeNoSenseAreRefused() {
        var series = Self.series(starts: "2026-01-15", chairs: [])
        #expect(throws: ModelError.self) { try SeriesRules.check(series) }
        series = Self.series(starts: "2026-01-15", lead: ClockSpan(48, .hours)!)
        #expect(throws: ModelError.self) { try SeriesRules.check(series) }
        #expect(throws: Never.self) { try SeriesRules.check(Self.series(starts: "2026-01-15")) }
    }
}
