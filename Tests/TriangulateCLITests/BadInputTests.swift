import Foundation
import GRDB
import Testing

/// Bad input exits non-zero with one clear line on standard error, and changes nothing.
@Suite("CLI bad input")
struct BadInputTests {
    /// Every row of every table, read without writing: the store's logical content.
    static func contents(_ cli: CLI) throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: cli.store, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.map { table in
                "\(table): " + (try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted().joined(separator: "; "))
            }.joined(separator: "\n")
        }
    }

    @Test(arguments: [
        (["concern", "add", "--category", "bogus", "--setting", "health", "--title", "t", "--summary", "s", "--source", "complaint"], "unknown category 'bogus'"),
        (["concern", "add", "--category", "systems", "--setting", "health", "--title", "t", "--summary", "s", "--source", "complaint", "--subject", "location:1-12:X"], "is not a CQC id"),
        (["concern", "add", "--category", "systems", "--setting", "health", "--title", "t", "--summary", "s", "--source", "complaint", "--identified", "14/03/2026"], "write it as YYYY-MM-DD"),
        (["concern", "close", "ECP-2026-0001"], "allowed next: start evaluating"),
        (["panel", "decide", "ECP-2026-0001", "--call", "--rationale", "x"], "allowed next:"),
        (["contact", "ECP-2026-0001", "--org", "NMC", "--purpose", "share"], "allowed next:"),
        (["concern", "show", "ECP-2026-0042"], "no concern matches"),
        (["action", "done", "ECP-2026-0001/A9", "--evidence", "x"], "no action matches"),
        (["report", "--from", "2026-05-01", "--to", "2026-04-01"], "swap --from and --to"),
        (["report", "--format", "xml"], "unknown report format 'xml'"),
        (["org", "add", "1BAD", "--name", "x", "--kind", "council"], "is not an organisation code"),
        (["share", "ECP-2026-0001", "--to", "NMC", "--purpose", "p", "--basis", "b", "--fields", "source"], "has no field 'source'"),
        (["share", "ECP-2026-0001", "--to", "NMC", "--purpose", "p", "--basis", "b", "--fields", "summary"], "only as --class identifiable"),
        (["share", "ECP-2026-0001", "--to", "NMC", "--purpose", "p", "--basis", "b", "--class", "identifiable", "--approved-by", "X"], "only for a panel"),
        (["share", "ECP-2026-0001", "--to", "NMC", "--purpose", " ", "--basis", "b"], "say its purpose"),
        (["share", "ECP-2026-0001", "--to", "ZZZ", "--purpose", "p", "--basis", "b"], "is not an organisation this node knows"),
        (["share", "withdraw", "0123456789"], "no share matches"),
        (["sync"], "not enrolled with a hub"),
        (["enrol", "--hub", "ftp://hub", "--token", "t"], "is not a hub URL"),
        (["rejoin", "--size", "3", "--root", "not-hex"], "64 hex digits"),
        (["rejoin", "--size", "3", "--root", String(repeating: "a", count: 64)], "not enrolled with a hub"),
        (["received", "show", "abcdef123"], "nothing received matches"),
        (["calendar", "due", "--from", "2026-02-30", "--add", "5 working days"], "is not a date"),
        (["calendar", "due", "--from", "2026-02-03", "--add", "5 wd"], "is not a length of time"),
        (["calendar", "due", "--from", "2026-02-03", "--add", "5 working days", "--nation", "wales"], "is not a nation"),
        (["calendar", "due", "--from", "2026-03-29T01:30", "--add", "1 hour"], "does not exist in London"),
        (["calendar", "show", "--year", "20260"], "--year takes a year"),
        (["calendar", "import", "missing.json"], "cannot read missing.json"),
    ])
    func refusedWithOneLineAndNothingChanged(_ arguments: [String], _ message: String) throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        try cli.ok("concern", "add", "--category", "systems", "--setting", "health", "--title", "t", "--summary", "s", "--source", "complaint")
        let before = try Self.contents(cli)
        let result = try cli.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("triangulate: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(try Self.contents(cli) == before)
    }

    @Test func theHubRefusesPlainHTTPOffLoopbackAndBadCertificatesBeforeCreatingItsStore() throws {
        let cli = try CLI()
        let hub = CLI.executable(named: "triangulate-hub")
        let store = cli.directory.appendingPathComponent("hub.sqlite").path
        let plain = try CLI.launch(["serve", "--host", "0.0.0.0", "--port", "0", "--store", store], in: cli.directory, executable: hub)
        #expect(plain.status == 1 && plain.stderr.contains("plain HTTP is allowed on loopback only"))
        let missing = try CLI.launch(["serve", "--port", "0", "--store", store, "--tls-certificate", "nope.pem", "--tls-key", "nope.key"],
                                     in: cli.directory, executable: hub)
        #expect(missing.status == 1 && missing.stderr.contains("cannot read a PEM certificate chain from nope.pem"))
        #expect(!FileManager.default.fileExists(atPath: store))
        let operatorOnMissing = try CLI.launch(["org", "list", "--store", store], in: cli.directory, executable: hub)
        #expect(operatorOnMissing.status == 1 && operatorOnMissing.stderr.contains("there is no hub store"))
    }

    @Test func missingAndForeignStores() throws {
        let cli = try CLI()
        let missing = try cli.run(["concern", "list"])
        #expect(missing.status != 0 && missing.stderr.contains("triangulate init --org CODE"))
        #expect(!FileManager.default.fileExists(atPath: cli.store))

        #expect(FileManager.default.createFile(atPath: cli.store, contents: Data("not a database".utf8)))
        let foreign = try cli.run(["concern", "list"])
        #expect(foreign.status != 0 && foreign.stderr.contains("is not a Triangulate node store"))
        let again = try cli.run(["init", "--org", "CQC"])
        #expect(again.status != 0 && again.stderr.contains("already exists"))
        #expect(FileManager.default.contents(atPath: cli.store) == Data("not a database".utf8))
    }
}
