import Foundation
import GRDB
import TriangulateModel
import TriangulateNode
import TriangulateSync

/// The figures of issue 12: the worklist (`triangulate due`) on a store with many open cases of
/// every process.
struct WorklistFigures: Encodable {
    /// Open cases in the store, of every process.
    var openCases: Int
    /// Of them, ECP concerns, each with an open information request and an open action.
    var openConcerns: Int
    /// And Healthwatch escalations, each waiting for a response at its first stage.
    var openEscalations: Int
    /// Entries the worklist returned.
    var entries: Int
    /// One worklist, read and ordered (best of the repeats).
    var worklist: Figure
}

/// Builds a node store with `cases` open cases — four fifths ECP concerns, one fifth
/// Healthwatch escalations; one of each made through the node's services, the rest copies of its rows with
/// their own ids, references and due dates spread over four months — and times
/// `NodeStore.worklist` on it, across both processes.
struct WorklistBenchmarks {
    let cases: Int
    let repeats: Int
    let seed: UInt64

    func run() throws -> WorklistFigures {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-bench-worklist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("node.sqlite").path
        let store = try NodeStore.create(at: path, organisation: try OrganisationCode(parsing: "CQC"), by: "bench")
        let asOf = try LocalDate(parsing: "2026-06-15")
        let (concern, escalation) = try makeTemplates(in: store, asOf: asOf, subjects: [])
        progress("(worklist) copying the template concern \(concerns - 1) times and the template escalation \(escalations - 1) times")
        try copyTemplate(concern.id.description, escalation: escalation.id.description, into: path, asOf: asOf)

        var best = Duration.seconds(3_600)
        var entries = 0
        for _ in 0..<repeats {
            let elapsed = try measure { entries = try store.worklist(asOf: asOf, nation: .englandAndWales).count }
            best = min(best, elapsed)
        }
        let milliseconds = Double(best.components.seconds) * 1_000 + Double(best.components.attoseconds) / 1e15
        progress("(worklist) \(entries) entries from \(cases) open cases in \(milliseconds) ms")
        return WorklistFigures(openCases: concerns + escalations, openConcerns: concerns, openEscalations: escalations, entries: entries,
                               worklist: .atMost(milliseconds, 50, "ms"))
    }

    /// The template concern (about `subjects`, with an open request and an open action) and the
    /// template escalation (raised at its first stage), made through the node's services.
    func makeTemplates(in store: NodeStore, asOf: LocalDate, subjects: [Subject]) throws -> (concern: Concern, escalation: EscalationCase) {
        let concern = try store.addConcern(NewConcern(category: .systems, setting: .nursingHome, title: "Template", summary: "s",
                                                      identifiedOn: asOf, source: Source(type: .complaint), subjects: subjects), by: "bench").concern
        _ = try store.evaluate(concern.reference, EvaluationInput(on: asOf, decision: .trigger), by: "bench")
        _ = try store.addRequest(concern.reference, RequestInput(direction: .outgoing, counterpart: try OrganisationCode(parsing: "NMC"),
                                                                 question: "q", on: asOf, dueBy: asOf), by: "bench")
        _ = try store.addAction(concern.reference, ActionInput(ownerOrg: try OrganisationCode(parsing: "GMC"), summary: "a", agreedOn: asOf,
                                                               dueBy: asOf), by: "bench")
        let escalation = try store.openEscalation(NewEscalation(concernType: .patientSafety, organisations: ["Template"], title: "Template",
                                                                summary: "s", systemic: true, nearlyNeverEvent: false, identifiedOn: asOf,
                                                                safeguardingConsidered: true), by: "bench").escalation
        _ = try store.raiseEscalation(escalation.reference, stage: nil, with: "the provider", copiedTo: nil, on: asOf, by: "bench")
        return (concern, escalation)
    }

    /// Open escalations: a fifth of the cases, at least one.
    var escalations: Int { max(1, cases / 5) }
    /// Open concerns: the rest, at least one.
    var concerns: Int { max(1, cases - escalations) }

    /// Copies the template concern (with `varying`'s columns for copy n), its request and its action `concerns - 1` times, and the
    /// template escalation and its stage `escalations - 1` times, in one
    /// transaction, each with fresh ids and references and due dates from 60 days before `asOf`
    /// to 60 days after.
    func copyTemplate(_ concernID: String, escalation escalationID: String, into path: String, asOf: LocalDate,
                      varying: (Int) -> [String: any DatabaseValueConvertible] = { _ in [:] }) throws {
        var random = SeededGenerator(seed: seed)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { db in
            func columns(_ table: String) throws -> [String] { try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")").map { $0["name"] } }
            func copy(_ table: String, where key: String, _ value: String, replacing: [String: any DatabaseValueConvertible]) throws {
                let names = try columns(table)
                let selected = names.map { replacing[$0] == nil ? "\"\($0)\"" : "?" }
                let arguments = names.compactMap { replacing[$0] } + [value]
                try db.execute(sql: "INSERT INTO \"\(table)\" (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) SELECT \(selected.joined(separator: ", ")) FROM \"\(table)\" WHERE \"\(key)\" = ?",
                               arguments: StatementArguments(arguments))
            }
            for index in 1..<concerns {
                let newConcern = UUID().uuidString.lowercased()
                let reference = String(format: "ECP-2026-%06d", index + 1)
                try copy("concern", where: "id", concernID,
                         replacing: ["id": newConcern, "reference": reference].merging(varying(index)) { $1 })
                try copy("informationRequest", where: "concernId", concernID,
                         replacing: ["id": UUID().uuidString.lowercased(), "reference": reference + "/R1", "concernId": newConcern,
                                     "dueBy": asOf.adding(days: Int(random.next() % 121) - 60)!.description])
                try copy("action", where: "concernId", concernID,
                         replacing: ["id": UUID().uuidString.lowercased(), "reference": reference + "/A1", "concernId": newConcern,
                                     "dueBy": asOf.adding(days: Int(random.next() % 121) - 60)!.description])
            }
            for index in 1..<escalations {
                let newEscalation = UUID().uuidString.lowercased()
                try copy("hweCase", where: "id", escalationID, replacing: ["id": newEscalation, "reference": String(format: "HWE-2026-%06d", index + 1)])
                try copy("hweStage", where: "caseId", escalationID,
                         replacing: ["caseId": newEscalation, "raisedOn": asOf.adding(days: Int(random.next() % 61) - 45)!.description])
            }
        }
        // Into the main file, as a store in use is checkpointed as it goes.
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
