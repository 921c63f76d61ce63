import Foundation
import Testing
import TriangulateModel

/// Calls passed between LGSCO and CQC (seed 002): the agreed waits each way, a callback's
/// details only with permission recorded, its message holding nothing else, and the monthly
/// counts due ten working days into the next month (known answers across a bank holiday).
@Suite("Call transfers")
struct CallTransferTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static func day(_ text: String) -> LocalDate { (try? LocalDate(parsing: text)) ?? LocalDate(now) }

    static func call(_ direction: CallTransfer.Direction, _ handling: CallTransfer.Handling, on: String, wait: Int? = nil) throws -> CallTransfer {
        try CallTransfer(id: UUID().uuidString, direction: direction, handling: handling, on: day(on), waitSeconds: wait, permissionAt: nil,
                         callback: nil, now: now)
    }

    @Test func waitsAreMeasuredAgainstTheLimitEachWay() throws {
        #expect(try !Self.call(.cqcToLGSCO, .warmTransfer, on: "2026-11-02", wait: 60).waitExceeded)
        #expect(try Self.call(.cqcToLGSCO, .warmTransfer, on: "2026-11-02", wait: 61).waitExceeded)
        #expect(try !Self.call(.lgscoToCQC, .warmTransfer, on: "2026-11-02", wait: 30).waitExceeded)
        #expect(try Self.call(.lgscoToCQC, .warmTransfer, on: "2026-11-02", wait: 31).waitExceeded)
        #expect(throws: ModelError.self) { try Self.call(.lgscoToCQC, .signpost, on: "2026-11-02", wait: -1) }
    }

    @Test func aCallbackNeedsPermissionFirstAndCarriesFourThingsOnly() throws {
        let details = CallTransfer.Callback(name: "Caller Name", contactNumber: "0151 000 0000", serviceProvider: "Oaktrees", senderReference: "ENQ-1")
        #expect(throws: ModelError.self, "no permission recorded") {
            try CallTransfer(id: "a", direction: .cqcToLGSCO, handling: .callback, on: Self.day("2026-11-02"), waitSeconds: nil, permissionAt: nil,
                             callback: details, now: Self.now)
        }
        #expect(throws: ModelError.self, "permission in the future") {
            try CallTransfer(id: "a", direction: .cqcToLGSCO, handling: .callback, on: Self.day("2026-11-02"), waitSeconds: nil,
                             permissionAt: Self.now.addingTimeInterval(60), callback: details, now: Self.now)
        }
        #expect(throws: ModelError.self, "a callback without its details") {
            try CallTransfer(id: "a", direction: .cqcToLGSCO, handling: .callback, on: Self.day("2026-11-02"), waitSeconds: nil,
                             permissionAt: Self.now, callback: nil, now: Self.now)
        }
        let call = try CallTransfer(id: "a", direction: .cqcToLGSCO, handling: .callback, on: Self.day("2026-11-02"), waitSeconds: nil,
                                    permissionAt: Self.now, callback: details, now: Self.now)
        #expect(call.callbackMessage == "CQC Reference: ENQ-1\nName: Caller Name\nContact number: 0151 000 0000\nService provider: Oaktrees")
    }

    @Test func monthlyCountsAndTheirDueDay() throws {
        let calls = [
            try Self.call(.cqcToLGSCO, .warmTransfer, on: "2026-11-02", wait: 90),
            try Self.call(.cqcToLGSCO, .signpost, on: "2026-11-30"),
            try Self.call(.lgscoToCQC, .warmTransfer, on: "2026-11-15", wait: 10),
            try Self.call(.lgscoToCQC, .warmTransfer, on: "2026-12-01"),
            try Self.call(.lgscoToCQC, .signpost, on: "2026-10-31"),
        ]
        let november = CallCounts(month: Self.day("2026-11-01"), calls: calls, calendar: .shipped, nation: .englandAndWales)
        #expect(november.total == 3 && november.due == Self.day("2026-12-14"))
        #expect(november.counts["cqc-to-lgsco"] == ["warm-transfer": 1, "signpost": 1, "callback": 0])
        #expect(november.counts["lgsco-to-cqc"] == ["warm-transfer": 1, "signpost": 0, "callback": 0])
        #expect(november.waitsExceeded == ["cqc-to-lgsco": 1, "lgsco-to-cqc": 0])
        // December's counts: New Year's Day is a bank holiday, so the tenth working day is 15 January.
        let december = CallCounts(month: Self.day("2026-12-01"), calls: calls, calendar: .shipped, nation: .englandAndWales)
        #expect(december.total == 1 && december.due == Self.day("2027-01-15"))
        // In Scotland 2 January is a bank holiday too (in 2027 it falls on a Saturday, so 4 January is the substitute day).
        let scotland = CallCounts(month: Self.day("2026-12-01"), calls: calls, calendar: .shipped, nation: .scotland)
        #expect(scotland.due == Self.day("2027-01-18"))
    }
}
