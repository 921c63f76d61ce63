import Foundation
import GRDB
import Testing
import TriangulateModel
import TriangulateNode

@Suite("Node store on real SQLite files")
struct StoreTests {
    static func newConcern(_ title: String = "Night staffing", subjects: [Subject] = []) -> NewConcern {
        NewConcern(category: .systems, setting: .nursingHome, title: title, summary: "Account", identifiedOn: day("2026-03-02"),
                   source: Source(type: .complaint), subjects: subjects)
    }

    @Test func recordsSurviveReopeningTheFile() throws {
        let temporary = try TemporaryStore()
        try ReportFixture.build(temporary.store)
        let before = try temporary.store.dossier("ECP-2026-0001")
        let reopened = try NodeStore.open(at: temporary.path)
        #expect(reopened.organisation == org("CQC"))
        #expect(try reopened.dossier("ECP-2026-0001") == before)
        #expect(before.concern.state == .closed)
        #expect(before.isSafeguardingFlagged)
        #expect(before.panels.first?.invitees.count == 3)
        #expect(try reopened.listConcerns().count == 5)
    }

    @Test func storeIsWALWithSecureDeleteAndItsOwnApplicationID() throws {
        let temporary = try TemporaryStore()
        let queue = try DatabaseQueue(path: temporary.path)
        let (journal, applicationID) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(journal == "wal")
        #expect(applicationID == 0x5452_494E)
        // secure_delete is a per-connection setting: the store turns it on for each of its own.
        _ = try temporary.store.addConcern(Self.newConcern(), by: "tester")
        #expect(try temporary.store.secureDeleteIsOn())
    }

    /// GRDB turns `synchronous` down to NORMAL when it puts a pool's writer in WAL mode, after
    /// the connection's own settings: the store must set FULL again once the pool is open.
    @Test func committedWritesWaitForTheDisk() throws {
        let temporary = try TemporaryStore()
        #expect(try temporary.store.commitsWaitForTheDisk())
        let reopened = try NodeStore.open(at: temporary.path)
        #expect(try reopened.commitsWaitForTheDisk())
    }

    /// The writer keeps a filled store's state rows in memory while it applies a batch; the
    /// setting is per connection, so it is read back from the writer of a reopened store.
    @Test func theWriterCachesUpToSixtyFourMebibytes() throws {
        let temporary = try TemporaryStore()
        #expect(try temporary.store.writerCacheKiB() == NodeStore.writerCacheKiB)
        let reopened = try NodeStore.open(at: temporary.path)
        #expect(try reopened.writerCacheKiB() == 65_536)
    }

    @Test func everyStateChangeRecordsWhoAndWhen() throws {
        let fixed = Date(timeIntervalSince1970: 1_780_000_000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = NodeEnvironment(now: { fixed }, makeUUID: NodeEnvironment.live.makeUUID)
        let store = try NodeStore.create(at: directory.appendingPathComponent("n.sqlite").path, organisation: org("NMC"),
                                         by: "setup", environment: environment)
        let reference = try store.addConcern(Self.newConcern(), by: "R. Registrar").concern.reference
        _ = try store.evaluate(reference, EvaluationInput(on: day("2026-03-03"), decision: .trigger), by: "E. Evaluator")
        let history = try store.history(reference)
        #expect(history.map(\.event) == ["recorded", "startEvaluation", "trigger", "evaluationRecorded"])
        #expect(history.map(\.actor) == ["R. Registrar", "E. Evaluator", "E. Evaluator", "E. Evaluator"])
        #expect(history.allSatisfy { $0.at == fixed })
        #expect(history[2].fromState == "underEvaluation" && history[2].toState == "triggered")
    }

    @Test func refusedCommandsLeaveTheStoreUnchanged() throws {
        let temporary = try TemporaryStore()
        let reference = try temporary.store.addConcern(Self.newConcern(), by: "tester").concern.reference
        let before = temporary.bytes()
        let refusals: [() throws -> Void] = [
            { _ = try temporary.store.closeConcern(reference, on: day("2026-03-04"), by: "tester") },
            { _ = try temporary.store.decidePanel(reference, call: true, on: day("2026-03-04"), rationale: "x", by: "tester") },
            { _ = try temporary.store.recordContact(reference, ContactInput(partner: org("NMC"), purpose: .share, on: day("2026-03-04")), by: "tester") },
            { _ = try temporary.store.recordOutcome(reference, type: .noFurtherAction, summary: "x", on: day("2026-03-04"), by: "tester") },
            { _ = try temporary.store.evaluate(reference, EvaluationInput(on: day("2026-03-04"), decision: .notTrigger), by: "tester") },
            { _ = try temporary.store.evaluate("ECP-2099-0001", EvaluationInput(on: day("2026-03-04")), by: "tester") },
            { _ = try temporary.store.addConcern(Self.newConcern("   "), by: "tester") },
            { _ = try temporary.store.addConcern(Self.newConcern(), by: "  ") },
        ]
        for refusal in refusals {
            #expect(throws: (any Error).self) { try refusal() }
            #expect(temporary.bytes() == before)
        }
        #expect(try temporary.store.history(reference).count == 1)
    }

    @Test func aStepThatFailsHalfwayWritesNothing() throws {
        // Triggered → considering partners would be written, then the unknown partner refused:
        // the whole command rolls back.
        let temporary = try TemporaryStore()
        let reference = try temporary.store.addConcern(Self.newConcern(), by: "tester").concern.reference
        _ = try temporary.store.evaluate(reference, EvaluationInput(on: day("2026-03-03"), decision: .trigger), by: "tester")
        let before = try temporary.store.history(reference)
        let error = #expect(throws: NodeError.self) {
            try temporary.store.recordContact(reference, ContactInput(partner: org("NOWHERE"), purpose: .share, on: day("2026-03-04")), by: "tester")
        }
        #expect(error?.code == .unknownOrganisation)
        #expect(try temporary.store.dossier(reference).concern.state == .triggered)
        #expect(try temporary.store.history(reference) == before)
    }

