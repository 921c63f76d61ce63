import Crypto
import Foundation
import Testing
import TriangulateModel
import TriangulateProtocol

/// Triangulation without pooling through a real hub (issue 17, items 1–3 and 6): five
/// organisations, three of them holding concerns about two locations of one provider within
/// the window; alerts reach exactly those three, by location and by provider; an unrelated
/// location and a concern outside the window raise none; introductions happen only with
/// consent; a case taken out of the protocol stops matching; and the hub's files and log hold no
/// identifier in any form that can be reversed or tested without the network key.
@Suite("Triangulation without pooling")
struct TriangulationTests {
    static let organisations = ["CQC", "NMC", "GMC", "LGSCO", "PHSO"]
    static let register = ProviderRegisterTests.directory(produced: "05 January 2026", [
        ProviderRegisterTests.row("Oaktrees Care Home", location: "1-100000001", provider: "1-200000001", providerName: "Oak Care Ltd", postcode: "L34 1AA"),
        ProviderRegisterTests.row("Elm House", location: "1-100000002", provider: "1-200000001", providerName: "Oak Care Ltd", postcode: "L34 2BB"),
        ProviderRegisterTests.row("Ash Lodge", location: "1-100000003", provider: "1-200000003", providerName: "Ash Ltd", postcode: "L35 3CC"),
    ])

    /// The day `days` before today, as the command line takes it.
    static func daysAgo(_ days: Int) -> String { LondonMoment(Date()).date.adding(days: -days)!.description }

    /// Adds a concern about `subjects` identified `days` ago.
    static func concern(_ exchange: Exchange, _ org: String, daysAgo days: Int, _ subjects: String...) throws {
        try exchange.ok(org, ["concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Care at the home",
                              "--summary", "Reports of poor care", "--source", "complaint", "--identified", daysAgo(days)]
                        + subjects.flatMap { ["--subject", $0] })
    }

    /// The open alerts of a node by subject, with their others' count and id.
    static func alerts(_ exchange: Exchange, _ org: String) throws -> [String: (others: Int, id: String, alert: [String: Any])] {
        var found: [String: (others: Int, id: String, alert: [String: Any])] = [:]
        for entry in try exchange.ok(org, "match", "alerts").array {
            guard let subject = entry["subject"] as? String, let others = entry["others"] as? Int, let id = entry["id"] as? String else { continue }
            #expect(found[subject] == nil, "two alerts about \(subject)")
            found[subject] = (others, id, entry)
        }
        return found
    }

    func syncAll(_ exchange: Exchange, rounds: Int = 2) throws {
        for _ in 0..<rounds { for org in Self.organisations { try exchange.ok(org, "sync") } }
    }

