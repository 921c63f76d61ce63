import ArgumentParser
import Foundation

/// `triangulate-bench`: measures the speed targets of Triangulate and prints one JSON object.
/// Run it in a release build: `swift build -c release && .build/release/triangulate-bench`.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate-bench",
        abstract: "Measure Triangulate's speed targets; prints one JSON object.",
        discussion: """
            Suites: sync (DOCUMENTS documents of five fields written on one replica, then a \
            fraction of their fields edited concurrently on two replicas and merged both ways), \
            audit (the hub's log at AUDIT-ENTRIES entries), hub (ingest and write-to-arrival \
            through a hub in this process), scale (ingest through separate triangulate-hub \
            processes: one on SQLite, one and two on one PostgreSQL database; it needs a server \
            and triangulate-hub built beside this executable), worklist (`triangulate due` on a store \
            of WORKLIST-CASES open cases), match (matching MATCH-ORGANISATIONS × MATCH-TOKENS tokens, and a \
            publication completing a quorum through a triangulate-hub process), soak (SOAK-ORGANISATIONS organisations \
            writing every 10 s and pulling for SOAK-MINUTES against a hub process; not part of all), catchup (a node \
            back after 90 days syncs CATCHUP-CHANGES changes across CATCHUP-SHARES shares from a hub process). Progress goes to standard error; \
            the figures, with their targets, to standard output. Use a release build, of \
            everything: swift build -c release && .build/release/triangulate-bench.
            """)

    @Option(help: "How many documents of five fields to write.")
    var documents = 100_000

    @Option(help: "The fraction of fields edited concurrently on two replicas.")
    var editFraction = 0.01

    @Option(help: "How many times to repeat each timed run; the best run is reported.")
    var repeats = 3

    @Option(help: "The seed of the workload's random choices.")
    var seed: UInt64 = 2026

    @Option(help: "How many entries the audit log benchmark appends.")
    var auditEntries = 1_000_000

    @Option(help: "How many open cases the worklist benchmark's store holds.")
    var worklistCases = 10_000

    @Option(help: "How many requests of each page the web benchmark times (on a store of --worklist-cases cases).")
    var webRequests = 200

    @Option(help: "How many locations the register benchmark imports from CQC's care directory.")
    var registerLocations = 50_000

    @Option(help: "How many organisations the match benchmark's hub holds tokens from.")
    var matchOrganisations = 5_000

    @Option(help: "How many tokens each organisation holds in the match benchmark.")
    var matchTokens = 200

    @Option(help: "How many organisations the soak runs (not part of all).")
    var soakOrganisations = 500

    @Option(help: "How many minutes the soak runs.")
    var soakMinutes = 10.0

    @Option(help: "How many shares the catch-up benchmark's node missed.")
    var catchupShares = 500

    @Option(help: "How many changes across those shares the catch-up benchmark's node missed.")
    var catchupChanges = 50_000

    @Option(help: "Which benchmarks: sync, hub, audit, scale (needs PostgreSQL), worklist, web, register, match, catchup, all, or soak (alone).")
    var suite = "all"

    @Option(help: ArgumentHelp(
        "A PostgreSQL server for the scale benchmark, whose user may create roles and databases (default: $TRIANGULATE_POSTGRES_URL).",
        valueName: "url"))
    var postgres: String?

    /// The PostgreSQL server given, by option or environment.
    var postgresServer: String? { postgres ?? ProcessInfo.processInfo.environment["TRIANGULATE_POSTGRES_URL"] }

    @Option(help: "How many nodes sync with the hub at once.")
    var nodes = 50

    @Option(help: "Milliseconds between one node's writes in the latency run.")
    var writeInterval = 200

    func validate() throws {
        guard documents > 0 else { throw ValidationError("--documents must be at least 1") }
        guard editFraction > 0, editFraction <= 1 else { throw ValidationError("--edit-fraction must be in (0, 1]") }
        guard repeats > 0 else { throw ValidationError("--repeats must be at least 1") }
        guard ["sync", "hub", "audit", "scale", "worklist", "web", "register", "match", "catchup", "all", "soak"].contains(suite) else {
            throw ValidationError("--suite must be sync, hub, audit, scale, worklist, web, register, match, catchup, all or soak")
        }
        guard catchupShares >= 1, catchupChanges >= catchupShares else {
            throw ValidationError("--catchup-shares must be at least 1 and --catchup-changes at least as many")
        }
        guard soakOrganisations >= 2, soakMinutes > 0 else { throw ValidationError("--soak-organisations must be at least 2 and --soak-minutes more than 0") }
        guard matchOrganisations >= 2, matchTokens >= 1 else { throw ValidationError("--match-organisations must be at least 2 and --match-tokens at least 1") }
        guard registerLocations > 0 else { throw ValidationError("--register-locations must be at least 1") }
        guard webRequests > 0 else { throw ValidationError("--web-requests must be at least 1") }
        guard worklistCases > 0 else { throw ValidationError("--worklist-cases must be at least 1") }
        guard suite != "scale" || postgresServer != nil else {
            throw ValidationError("--suite scale needs a PostgreSQL server: --postgres postgres://USER@HOST:PORT/postgres, or TRIANGULATE_POSTGRES_URL")
        }
        if ["scale", "match", "hub", "soak", "catchup", "all"].contains(suite) {
            guard FileManager.default.isExecutableFile(atPath: HubScaleBenchmarks.hubExecutable.path) else {
                throw ValidationError("the \(suite) suite runs triangulate-hub processes, and there is none beside triangulate-bench: swift build -c release")
            }
        }
        guard auditEntries > 0 else { throw ValidationError("--audit-entries must be at least 1") }
        guard nodes >= 2 else { throw ValidationError("--nodes must be at least 2") }
        guard writeInterval > 0 else { throw ValidationError("--write-interval must be at least 1") }
    }

    func run() async throws {
        var report = BenchReport(build: Self.buildConfiguration, documents: documents, fieldsPerDocument: Workload.fields.count)
        if suite == "sync" || suite == "all" {
            let workload = Workload(documents: documents, editFraction: editFraction, seed: seed)
            report.sync = try SyncBenchmarks(workload: workload, repeats: repeats).run()
        }
        if suite == "audit" || suite == "all" {
            report.audit = try await AuditBenchmarks(entries: auditEntries, batch: 1_000).run()
        }
        if suite == "hub" || suite == "all" {
            report.hub = try await HubBenchmarks(nodes: nodes, batches: 20, changesPerBatch: 100, writes: 20,
                                               interval: .milliseconds(writeInterval)).run()
        }
        if suite == "worklist" || suite == "all" {
            report.worklist = try WorklistBenchmarks(cases: worklistCases, repeats: repeats, seed: seed).run()
        }
        if suite == "web" || suite == "all" {
            report.web = try await WebBenchmarks(cases: worklistCases, requests: webRequests, seed: seed).run()
        }
        if suite == "register" || suite == "all" {
            report.register = try RegisterBenchmarks(locations: registerLocations, repeats: repeats).run()
        }
        if suite == "soak" {
            report.soak = try await SoakBenchmarks(organisations: soakOrganisations, duration: .seconds(soakMinutes * 60), interval: .seconds(10)).run()
        }
        if suite == "match" || suite == "all" {
            report.match = try await MatchBenchmarks(organisations: matchOrganisations, tokensPerOrganisation: matchTokens, repeats: repeats, seed: seed).run()
        }
        if suite == "catchup" || suite == "all" {
            report.catchUp = try await CatchUpBenchmarks(shares: catchupShares, changes: catchupChanges, changesPerBatch: 10).run()
        }
        if suite == "scale" || suite == "all" {
            if let postgres = postgresServer {
                report.hubScale = try await HubScaleBenchmarks(postgres: postgres, nodes: nodes, batches: 20, changesPerBatch: 100, repeats: repeats).run()
            } else {
                progress("(scale) skipped: it needs a PostgreSQL server (--postgres, or TRIANGULATE_POSTGRES_URL)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    static var buildConfiguration: String {
        #if DEBUG
        "debug (figures not representative: swift build -c release && .build/release/triangulate-bench)"
        #else
        "release"
        #endif
    }
}

/// Progress for people watching, on standard error so that standard output stays one JSON object.
func progress(_ line: String) {
    FileHandle.standardError.write(Data("triangulate-bench: \(line)\n".utf8))
}