    @Test func missingForeignAndExistingFilesAreRefusedAndLeftAlone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.sqlite").path
        #expect(throws: NodeError.self) { try NodeStore.open(at: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let text = directory.appendingPathComponent("notes.txt").path
        #expect(FileManager.default.createFile(atPath: text, contents: Data("minutes".utf8)))
        #expect((try? NodeStore.open(at: text)) == nil)
        #expect(throws: NodeError.self) { try NodeStore.create(at: text, organisation: org("CQC"), by: "x") }
        #expect(FileManager.default.contents(atPath: text) == Data("minutes".utf8))

        let other = directory.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t(a)") }
        let otherBytes = FileManager.default.contents(atPath: other)
        let error = #expect(throws: NodeError.self) { try NodeStore.open(at: other) }
        #expect(error?.code == .storeForeign)
        #expect(FileManager.default.contents(atPath: other) == otherBytes)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))

        let unknown = directory.appendingPathComponent("x.sqlite").path
        #expect(throws: NodeError.self) { try NodeStore.create(at: unknown, organisation: org("NOWHERE"), by: "x") }
        #expect(!FileManager.default.fileExists(atPath: unknown))
    }

    @Test func referencesAreResolvedByReferenceOrId() throws {
        let temporary = try TemporaryStore()
        let concern = try temporary.store.addConcern(Self.newConcern(), by: "tester").concern
        #expect(try temporary.store.dossier("ecp-2026-0001").concern.id == concern.id)
        #expect(try temporary.store.dossier(concern.id.description).concern.id == concern.id)
        #expect(try temporary.store.dossier(String(concern.id.description.suffix(8))).concern.id == concern.id)
        let error = #expect(throws: NodeError.self) { try temporary.store.dossier("ECP-2026-0099") }
        #expect(error?.code == .notFound)
    }

    @Test func safeguardingIsNeverBlocked() throws {
        let temporary = try TemporaryStore()
        try ReportFixture.build(temporary.store)
        // Closed, not triggered, draft: a flag can be raised on each.
        for reference in ["ECP-2026-0001", "ECP-2026-0002", "ECP-2026-0004"] {
            _ = try temporary.store.raiseSafeguarding(on: reference, NewSafeguardingFlag(raisedOn: day("2026-03-10"), referredTo: org("HWE")), by: "tester")
            #expect(try temporary.store.dossier(reference).isSafeguardingFlagged)
        }
        #expect(try temporary.store.listConcerns().filter(\.safeguarding).count == 3)
    }

    @Test func panelAttendanceNeedsAnInvitationWithNeedToKnow() throws {
        let temporary = try TemporaryStore()
        let reference = try temporary.store.addConcern(Self.newConcern(), by: "tester").concern.reference
        _ = try temporary.store.evaluate(reference, EvaluationInput(on: day("2026-03-03"), decision: .trigger), by: "tester")
        let panel = try requireValue(try temporary.store.decidePanel(reference, call: true, on: day("2026-03-04"), rationale: "x", by: "tester").panel)
        _ = try temporary.store.convenePanel(panel.reference, chair: "Chair", on: day("2026-03-10"), format: nil, by: "tester")
        #expect(try temporary.store.panel(panel.reference).agendaSource?.contains("not the official ECP Annex F") == true)
        #expect(throws: NodeError.self) {
            try temporary.store.recordAttendance(at: panel.reference, org: org("NMC"), person: "Stranger", attendance: .attended, by: "tester")
        }
        #expect(throws: NodeError.self) {
            try temporary.store.invite(Invitee(org: org("NMC"), person: "Case officer", role: "FtP", needToKnow: " "), to: panel.reference, by: "tester")
        }
        _ = try temporary.store.invite(Invitee(org: org("NMC"), person: "Case officer", role: "FtP", needToKnow: "Named nurse"), to: panel.reference, by: "tester")
        let held = try temporary.store.recordAttendance(at: panel.reference, org: org("NMC"), person: "case officer", attendance: .attended, by: "tester")
        #expect(held.state == .held)
        #expect(held.attendingOrganisations == [org("NMC")])
        // The outcome waits for nothing but the panel having met; distribution needs the secretariat.
        _ = try temporary.store.draftMinutes("Minutes", for: panel.reference, by: "tester")
        _ = try temporary.store.agreeMinutes(for: panel.reference, on: day("2026-03-11"), by: "tester")
        #expect(throws: NodeError.self) {
            try temporary.store.distributePanelRecord(panel.reference, to: [org("NMC")], on: day("2026-03-12"), by: "tester")
        }
        let distributed = try temporary.store.distributePanelRecord(panel.reference, to: nil, on: day("2026-03-12"), by: "tester")
        #expect(distributed.recordSharedWith == [org("HSCRF"), org("NMC")])
    }
}
