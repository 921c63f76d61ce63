import Foundation
import TriangulateHub
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// The figures of issue 17, item 5: matching tokens on the hub.
struct MatchFigures: Encodable {
    /// Tokens and organisations matched, and the groups at quorum found.
    var tokens: Int
    var organisations: Int
    var matchedGroups: Int
    /// Matching every token held (`TokenMatcher.standing`), best of the repeats.
    var matchAll: Figure
    /// A publication that completes a quorum, through a triangulate-hub process whose SQLite
    /// store holds the tokens: from the publication's request leaving its node to the other
    /// node's long poll of its alerts returning with the alert (p50 and worst of the rounds).
    var publicationToAlertP50: Figure
    var publicationToAlertWorst: Figure
    var rounds: Int
    /// Loading the tokens into the hub's store, one publication per organisation (setup, not a target).
    var loadSeconds: Double
}

/// Matches `organisations × tokensPerOrganisation` tokens: in memory, then through a hub
/// process holding them all.
struct MatchBenchmarks {
    let organisations: Int
    let tokensPerOrganisation: Int
    let repeats: Int
    let seed: UInt64

    func run() async throws -> MatchFigures {
        let window = MatchWindow.index(of: LondonMoment(Date()).date, days: MatchWindow.defaultDays)
        var random = SeededGenerator(seed: seed)
        // A universe ten times the tokens: most subjects concern one organisation, as in life.
        let universe = organisations * tokensPerOrganisation * 10
        progress("(match) making \(organisations) organisations' \(tokensPerOrganisation) tokens each")
        var publications: [[MatchToken]] = []
        for _ in 0..<organisations {
            var values = Set<Int>()
            while values.count < tokensPerOrganisation { values.insert(Int.random(in: 0..<universe, using: &random)) }
            publications.append(values.map { MatchToken(kind: .location, window: window + $0 % 2, value: Self.value($0)) })
        }
        let entries = publications.enumerated().flatMap { index, tokens in
            tokens.map { TokenMatcher.Entry(organisation: "ORG\(index)", kind: $0.kind, key: TokenMatcher.Key(window: $0.window, value: $0.value)) }
        }
        var best = Double.infinity
        var groups = 0
        for round in 0..<repeats {
            progress("(match) matching \(entries.count) tokens in memory, round \(round + 1) of \(repeats)")
            let start = ContinuousClock.now
            let standing = TokenMatcher.standing(entries, quorum: 2)
            best = min(best, (ContinuousClock.now - start).seconds)
            groups = Set(standing.map(\.key)).count
        }
        let (samples, load) = try await latency(publications, window: window)
        let sorted = samples.sorted()
        return MatchFigures(
            tokens: entries.count, organisations: organisations, matchedGroups: groups,
            matchAll: .atMost(best, 1, "s", digits: 1000),
            publicationToAlertP50: .atMost(sorted[sorted.count / 2], 1000, "ms"),
            publicationToAlertWorst: .atMost(sorted.last ?? 0, 1000, "ms"),
            rounds: sorted.count, loadSeconds: (load * 10).rounded() / 10)
    }

    /// A token value from a number: 32 hex digits.
    static func value(_ number: Int) -> String {
        let bits = UInt64(bitPattern: Int64(number))
        return String(format: "%016llx%016llx", bits, bits &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Loads every publication into a hub store, starts a hub process on it, and times rounds in
    /// which one organisation holds a token alone, waits for alerts, and another publishes it.
    private func latency(_ publications: [[MatchToken]], window: Int) async throws -> (samples: [Double], load: Double) {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hub.sqlite").path
            let store = try SQLiteHubStore(path: path)
            let hub = Hub(store: store)
            var tokens: [(String, String)] = []
            for index in 0..<publications.count {
                let token = try await hub.addOrganisation(code: "ORG\(index)", name: "ORG\(index)", role: "signatory")
                if index < 2 { tokens.append(("ORG\(index)", token)) }
            }
            let loadStart = ContinuousClock.now
            for (index, publication) in publications.enumerated() {
                if index % 500 == 0 { progress("(match) loading the hub's store: organisation \(index) of \(publications.count)") }
                _ = try await store.publishTokens(publication, by: "ORG\(index)", quorum: 2, at: Date())
            }
            let load = (ContinuousClock.now - loadStart).seconds
            let server = try HubProcess(arguments: ["--store", path])
            defer { server.stop() }
            let nodes = try await BenchNode.enrol(tokens, through: [server.url])
            defer { Task { try? await BenchNode.shutdown(nodes) } }
            let (holder, completer) = (nodes[0], nodes[1])
            var samples: [Double] = []
            for round in 0..<(repeats * 5) {
                progress("(match) a publication completing a quorum, round \(round + 1) of \(repeats * 5)")
                let fresh = MatchToken(kind: .provider, window: window, value: Self.value(-1 - round))
                _ = try await holder.client.send("POST", "/v1/match/tokens", body: MatchPublication(windowDays: 90, tokens: publications[0] + [fresh]),
                                                 as: MatchAlertsPage.self)
                let before = try await holder.puller.send("GET", "/v1/match/alerts", as: MatchAlertsPage.self).alerts
                    .filter { $0.token == fresh.value }.count
                guard before == 0 else { throw BenchError("the token was matched before the round began") }
                let poll = Task {
                    while true {
                        let page = try await holder.puller.send("GET", "/v1/match/alerts", query: "wait=10", as: MatchAlertsPage.self)
                        if page.alerts.contains(where: { $0.token == fresh.value && $0.state == .open }) { return ContinuousClock.now }
                    }
                }
                try await Task.sleep(for: .milliseconds(50))  // the poll is waiting at the hub
                let sent = ContinuousClock.now
                _ = try await completer.client.send("POST", "/v1/match/tokens", body: MatchPublication(windowDays: 90, tokens: publications[1] + [fresh]),
                                                    as: MatchAlertsPage.self)
                let arrived = try await poll.value
                samples.append((arrived - sent).seconds * 1000)
            }
            return (samples, load)
        }
    }
}
