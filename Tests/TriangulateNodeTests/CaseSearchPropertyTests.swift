import Foundation
import Testing
import TriangulateModel
import TriangulateNode
import TriangulateSync

/// The search index (FTS5, kept by triggers) against the rule it serves (`CaseQuery.matches`,
/// pure): over random cases, titles, locations, corrections and queries, searching through the
/// index gives exactly the cases the rule gives over every case.
@Suite("Case search")
struct CaseSearchPropertyTests {
    static let vocabulary = ["night", "staffing", "Oaktrees", "élan", "medicines", "home", "care", "falls", "late-night", "ECP", "2026",
                             "rotas", "Staff", "café", "nurse", "GP"]

    @Test(arguments: 0..<12)
    func searchThroughTheIndexGivesWhatTheRuleGives(seed: UInt64) throws {
        var random = SeededGenerator(seed: 0x5EA2C4 &+ seed)
        let temporary = try TemporaryStore()
        let store = temporary.store
        let today = store.today
        func words(_ count: Int) -> String {
            (0..<count).map { _ in Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))] }.joined(separator: " ")
        }
        func location() -> String { "1-\(100_000_000 + Int(random.next() % 40))" }
        var ids: [String] = []
        for _ in 0..<(8 + Int(random.next() % 12)) {
            let subjects: [Subject] = random.next() % 4 == 0 ? [] : [.location(id: try CQCIdentifier(parsing: location()), name: words(1))]
            let dossier = try store.addConcern(NewConcern(category: .systems, setting: .health, title: words(1 + Int(random.next() % 4)),
                                                          summary: "s", identifiedOn: today, source: Source(type: .complaint),
                                                          subjects: subjects), by: "tester")
            ids.append(dossier.concern.id.description)
        }
        _ = try store.openEscalation(NewEscalation(concernType: .culture, organisations: [words(2), location()], title: words(3),
                                                   summary: "s", systemic: true, nearlyNeverEvent: false, identifiedOn: today,
                                                   safeguardingConsidered: true), by: "tester")
        // Corrections change titles after the fact: the index follows.
        for _ in 0..<3 {
            let id = ids[Int(random.next() % UInt64(ids.count))]
            let title = words(2)
            if (try? store.caseDetail(id: id).summary.title) != title {
                _ = try store.correct("concern.title", on: id, to: title, reason: "typo", by: "tester")
            }
        }
        let everything = try store.cases()
        for _ in 0..<60 {
            var query = CaseQuery()
            let pick = random.next() % 4
            if pick != 1 {
                let word = Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))]
                query.words = String(word.prefix(1 + Int(random.next() % UInt64(word.count))))
                if random.next() % 3 == 0 { query.words! += " " + words(1).prefix(2) }
            }
            if pick != 0 {
                let identifier = random.next() % 5 == 0 ? words(1) : location()
                query.identifier = String(identifier.prefix(2 + Int(random.next() % UInt64(identifier.count - 1))))
            }
            let throughIndex = try store.cases(matching: query).map(\.id)
            let byRule = query.results(everything).map(\.id)
            #expect(throughIndex == byRule, "seed \(seed): \(query)")
        }
    }

    @Test func knownAnswers() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let today = store.today
        let oaktrees = try store.addConcern(NewConcern(category: .systems, setting: .health, title: "Night staffing at Oaktrees",
                                                       summary: "s", identifiedOn: today, source: Source(type: .complaint),
                                                       subjects: [.location(id: try CQCIdentifier(parsing: "1-134558905"), name: "Oaktrees")]),
                                            by: "tester").concern
        _ = try store.addConcern(NewConcern(category: .systems, setting: .health, title: "Medicines at Elm House", summary: "s",
                                            identifiedOn: today, source: Source(type: .complaint), subjects: []), by: "tester")
        #expect(try store.cases(matching: CaseQuery(identifier: "1-134558905")).map(\.id) == [oaktrees.id.description])
        #expect(try store.cases(matching: CaseQuery(identifier: "1-1345")).count == 1, "an id's beginning finds it")
        #expect(try store.cases(matching: CaseQuery(identifier: "134558905")).isEmpty, "the middle of an id does not")
        #expect(try store.cases(matching: CaseQuery(words: "NIGHT oak")).map(\.reference) == [oaktrees.reference])
        #expect(try store.cases(matching: CaseQuery(words: oaktrees.reference.lowercased())).count == 1)
        #expect(try store.cases(matching: CaseQuery(words: "staff medicines")).isEmpty)
        #expect(try store.cases(matching: CaseQuery(words: "\"*) OR (")).isEmpty, "query syntax typed is only words")
    }
}
