import Foundation
import Testing
import TriangulateHub
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// Matching on the hub (issue 17, items 2, 3 and 6): the stores' incremental matching against a
/// reference model over thousands of random publications, suspensions and reinstatements, on
/// every store; and the allowance that refuses bursts, scans and closed windows, logged.
@Suite("Matching on the hub")
struct MatchingTests {
    /// A random token value.
    static func value(_ generator: inout SeededGenerator) -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A hub on `store` with allowances too large to matter, and `organisations` added.
    static func hub(_ store: any HubStore, quorum: Int = 2, organisations: [String], settings: MatchSettings? = nil) async throws -> Hub {
        let hub = Hub(store: store, matching: settings ?? MatchSettings(quorum: quorum, publicationsPerHour: 1_000_000, newTokensPerDay: 1_000_000))
        for code in organisations { _ = try await hub.addOrganisation(code: code, name: code, role: "signatory") }
        return hub
    }

    /// A window and value, and whether two alerts are about the same one.
    struct Slot: Hashable { let window: Int; let value: String }

    @Test(arguments: HubStoreConformanceTests.stores)
    func incrementalMatchingAgreesWithTheReferenceModel(_ factory: HubStoreConformanceTests.Factory) async throws {
        let seeds: Range<UInt64> = switch factory.name {
        case "SQLite in memory": 0..<150
        default: 0..<8
        }
        var checked = 0
        for seed in seeds {
            var random = SeededGenerator(seed: seed)
            let organisations = (0..<Int.random(in: 3...6, using: &random)).map { "ORG\($0)" }
            let quorum = Int.random(in: 2...3, using: &random)
            let store = try await factory.make()
            let hub = try await Self.hub(store, quorum: quorum, organisations: organisations)
            let window = hub.currentMatchWindow
            let universe = (0..<5).map { _ in Self.value(&random) }.flatMap { value in (window - 1...window + 1).map { Slot(window: $0, value: value) } }
            var held: [String: Set<Slot>] = [:]
            var active = Set(organisations)
            for step in 0..<25 {
                let organisation = organisations.randomElement(using: &random)!
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<7 where active.contains(organisation):
                    let tokens = universe.filter { _ in Int.random(in: 0..<10, using: &random) < 3 }
                    _ = try await hub.publish(MatchPublication(windowDays: 90, tokens: tokens.map {
                        MatchToken(kind: .location, window: $0.window, value: $0.value, count: Int.random(in: 1...3, using: &random))
                    }), from: organisation)
                    held[organisation] = Set(tokens)
                case 7..<9:
                    try await hub.setStatus(of: organisation, to: "suspended")
                    active.remove(organisation)
                default:
                    try await hub.setStatus(of: organisation, to: "active")
                    active.insert(organisation)
                }
                // The reference: every active holder of a slot held by at least the quorum of
                // active organisations has an open alert with the others' count; nobody else.
                for code in organisations {
                    var expected: [Slot: Int] = [:]
                    if active.contains(code) {
                        for slot in held[code] ?? [] {
                            let holders = organisations.filter { active.contains($0) && held[$0]?.contains(slot) == true }.count
                            if holders >= quorum { expected[slot] = holders - 1 }
                        }
                    }
                    let open = try await store.matchAlerts(for: code).filter { $0.state == .open }
                    let actual = Dictionary(open.map { (Slot(window: $0.window, value: $0.token), $0.others) }) { first, _ in first }
                    #expect(open.count == actual.count, "seed \(seed) step \(step): \(code) has two alerts for one token")
                    #expect(actual == expected, "seed \(seed) step \(step): \(code)'s open alerts differ from the model")
                    checked += 1
                }
            }
            if seed % 50 == 0 { #expect(try await AuditVerifier(store: store).verify().ok, "seed \(seed)") }
        }
        #expect(checked > 0)
    }

