import Foundation
import Testing

/// `triangulate serve` as a real process over a real store, with a real hub behind it: people
/// sign in, and a named recipient's withheld content reaches only that person signed in.
@Suite("Node web application as a process", .serialized)
struct NodeServeTests {
    @Test func withheldContentIsShownOnlyToTheNamedRecipientSignedIn() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        let minutes = "MINUTES-\(UUID().uuidString)"
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing",
                        "--summary", "One nurse", "--source", "whistleblower", "--identified", "2026-09-01")
        try exchange.ok("CQC", "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--rationale", "Pattern", "--on", "2026-09-02")
        try exchange.ok("CQC", "panel", "decide", "ECP-2026-0001", "--call", "--rationale", "Several holders", "--on", "2026-09-03")
        try exchange.ok("CQC", "panel", "convene", "ECP-2026-0001/P1", "--chair", "B. Chair", "--date", "2026-12-01")
        try exchange.ok("CQC", "panel", "invite", "ECP-2026-0001/P1", "--org", "NMC", "--person", "C. Officer", "--role", "member",
                        "--need-to-know", "Holds the nurses' registrations")
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001/P1", "--to", "NMC", "--purpose", "Regulatory Review Panel",
                                    "--basis", "ECP 2021", "--class", "identifiable", "--panel", "ECP-2026-0001/P1",
                                    "--approved-by", "Head of Information Governance").object["id"] as? String ?? ""
        // NMC's people: the administrator, the named invitee, and a colleague who is not named.
        let password = "a long enough password"
        for (name, role) in [("Tester", "admin"), ("C. Officer", "caseworker"), ("Someone Else", "approver")] {
            let added = try CLI.launch(["user", "add", name, "--role", role, "--password-stdin", "--store", exchange.store("NMC"), "--user", "Tester"],
                                       in: exchange.directory, stdin: password + "\n")
            #expect(added.status == 0, "\(added.stderr)")
        }
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        try exchange.ok("NMC", "received", "edit", share, "--set", "minutes=\(minutes)", user: "C. Officer")
        try exchange.ok("NMC", "sync")
        try exchange.ok("CQC", "sync")
        let history = try exchange.ok("CQC", "concern", "show", "ECP-2026-0001").object["history"] as? [[String: Any]] ?? []
        let edit = history.last { ($0["event"] as? String)?.hasPrefix("edited by partner") == true }
        #expect(edit?["event"] as? String == "edited by partner: minutes" && edit?["actor"] as? String == "NMC"
                && edit?["reference"] as? String == "ECP-2026-0001/P1", "a partner's edit is on the case's timeline: who, which field, when")
        #expect(!history.contains { ($0["event"] as? String)?.contains(minutes) == true }, "never the value")

        let server = try NodeServer(store: exchange.store("NMC"), in: exchange.directory)
        let health = try await WebClient(server.url).get("/health")
        #expect(health.status == 200)

        let colleague = WebClient(server.url)
        try await colleague.signIn("Someone Else", password)
        #expect(try await colleague.get("/").body.contains("Signed in as Someone Else"))
        let list = try await colleague.get("/received")
        #expect(list.status == 200 && list.body.contains("/received/\(share)"))
        let withheld = try await colleague.get("/received/\(share)")
        #expect(withheld.status == 200 && withheld.body.contains("You are not one of them"))
        #expect(!withheld.body.contains(minutes), "a colleague who is not named never sees the minutes")

        let invitee = WebClient(server.url)
        try await invitee.signIn("C. Officer", password)
        let shown = try await invitee.get("/received/\(share)")
        #expect(shown.body.contains(minutes) && !shown.body.contains("You are not one of them"))

        let (status, log) = server.stop()
        #expect(status == 0, "SIGTERM stops the application cleanly")
        #expect(log.contains("route=/received/{share}") && log.contains("status=200"))
        #expect(!log.contains(minutes) && !log.contains(share) && !log.contains("C. Officer") && !log.contains(password),
                "the log holds routes and statuses, never content, ids or names")
    }

    @Test func plainHTTPOffLoopbackIsRefusedBeforeListening() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        let result = try cli.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(result.status == 1 && result.stderr.contains("plain HTTP is allowed on loopback only"))
    }
}
