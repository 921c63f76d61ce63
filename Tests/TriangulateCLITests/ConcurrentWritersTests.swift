import Foundation
import Testing

/// One node store, two writers at once (issue 18, item 4): the web application (a real
/// `triangulate serve` process) and the command line (real processes) record concerns together;
/// every write lands, and no person sees a busy or locked database.
@Suite("Concurrent writers on one node")
struct ConcurrentWritersTests {
    static let rounds = 25

    @Test func theWebApplicationAndTheCommandLineWriteTogetherAndLoseNothing() async throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        let password = "a long enough password"
        for (name, role) in [("Tester", "admin"), ("c.worker", "caseworker")] {
            let added = try CLI.launch(["user", "add", name, "--role", role, "--password-stdin", "--store", cli.store, "--user", "Tester"],
                                       in: cli.directory, stdin: password + "\n")
            #expect(added.status == 0, "\(added.stderr)")
        }
        let server = try NodeServer(store: cli.store, in: cli.directory)
        let (store, directory) = (cli.store, cli.directory)
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Europe/London")!, formatOptions: [.withFullDate])

        async let web: [String] = {
            let browser = WebClient(server.url)
            try await browser.signIn("c.worker", password)
            var problems: [String] = []
            for round in 0..<Self.rounds {
                try await browser.get("/new/ecp/record")
                let created = try await browser.post("/new/ecp/record", [
                    ("title", "WEB-\(round)"), ("category", "systems"), ("setting", "social-care"), ("identifiedOn", today),
                    ("source", "whistleblower"), ("summary", "Written from the browser"), ("safeguarding", "no"), ("confirmed", "yes"),
                ])
                // Redirected to the new case's page, whose title is its reference.
                if created.status != 200 || !created.body.contains("<title>ECP-") || created.body.lowercased().contains("locked") {
                    problems.append("web round \(round): \(created.status) \(created.body.prefix(300))")
                }
            }
            return problems
        }()
        async let commandLine: [String] = {
            var problems: [String] = []
            for round in 0..<Self.rounds {
                let added = try CLI.launch(["concern", "add", "--category", "systems", "--setting", "social-care", "--title", "CLI-\(round)",
                                            "--summary", "Written from the command line", "--source", "complaint", "--store", store,
                                            "--user", "c.worker", "--json"], in: directory)
                if added.status != 0 { problems.append("command line round \(round): \(added.stderr)") }
                let listed = try CLI.launch(["concern", "list", "--store", store, "--user", "c.worker", "--json"], in: directory)
                if listed.status != 0 { problems.append("a read in round \(round): \(listed.stderr)") }
            }
            return problems
        }()
        let problems = try await web + commandLine
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        let titles = Set(try cli.run(["concern", "list", "--json"]).array.compactMap { $0["title"] as? String })
        let expected = Set((0..<Self.rounds).flatMap { ["WEB-\($0)", "CLI-\($0)"] })
        #expect(titles == expected, "missing: \(expected.subtracting(titles).sorted())")
        let (status, log) = server.stop()
        #expect(status == 0 && !log.lowercased().contains("database is locked"), "\(log.suffix(500))")
    }
}