    @Test func overlappingConcernsAlertExactlyTheirHoldersAndNobodyLearnsWhatOthersHold() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC", "GMC", "LGSCO", "PHSO")
        let keyFile = exchange.directory.appendingPathComponent("network.key").path
        let generated = try exchange.ok("CQC", "match", "key", "generate", "--out", keyFile).object
        let fingerprint = try #require(generated["fingerprint"] as? String)
        let registerFile = exchange.directory.appendingPathComponent("register.csv")
        try Self.register.write(to: registerFile)
        for org in Self.organisations {
            if org != "CQC" { #expect(try exchange.ok(org, "match", "key", "import", keyFile).object["fingerprint"] as? String == fingerprint) }
            try exchange.ok(org, "provider", "import", registerFile.path)
        }
        // Three concerns about two locations of one provider within the window; the same
        // nurse named twice; an unrelated location; the same location, but long ago.
        try Self.concern(exchange, "CQC", daysAgo: 10, "location:1-100000001:Oaktrees", "professional:NMC:12A3456B:Nurse X")
        try Self.concern(exchange, "NMC", daysAgo: 20, "location:1-100000001:Oaktrees Care Home", "professional:NMC:12a 3456b:X")
        try Self.concern(exchange, "GMC", daysAgo: 5, "location:1-100000002:Elm House")
        try Self.concern(exchange, "LGSCO", daysAgo: 3, "location:1-100000003:Ash Lodge")
        try Self.concern(exchange, "PHSO", daysAgo: 400, "location:1-100000001:Oaktrees")
        try syncAll(exchange)

        let cqc = try Self.alerts(exchange, "CQC"), nmc = try Self.alerts(exchange, "NMC"), gmc = try Self.alerts(exchange, "GMC")
        #expect(Set(cqc.keys) == ["location 1-100000001", "provider 1-200000001", "NMC registrant 12A3456B"])
        #expect(Set(nmc.keys) == Set(cqc.keys), "the same nurse, typed differently, gives the same token")
        #expect(Set(gmc.keys) == ["provider 1-200000001"])
        #expect(cqc["provider 1-200000001"]?.others == 2 && cqc["location 1-100000001"]?.others == 1 && gmc["provider 1-200000001"]?.others == 2)
        #expect(try Self.alerts(exchange, "LGSCO").isEmpty, "an unrelated location raised an alert")
        #expect(try Self.alerts(exchange, "PHSO").isEmpty, "a concern outside the window raised an alert")
        let shown = try exchange.ok("CQC", "match", "alerts").array.first { ($0["subject"] as? String) == "provider 1-200000001" }
        #expect((shown?["cases"] as? [[String: Any]])?.compactMap { $0["reference"] as? String } == ["ECP-2026-0001"], "the alert names the node's own case")
        let alertText = try #require((shown?["alerts"] as? [[String: Any]]).map { String(describing: $0) })
        for org in Self.organisations where org != "CQC" { #expect(!alertText.contains(org), "the alert names \(org)") }

        // Introductions only with consent: CQC asks, NMC agrees, GMC declines.
        let asked = try exchange.ok("CQC", "match", "ask", try #require(cqc["provider 1-200000001"]?.id)).object
        #expect(asked["introduced"] as? [String] == [])
        try exchange.ok("NMC", "sync")
        try exchange.ok("GMC", "sync")
        let requested = try Self.alerts(exchange, "GMC")["provider 1-200000001"]?.alert["introductionRequested"] as? Bool
        #expect(requested == true)
        try exchange.ok("GMC", "match", "decline", try #require(gmc["provider 1-200000001"]?.id))
        let revealed = try exchange.ok("NMC", "match", "reveal", try #require(nmc["provider 1-200000001"]?.id)).object
        #expect(revealed["introduced"] as? [String] == ["CQC"])
        try exchange.ok("CQC", "sync")
        #expect(try Self.alerts(exchange, "CQC")["provider 1-200000001"]?.alert["introduced"] as? [String] == ["NMC"])
        try exchange.ok("GMC", "sync")
        #expect(try Self.alerts(exchange, "GMC")["provider 1-200000001"]?.alert["introduced"] as? [String] == [], "a decliner learns nobody")
        let declinedAgain = try exchange.node("GMC", "match", "reveal", try #require(gmc["provider 1-200000001"]?.id))
        #expect(declinedAgain.status == 0, "a decliner may still agree later: \(declinedAgain.stderr)")

        // NMC takes its case out of the protocol: its tokens stop matching.
        try exchange.ok("NMC", "concern", "evaluate", "ECP-2026-0001", "--decision", "not-trigger", "--rationale", "Handled in fitness to practise",
                        "--route", "NMC fitness to practise")
        try syncAll(exchange)
        let after = try Self.alerts(exchange, "CQC")
        #expect(after["location 1-100000001"] == nil && after["NMC registrant 12A3456B"] == nil)
        #expect(after["provider 1-200000001"]?.others == 1, "only GMC still matches on the provider")
        #expect(try Self.alerts(exchange, "NMC").isEmpty)

        // A new key, taking effect in a later window, leaves the current windows' matches as they are.
        let nextKey = exchange.directory.appendingPathComponent("next.key").path
        try exchange.ok("GMC", "match", "key", "generate", "--out", nextKey, "--from", Self.daysAgo(-400))
        for org in Self.organisations where org != "GMC" { try exchange.ok(org, "match", "key", "import", nextKey, "--from", Self.daysAgo(-400)) }
        #expect(try exchange.ok("CQC", "match", "key", "list").array.count == 2)
        try syncAll(exchange, rounds: 1)
        #expect(try Self.alerts(exchange, "CQC")["provider 1-200000001"]?.others == 1)
        let damaged = exchange.directory.appendingPathComponent("damaged.key")
        try Data(String(decoding: try Data(contentsOf: URL(fileURLWithPath: nextKey)), as: UTF8.self)
            .replacingOccurrences(of: "\"fingerprint\":\"", with: "\"fingerprint\":\"0").utf8).write(to: damaged)
        let refused = try exchange.node("PHSO", "match", "key", "import", damaged.path)
        #expect(refused.status != 0 && refused.stderr.contains("damaged"), "\(refused.stderr)")

        // The hub counts without learning subjects.
        let stats = try exchange.operator_("match", "stats").object
        #expect(((stats["alerts"] as? [String: Int]) ?? [:]).values.reduce(0, +) >= 7)

        // The hub's files and log: no identifier, no unkeyed hash of one, only keyed tokens.
        var hubBytes = Data()
        for name in ["hub.sqlite", "hub.sqlite-wal", "hub.log"] {
            hubBytes.append(FileManager.default.contents(atPath: exchange.directory.appendingPathComponent(name).path) ?? Data())
        }
        #expect(hubBytes.count > 10_000)
        let key = try MatchKeyFile.decode(path: keyFile)
        let window = MatchWindow.index(of: LondonMoment(Date()).date, days: MatchWindow.defaultDays)
        let subjects: [MatchSubject] = [.location("1-100000001"), .location("1-100000002"), .location("1-100000003"), .provider("1-200000001"),
                                        .provider("1-200000003"), .professional(register: "NMC", number: "12A3456B")]
        for subject in subjects {
            for form in [subject.canonical, subject.canonical.lowercased(), Self.sha256(subject.canonical), Self.sha256("\(subject.kind.rawValue)|\(subject.canonical)")] {
                #expect(hubBytes.range(of: Data(form.utf8)) == nil, "the hub holds \(form)")
            }
            // Tokens under another key are not there; GMC's provider token under the network key is.
            #expect(hubBytes.range(of: Data(MatchKey.generate().token(of: subject, window: window, days: 90).utf8)) == nil)
        }
        let providerTokens = [window - 1, window, window + 1].map { key.token(of: .provider("1-200000001"), window: $0, days: 90) }
        #expect(providerTokens.contains { hubBytes.range(of: Data($0.utf8)) != nil }, "the provider's keyed token should be on the hub")
        for org in ["LGSCO", "PHSO", "GMC"] {
            #expect(!exchange.files(of: org, contain: "12A3456B"), "\(org) learnt the nurse's registration")
        }
    }

    static func sha256(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }
}

extension MatchKeyFile {
    /// The key in the file at `path`.
    static func decode(path: String) throws -> MatchKey {
        try WireJSON.decoder().decode(MatchKeyFile.self, from: Data(contentsOf: URL(fileURLWithPath: path))).key()
    }
}
