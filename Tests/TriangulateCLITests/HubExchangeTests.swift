import TriangulateModel
import Foundation
import Testing
import TriangulateProtocol

/// The exchange end to end: a real hub process and four real node stores (CQC, NMC, GMC, LGSCO)
/// driven through the built executables, checked on the bytes of the recipients' files.
@Suite("Hub exchange end to end", .serialized)
struct HubExchangeTests {
    /// The hub stores the exchange runs on: SQLite always, PostgreSQL when a server is given.
    static let stores = ["SQLite"] + (Exchange.postgresServer == nil ? [] : ["PostgreSQL"])

    @Test(arguments: stores)
    func needToKnowCoEditingAndRevocation(_ store: String) async throws {
        let exchange = store == "PostgreSQL" ? try await Exchange.onPostgres(Exchange.postgresServer!) : try Exchange()
        try exchange.join("CQC", "NMC", "GMC", "LGSCO")
        let marker = "MARKER-\(UUID().uuidString)"

        // CQC records a concern and shares its summary with NMC and GMC only.
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing \(marker)",
                        "--summary", "One nurse for forty residents \(marker)", "--source", "whistleblower",
                        "--subject", "location:1-134558905:Oaktrees")
        try exchange.ok("CQC", "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--rationale", "Pattern across shifts")
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC,GMC", "--purpose", "Emerging concern",
                                    "--basis", "ECP 2021, information sharing gateway").object["id"] as? String ?? ""
        for organisation in ["CQC", "NMC", "GMC", "LGSCO"] { try exchange.ok(organisation, "sync") }

        for organisation in ["NMC", "GMC"] {
            let shown = try exchange.ok(organisation, "received", "show", share).stdout
            #expect(shown.contains(marker), "\(organisation) did not receive the summary")
            #expect(exchange.files(of: organisation, contain: marker))
        }
        #expect(try exchange.ok("LGSCO", "received").array.isEmpty)
        #expect(!exchange.files(of: "LGSCO", contain: marker), "LGSCO's file holds content it was not addressed")
        // The hub said what it did — each request, each push by whom with its counts — and
        // nothing of what was shared.
        let log = exchange.hubLog
        #expect(log.contains("http.route=/v1/push") && log.contains("hub.organisation=CQC") && log.contains("hub.accepted="), "\(log.prefix(500))")
        #expect(!log.contains(marker) && !log.contains("ECP-2026-0001") && !log.contains(share), "the hub's log holds no content, no ids")
        // The source never leaves CQC (it is not in the shared document), nor does the full account
        // (personal data: it needs an approved, identifiable share); the location, an organisation,
        // does, as one of the summary's services.
        #expect(!exchange.files(of: "NMC", contain: "whistleblower") && exchange.files(of: "NMC", contain: "1-134558905:Oaktrees"))
        #expect(!exchange.files(of: "NMC", contain: "One nurse for forty residents"))

        // A panel with NMC and GMC invitees, shared as identifiable for that panel.
        try exchange.ok("CQC", "panel", "decide", "ECP-2026-0001", "--call", "--rationale", "Several holders")
        try exchange.ok("CQC", "panel", "convene", "ECP-2026-0001/P1", "--chair", "B. Chair", "--date", "2026-12-01")
        try exchange.ok("CQC", "panel", "invite", "ECP-2026-0001/P1", "--org", "NMC", "--person", "C. Officer", "--role", "member",
                        "--need-to-know", "Holds the nurses' registrations")
        try exchange.ok("CQC", "panel", "invite", "ECP-2026-0001/P1", "--org", "GMC", "--person", "D. Adviser", "--role", "member",
                        "--need-to-know", "Holds the doctors' registrations")
        let panelShare = try exchange.ok("CQC", "share", "ECP-2026-0001/P1", "--to", "NMC,GMC", "--purpose", "Regulatory Review Panel",
                                         "--basis", "ECP 2021", "--class", "identifiable", "--panel", "ECP-2026-0001/P1",
                                         "--approved-by", "Head of Information Governance").object["id"] as? String ?? ""
        for organisation in ["CQC", "NMC", "GMC"] { try exchange.ok(organisation, "sync") }

        // NMC and GMC write the minutes while offline from each other.
        try exchange.ok("NMC", "received", "edit", panelShare, "--set", "minutes=NMC: two actions agreed", "--add", "attendance=NMC:C. Officer",
                        user: "C. Officer")
        try exchange.ok("GMC", "received", "edit", panelShare, "--set", "minutes=GMC: three actions agreed", "--add", "attendance=GMC:D. Adviser",
                        user: "D. Adviser")
        for _ in 0..<2 { for organisation in ["NMC", "GMC", "CQC"] { try exchange.ok(organisation, "sync") } }
        let nmcView = try exchange.ok("NMC", "received", "show", panelShare, user: "C. Officer").object
        let gmcView = try exchange.ok("GMC", "received", "show", panelShare, user: "D. Adviser").object
        let nmcFields = nmcView["fields"] as? [String: Any] ?? [:]
        let minutes = nmcFields["minutes"] as? [String: Any] ?? [:]
        #expect((minutes["conflicts"] as? [Any])?.count == 2, "the concurrent minutes must both be shown: \(minutes)")
        #expect(NSDictionary(dictionary: nmcFields).isEqual(to: gmcView["fields"] as? [String: Any] ?? [:]))
        #expect(Set(nmcView["sets"].flatMap { ($0 as? [String: [String]])?["attendance"] } ?? []) == ["NMC:C. Officer", "GMC:D. Adviser"])
        let panel = try exchange.ok("CQC", "panel", "show", "ECP-2026-0001/P1").object
        #expect(panel["minutes"] as? String == minutes["value"] as? String, "CQC's own panel record holds the winning minutes")
        // Personal data reaches only the named invitees.
        let other = try exchange.ok("NMC", "received", "show", panelShare, user: "Someone Else").object
        #expect((other["fields"] as? [String: Any])?["minutes"] == nil && (other["withheld"] as? [String])?.contains("minutes") == true)

        // CQC withdraws GMC from the concern share: GMC's next sync purges it from its file.
        try exchange.ok("CQC", "share", "withdraw", share, "--org", "GMC", "--reason", "GMC has no registrant involved")
        try exchange.ok("CQC", "sync")
        let purge = try exchange.ok("GMC", "sync").object
        #expect(purge["withdrawalsPurged"] as? Int == 1)
        #expect(!exchange.files(of: "GMC", contain: marker), "the withdrawn content is still in GMC's file")
        let stub = try exchange.ok("GMC", "received", "show", share).object
        #expect((stub["share"] as? [String: Any])?["withdrawnBy"] as? String == "CQC")
        try exchange.ok("NMC", "sync")
        #expect(exchange.files(of: "NMC", contain: marker), "NMC was not withdrawn and keeps the summary")
    }

    /// Two hub processes on one PostgreSQL database; nodes sync through either at random. Every
    /// node gets exactly what was addressed to it, and there is one audit log — no gap, no
    /// fork: every node accepted every checkpoint either process served.
    @Test(.enabled(if: Exchange.postgresServer != nil, "needs TRIANGULATE_POSTGRES_URL"))
    func twoHubProcessesOnOneDatabase() async throws {
        let exchange = try await Exchange.onPostgres(Exchange.postgresServer!)
        let hubs = [exchange.url, try exchange.startAnotherHub()]
        try exchange.join("CQC", "NMC", "GMC", "LGSCO")
        var random = SystemRandomNumberGenerator()
        let audiences = [["NMC"], ["NMC", "GMC"], ["GMC"], ["NMC"]]
        for (number, audience) in audiences.enumerated() {
            try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Concern \(number)",
                            "--summary", "s", "--source", "complaint")
            try exchange.ok("CQC", "share", String(format: "ECP-2026-%04d", number + 1), "--to", audience.joined(separator: ","),
                            "--purpose", "p", "--basis", "b")
            for organisation in ["CQC", "NMC", "GMC", "LGSCO"].shuffled(using: &random) {
                try exchange.point(organisation, at: hubs.randomElement(using: &random)!)
                try exchange.ok(organisation, "sync")
            }
        }
        for organisation in ["NMC", "GMC", "LGSCO"] {
            try exchange.point(organisation, at: hubs.randomElement(using: &random)!)
            try exchange.ok(organisation, "sync")
        }
        #expect(try exchange.ok("NMC", "received").array.count == 3)
        #expect(try exchange.ok("GMC", "received").array.count == 2)
        #expect(try exchange.ok("LGSCO", "received").array.isEmpty)
        let verify = try exchange.operator_("audit", "verify")
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// A share to an organisation the hub does not have yet is refused, kept, shown as refused,
    /// and sent again on each sync until the organisation joins; `sync` says so by its exit code,
    /// and says "try again later" (75) when the hub cannot be reached.
    @Test func refusedItemsAreVisibleAndRetried() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing",
                        "--summary", "s", "--source", "complaint")
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "GMC", "--purpose", "p", "--basis", "b").object["id"] as? String ?? ""
        let first = try exchange.node("CQC", "sync")
        #expect(first.status == 2, "\(first.stdout) \(first.stderr)")
        #expect(first.object["refused"].flatMap { ($0 as? [[String: Any]])?.first?["code"] as? String } == "unknown-organisation")
        let listed = try CLI.launch(["share", "list", "--store", exchange.store("CQC")], in: exchange.directory)
        #expect(listed.stdout.contains("refused (unknown-organisation)") && listed.stdout.contains("sent again on each sync"), "\(listed.stdout)")

        try exchange.join("GMC")
        try exchange.ok("CQC", "sync")
        try exchange.ok("GMC", "sync")
        #expect(try exchange.ok("GMC", "received").array.map { $0["share"] as? String } == [share])
        let cleared = try exchange.ok("CQC", "share", "list").object["shares"] as? [[String: Any]] ?? []
        #expect(cleared.first?["refusal"] == nil && cleared.first?["sentAt"] != nil)

        exchange.stopHubs()
        let unreachable = try exchange.node("CQC", "sync")
        #expect(unreachable.status == 75 && unreachable.stderr.contains("\"code\":\"hubUnreachable\""), "\(unreachable.stderr)")
    }

    /// A share refused for one unknown organisation still reaches the others once the user
    /// declares it again without that one; the refused share is closed, and never sent again.
    @Test func aRefusedShareReachesTheOthersWithoutItsBadRecipient() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing",
                        "--summary", "s", "--source", "complaint")
        let refused = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC,GMC", "--purpose", "p", "--basis", "b").object["id"] as? String ?? ""
        #expect(try exchange.node("CQC", "sync").status == 2)
        let listed = try CLI.launch(["share", "list", "--store", exchange.store("CQC")], in: exchange.directory)
        #expect(listed.stdout.contains("triangulate share redeclare \(refused.suffix(12)) --without CODE"), "\(listed.stdout)")
        let notRefused = try exchange.node("CQC", "share", "redeclare", refused, "--without", "LGSCO")
        #expect(notRefused.status == 1 && notRefused.stderr.contains("LGSCO is not in the audience"))
        let everyone = try exchange.node("CQC", "share", "redeclare", refused, "--without", "NMC,GMC")
        #expect(everyone.status == 1 && everyone.stderr.contains("with nobody to reach"))

        let replacement = try exchange.ok("CQC", "share", "redeclare", refused, "--without", "GMC").object["id"] as? String ?? ""
        #expect(!replacement.isEmpty && replacement != refused)
        let again = try exchange.node("CQC", "share", "redeclare", refused, "--without", "GMC")
        #expect(again.status == 1 && again.stderr.contains("was not refused"))
        #expect(try exchange.node("CQC", "sync").status == 0, "nothing refused any more: the refused share is not sent again")
        try exchange.ok("NMC", "sync")
        #expect(try exchange.ok("NMC", "received").array.map { $0["share"] as? String } == [replacement])
        let shares = try exchange.ok("CQC", "share", "list").object["shares"] as? [[String: Any]] ?? []
        #expect(shares.count == 2 && shares.allSatisfy { $0["refusal"] == nil })
        let accepted = try exchange.node("CQC", "share", "redeclare", replacement, "--without", "NMC")
        #expect(accepted.status == 1 && accepted.stderr.contains("share withdraw"), "a share the hub took is narrowed by withdrawal")
    }

    /// Every path and method in Protocol/openapi.yaml is served, and nothing else answers.
    @Test func theServerMatchesTheSpecification() async throws {
        let exchange = try Exchange()
        let spec = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Protocol/openapi.yaml").standardized, encoding: .utf8)
        var path: String?
        var operations: [(String, String)] = []
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            if line.hasPrefix("components:") { path = nil }
            if let path, let method = ["get", "post"].first(where: { line == "    \($0):" }) { operations.append((method.uppercased(), path)) }
        }
        #expect(operations.count == 13, "the routes of Protocol/openapi.yaml, matching's three among them")
        for (method, path) in operations {
            let (status, body) = try await exchange.request(method, path, body: Data("{}".utf8), headers: [:])
            #expect(status != 404, "\(method) \(path) is in the specification but not served: \(body)")
            #expect(status == 200 || body.contains("\"error\""), "\(method) \(path): errors are {\"error\": …}")
        }
        let (missing, missingBody) = try await exchange.request("GET", "/v1/everything", headers: [:])
        #expect(missing == 404 && missingBody.contains("\"error\"") && missingBody.contains("/v1/everything"), "an unknown route is said in JSON")
        let (_, metrics) = try await exchange.request("GET", "/metrics", headers: [:])
        #expect(metrics.contains("triangulate_hub_requests_total{route=\"other\",status=\"404\"} 1")
                && metrics.contains("triangulate_hub_audit_entries") && !metrics.contains("everything"),
                "requests are counted by route, an unknown path as other")
    }

    @Test func unsignedStaleReplayedAndForgedRequestsAreRefused() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC")
        let key = try exchange.key(of: "CQC")

        let (unsigned, unsignedBody) = try await exchange.request("GET", "/v1/inbox", headers: [:])
        #expect(unsigned == 401 && unsignedBody.contains("not signed"))

        let signed = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: key, at: Date())
        let (first, _) = try await exchange.request("GET", "/v1/inbox", headers: signed.headers)
        #expect(first == 200)
        let (replayed, replayedBody) = try await exchange.request("GET", "/v1/inbox", headers: signed.headers)
        #expect(replayed == 401 && replayedBody.contains("replayed"))

        let stale = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: key, at: Date().addingTimeInterval(-900))
        let (staleStatus, staleBody) = try await exchange.request("GET", "/v1/inbox", headers: stale.headers)
        #expect(staleStatus == 401 && staleBody.contains("clock"))

        var forged = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: NodeSigningKey(), at: Date())
        forged.keyID = key.publicKey.keyID
        let (forgedStatus, forgedBody) = try await exchange.request("GET", "/v1/inbox", headers: forged.headers)
        #expect(forgedStatus == 401 && forgedBody.contains("does not verify"))

        // The query is signed too: a request whose query was changed does not verify.
        let query = try RequestSignature.sign(method: "GET", path: "/v1/inbox?after=0&limit=10", body: Data(), key: key, at: Date())
        let (asSigned, _) = try await exchange.request("GET", "/v1/inbox?after=0&limit=10", headers: query.headers)
        #expect(asSigned == 200)
        let changedQuery = try RequestSignature.sign(method: "GET", path: "/v1/inbox?after=0&limit=10", body: Data(), key: key, at: Date())
        let (changed, changedBody) = try await exchange.request("GET", "/v1/inbox?after=5&limit=10", headers: changedQuery.headers)
        #expect(changed == 401 && changedBody.contains("does not verify"))

        // A body changed after signing no longer matches its digest.
        let body = Data(#"{"shares":[],"batches":[],"withdrawals":[],"purges":[]}"#.utf8)
        let push = try RequestSignature.sign(method: "POST", path: "/v1/push", body: body, key: key, at: Date())
        let (tampered, _) = try await exchange.request("POST", "/v1/push", body: Data(body.reversed()), headers: push.headers)
        #expect(tampered == 401)

        // A suspended organisation can do nothing.
        try exchange.operator_("org", "suspend", "CQC")
        let later = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: key, at: Date())
        let (suspended, suspendedBody) = try await exchange.request("GET", "/v1/inbox", headers: later.headers)
        #expect(suspended == 401 && suspendedBody.contains("suspended"))
        let sync = try exchange.node("CQC", "sync")
        #expect(sync.status == 1 && sync.stderr.contains("suspended"))
    }
}
