import Foundation
import Testing
import TriangulateModel
@testable import TriangulateNode

/// The worklist on a hand-computed fixture: order, time left in working days (Easter counted
/// out), red, amber and green, and the filters.
@Suite("Worklist")
struct WorklistTests {
    static func fixture() throws -> TemporaryStore {
        let node = try TemporaryStore()
        let store = node.store
        let concern = try store.addConcern(StoreTests.newConcern(), by: "tester").concern.reference
        _ = try store.evaluate(concern, EvaluationInput(on: day("2026-03-02"), decision: .trigger), by: "tester")
        func request(_ to: String, due: String?) throws -> String {
            try store.addRequest(concern, RequestInput(direction: .outgoing, counterpart: org(to), question: "Anything?", on: day("2026-03-02"),
                                                       dueBy: due.map(day)), by: "tester").reference
        }
        _ = try request("LGSCO", due: "2026-03-09")
        _ = try request("NMC", due: "2026-03-20")
        _ = try request("GMC", due: nil)
        let answered = try request("HCPC", due: "2026-03-13")
        _ = try store.advanceRequest(answered, .answer, RequestUpdate(on: day("2026-03-10"), summary: "None", payloadClass: .anonymised), by: "tester")
        _ = try store.addAction(concern, ActionInput(ownerOrg: org("CQC"), summary: "Inspect", agreedOn: day("2026-03-02"), dueBy: day("2026-03-12")), by: "tester")
        _ = try store.addAction(concern, ActionInput(ownerOrg: org("NMC"), owner: "C. Officer", summary: "Triage", agreedOn: day("2026-03-02"),
                                                     dueBy: day("2026-04-07")), by: "tester")
        return node
    }

    @Test func orderFiguresAndStatus() throws {
        let node = try Self.fixture()
        let list = try node.store.worklist(asOf: day("2026-03-12"), nation: .englandAndWales)
        #expect(list.map(\.reference) == ["ECP-2026-0001/R1", "ECP-2026-0001/A1", "ECP-2026-0001/R2", "ECP-2026-0001/A2"])
        #expect(list.map(\.remaining) == [-3, 0, 6, 16], "Good Friday and Easter Monday are not working days")
        #expect(list.map(\.status) == [.red, .amber, .green, .green])
        #expect(list.map(\.owner) == ["LGSCO", "CQC", "NMC", "NMC"])
        #expect(list.map(\.clock) == ["ecp.request-answer", "ecp.action", "ecp.request-answer", "ecp.action"])

        let later = try node.store.worklist(asOf: day("2026-03-17"), nation: .englandAndWales)
        #expect(later.first { $0.reference == "ECP-2026-0001/R2" }?.status == .amber, "three working days before it is due")
        #expect(later.first { $0.reference == "ECP-2026-0001/R2" }?.remaining == 3)
    }

    @Test func filters() throws {
        let node = try Self.fixture()
        let asOf = day("2026-03-12")
        #expect(try node.store.worklist(asOf: asOf, nation: .englandAndWales, filter: WorklistFilter(owner: "nmc")).map(\.reference)
                == ["ECP-2026-0001/R2", "ECP-2026-0001/A2"])
        #expect(try node.store.worklist(asOf: asOf, nation: .englandAndWales, filter: WorklistFilter(person: "C. Officer")).map(\.reference)
                == ["ECP-2026-0001/A2"])
        #expect(try node.store.worklist(asOf: asOf, nation: .englandAndWales, filter: WorklistFilter(process: "ecp")).count == 4)
        #expect(try node.store.worklist(asOf: asOf, nation: .englandAndWales, filter: WorklistFilter(process: "hwe")).isEmpty)
        #expect(throws: ModelError.self) { try node.store.worklist(asOf: asOf, nation: .englandAndWales, filter: WorklistFilter(process: "lgsco")) }
    }
}
