import Foundation
import Testing
import TriangulateModel
import TriangulateSync

/// The process kit's pure parts: clocks with start, pause and breach points; Healthwatch
/// escalation's stage rules; quarters.
@Suite("Process kit")
struct ProcessKitTests {
    static func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    @Test func clocksCountFromTheirStartLessTimeWaiting() {
        let clock = ResponseClockSetting.standard(.organisation).clock
        let calendar = WorkingCalendar.shipped
        #expect(clock.due(startedOn: Self.day("2026-01-31"), calendar: calendar, nation: .englandAndWales) == Self.day("2026-03-02"))
        #expect(clock.due(startedOn: Self.day("2026-01-31"), pausedDays: 3, calendar: calendar, nation: .englandAndWales) == Self.day("2026-03-05"))
        #expect(clock.amberFrom(startedOn: Self.day("2026-01-31"), calendar: calendar, nation: .englandAndWales) == Self.day("2026-02-20"))
        #expect(clock.unit == .calendarDays && clock.pausedIn == ["on-hold"])
        let working = ResponseClockSetting(stage: .cqc, warning: ClockSpan(3, .workingDays)!, breach: ClockSpan(5, .workingDays)!).clock
        #expect(working.due(startedOn: Self.day("2025-12-19"), calendar: calendar, nation: .englandAndWales) == Self.day("2025-12-30"))
        let oneDay = ResponseClockSetting(stage: .cqc, warning: ClockSpan(0, .workingDays)!, breach: ClockSpan(1, .workingDays)!).clock
        #expect(oneDay.due(startedOn: Self.day("2025-12-31"), calendar: calendar, nation: .englandAndWales) == Self.day("2026-01-02"))
        #expect(oneDay.due(startedOn: Self.day("2025-12-31"), calendar: calendar, nation: .scotland) == Self.day("2026-01-05"),
                "Scotland also keeps 2 January")
        #expect(EmergingConcerns.requestAnswer.due(startedOn: Self.day("2026-01-01"), calendar: calendar, nation: .englandAndWales) == nil,
                "a request's due date is the one recorded on it")
    }

    /// Every order of raising and skipping: only the next stage may be raised or skipped, each
    /// once, CQC never skipped and never raised without the regional manager copied in.
    @Test(arguments: 0..<500)
    func stagesGoInOrder(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var done: [EscalationStageRecord] = []
        for _ in 0..<8 {
            let stage = EscalationStage.allCases.randomElement(using: &random)!
            let skip = Bool.random(using: &random)
            let copy: String? = Bool.random(using: &random) ? "R. Manager" : nil
            let next = EscalationRules.nextStage(after: done)
            let allowed = stage == next && (skip ? stage != EscalationStage.cqc : (stage != EscalationStage.cqc || copy != nil))
            do {
                if skip { try EscalationRules.checkSkip(stage, after: done, reason: "r") } else { try EscalationRules.checkRaise(stage, after: done, copiedTo: copy) }
                #expect(allowed, "seed \(seed): \(skip ? "skipping" : "raising") \(stage) after \(done.map(\.stage)) was allowed")
                done.append(EscalationStageRecord(caseId: EscalationID(UUID()), stage: stage, state: skip ? .skipped : .awaitingResponse,
                                                  raisedOn: nil, raisedWith: nil, recordedBy: "t", recordedAt: Date()))
            } catch {
                #expect(!allowed, "seed \(seed): \(skip ? "skipping" : "raising") \(stage) after \(done.map(\.stage)) was refused: \(error)")
            }
        }
        #expect(done.map(\.stage) == Array(EscalationStage.allCases.prefix(done.count)))
    }

    @Test func quarters() throws {
        let quarter = try Quarter(parsing: "2026-q4")
        #expect(quarter.first == Self.day("2026-10-01") && quarter.last == Self.day("2026-12-31") && quarter.description == "2026-Q4")
        #expect(Quarter(containing: Self.day("2028-02-29")).last == Self.day("2028-03-31"))
        for bad in ["2026-Q0", "2026-Q5", "26-Q1", "2026Q1", "", "2026-Q1x"] {
            #expect(throws: ModelError.self, "\(bad)") { try Quarter(parsing: bad) }
        }
    }

    @Test func referenceFormats() {
        let format = ReferenceFormat(prefix: "HWE")
        #expect(format.reference(year: 2026, number: 7) == "HWE-2026-0007" && format.reference(year: 2026, number: 12345) == "HWE-2026-12345")
        #expect(format.matches("HWE-2026-0007") && !format.matches("ECP-2026-0007") && !format.matches("HWE-2026-07")
                && !format.matches("HWE-2026-0007/R1"))
    }
}

/// A clock may count working days in its own nation, whatever the node's.
@Suite("Clocks in their own nation")
struct ClockNationTests {
    @Test func aClockNamingItsNationCountsItsDays() {
        let scottish = ClockDefinition(id: "test.scottish", process: "test", what: "w", starts: "s", stops: [],
                                       warning: .after(ClockSpan(0, .workingDays)!), breach: .after(ClockSpan(1, .workingDays)!), nation: .scotland)
        let start = ProcessKitTests.day("2025-12-31")
        let due = scottish.due(startedOn: start, calendar: .shipped, nation: .englandAndWales)
        #expect(due == ProcessKitTests.day("2026-01-05"))
        let asOf = ProcessKitTests.day("2026-01-02")
        let entries = Worklist.entries([OpenClock(clock: scottish, reference: "T-1", owner: nil, person: nil, due: due!)], asOf: asOf,
                                       calendar: .shipped, nation: .englandAndWales)
        #expect(entries.first?.remaining == 1, "2 January is a Scottish holiday: one working day left, the 5th")
    }
}
