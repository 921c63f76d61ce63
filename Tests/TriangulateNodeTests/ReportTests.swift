import Foundation
import Testing
import TriangulateModel
import TriangulateNode

@Suite("Reports on a realistic quarter")
struct ReportTests {
    @Test func theFiveMeasuresMatchHandComputedFigures() throws {
        let temporary = try TemporaryStore()
        try ReportFixture.build(temporary.store)
        let report = try temporary.store.report(
            period: try ReportPeriod(from: day("2026-01-01"), to: day("2026-03-31")), asOf: day("2026-03-31"))

        // 1. C1 and C3 triggered in the period (C5 was in December); C2 not triggered.
        #expect(report.initiated.triggered == 2)
        #expect(report.initiated.notTriggered == 1)
        #expect(report.initiated.triggeredByCategory == [.systems: 1, .trust: 1])

        // 2. Anonymised exchanges: contacts that shared, answers either way, the panel record
        //    (to NMC, GMC, LGSCO and the secretariat) and the outcome (the same four).
        func cell(_ month: String, _ direction: Exchange.Direction, _ counterpart: String, _ category: ConcernCategory,
                  _ payload: PayloadClass, _ count: Int) -> ProtocolReport.ExchangeCount {
            .init(month: month, direction: direction, counterpart: org(counterpart), category: category, payloadClass: payload, count: count)
        }
        #expect(report.informationShared == [
            cell("2026-01", .received, "LGSCO", .systems, .anonymised, 1),
            cell("2026-01", .sent, "GMC", .systems, .metadata, 1),
            cell("2026-01", .sent, "HSCRF", .systems, .metadata, 1),
            cell("2026-01", .sent, "LGSCO", .systems, .metadata, 1),
            cell("2026-01", .sent, "NMC", .systems, .metadata, 2),
            cell("2026-02", .sent, "GMC", .systems, .metadata, 1),
            cell("2026-02", .sent, "HCPC", .trust, .pseudonymised, 1),
            cell("2026-02", .sent, "HSCRF", .systems, .metadata, 1),
            cell("2026-02", .sent, "LGSCO", .systems, .metadata, 1),
            cell("2026-02", .sent, "NMC", .systems, .metadata, 1),
            cell("2026-02", .sent, "PHSO", .trust, .identifiable, 1),
        ])

        // 3–4. One panel convened here; attended: that one and the GMC's.
        #expect(report.panelsConvened == 1)
        #expect(report.panelsAttended == 2)

        // 5. Three actions agreed, one taken, the NMC's overdue on 31 March, the GMC's not yet due.
        #expect(report.actions.agreed == 3)
        #expect(report.actions.taken == 1)
        #expect(report.actions.notDone == 0)
        #expect(report.actions.overdue == 1)
        #expect(report.actions.outcomes == [.regulatoryActivity: 1, .noFurtherAction: 1])

        // Minimum data for C1–C4 (C5 was identified before the period).
        let gaps = Dictionary(uniqueKeysWithValues: report.completeness.map { ($0.reference, $0.missing.map(\.item)) })
        #expect(gaps == [
            "ECP-2026-0001": [.actionsTaken],
            "ECP-2026-0002": [],
            "ECP-2026-0003": [.subjects],
            "ECP-2026-0004": [.dates],
        ])
    }

    @Test func reportsHoldNoSubjectIdentifiers() throws {
        let temporary = try TemporaryStore()
        try ReportFixture.build(temporary.store)
        let report = try temporary.store.report(period: try ReportPeriod(from: nil, to: nil), asOf: day("2026-03-31"))
        let encoded = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        for identifier in ["1-134558905", "1-102643096", "Oaktrees", "Locum", "Agency", "Inspector"] {
            #expect(!encoded.contains(identifier), "the report leaks \(identifier)")
        }
    }

    @Test func periodBoundsAndOverdueDay() throws {
        let temporary = try TemporaryStore()
        try ReportFixture.build(temporary.store)
        let january = try temporary.store.report(
            period: try ReportPeriod(from: day("2026-01-01"), to: day("2026-01-31")), asOf: day("2026-01-31"))
        #expect(january.initiated.triggered == 1)
        #expect(january.actions.overdue == 0)
        #expect(january.panelsAttended == 1)
        #expect(january.completeness.map(\.reference) == ["ECP-2026-0001"])
    }
}