    @Test func burstsScansAndClosedWindowsAreRefusedAndLogged() async throws {
        let store = try SQLiteHubStore.inMemory()
        let hub = try await Self.hub(store, organisations: ["CQC", "NMC"],
                                     settings: MatchSettings(maximumTokens: 50, publicationsPerHour: 3, newTokensPerDay: 20))
        var random = SeededGenerator(seed: 7)
        let window = hub.currentMatchWindow
        func tokens(_ count: Int, window: Int? = nil) -> [MatchToken] {
            (0..<count).map { _ in MatchToken(kind: .provider, window: window ?? hub.currentMatchWindow, value: Self.value(&random)) }
        }
        func refusal(_ publication: MatchPublication, from organisation: String = "CQC") async -> HubError? {
            do {
                _ = try await hub.publish(publication, from: organisation)
                return nil
            } catch {
                return error as? HubError
            }
        }
        // A scan: more new tokens in a day than allowed.
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: tokens(21)))?.code == .tooManyRequests)
        let first = tokens(15)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: first)) == nil)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: first + tokens(6)))?.code == .tooManyRequests, "15 + 6 new in a day")
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: first + tokens(5))) == nil, "15 + 5 new in a day")
        // A burst: a fourth publication in the hour.
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: first)) == nil)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: first))?.code == .tooManyRequests)
        // Closed or unopened windows, another window length, too many tokens, a malformed token.
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: tokens(1, window: window - 2)), from: "NMC")?.code == .invalidRequest)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: tokens(1, window: window + 2)), from: "NMC")?.code == .invalidRequest)
        #expect(await refusal(MatchPublication(windowDays: 30, tokens: tokens(1)), from: "NMC")?.code == .invalidRequest)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: tokens(51)), from: "NMC")?.code == .payloadTooLarge)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: [MatchToken(kind: .brand, window: window, value: "1-200000001")]), from: "NMC")?.code == .invalidRequest)
        let duplicate = tokens(1)
        #expect(await refusal(MatchPublication(windowDays: 90, tokens: duplicate + duplicate), from: "NMC")?.code == .invalidRequest)
        // Each refusal is in the log, with its code and never a token.
        let entries = try await store.auditEntries(from: 0, limit: 1_000).map { try AuditEntry(decoding: $0.entry) }
        let refused = entries.filter { $0.event == "refused" && $0.detail?["kind"] == "match" }
        #expect(refused.count == 9)
        #expect(refused.filter { $0.detail?["code"] == "rate-limited" }.count == 3)
        #expect(entries.filter { $0.event == "match-tokens" }.count == 3)
        let log = entries.map { String(decoding: try! WireJSON.encoder().encode($0), as: UTF8.self) }.joined()
        #expect(!first.contains { log.contains($0.value) }, "a token is in the audit log")
    }

    @Test func aSuspendedOrganisationsTokensStopMatchingAndAnswersAreTheirOwn() async throws {
        let store = try SQLiteHubStore.inMemory()
        let hub = try await Self.hub(store, organisations: ["CQC", "NMC", "GMC"])
        let token = MatchToken(kind: .location, window: hub.currentMatchWindow, value: String(repeating: "ab", count: 16))
        _ = try await hub.publish(MatchPublication(windowDays: 90, tokens: [token]), from: "CQC")
        let page = try await hub.publish(MatchPublication(windowDays: 90, tokens: [token]), from: "NMC")
        #expect(page.alerts.map(\.others) == [1] && page.alerts.first?.state == .open)
        try await hub.setStatus(of: "NMC", to: "suspended")
        #expect(try await hub.matchAlerts(for: "CQC").alerts.map(\.state) == [.lapsed])
        try await hub.setStatus(of: "NMC", to: "active")
        let cqc = try await hub.matchAlerts(for: "CQC").alerts
        #expect(cqc.map(\.state) == [.open])
        // An organisation answers only its own alerts; GMC holds none.
        await #expect(throws: HubError.self) { _ = try await hub.answer(MatchConsentRequest(alert: cqc[0].id, consent: .reveal), from: "GMC") }
        let nmc = try await hub.matchAlerts(for: "NMC").alerts[0]
        _ = try await hub.answer(MatchConsentRequest(alert: nmc.id, consent: .decline), from: "NMC")
        _ = try await hub.answer(MatchConsentRequest(alert: cqc[0].id, consent: .ask), from: "CQC")
        #expect(try await hub.matchAlerts(for: "CQC").alerts[0].introduced == [], "NMC declined")
        _ = try await hub.answer(MatchConsentRequest(alert: nmc.id, consent: .reveal), from: "NMC")
        #expect(try await hub.matchAlerts(for: "CQC").alerts[0].introduced == ["NMC"])
        await #expect(throws: HubError.self) { _ = try await hub.answer(MatchConsentRequest(alert: nmc.id, consent: .decline), from: "NMC") }
        let stats = try await hub.matchStatistics(from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(60))
        #expect(stats.matches == ["location": 1] && stats.alerts == ["location": 2] && stats.tokensHeld == 2 && stats.publishers == 2)
    }
}
