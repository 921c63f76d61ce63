import Foundation
import Testing

/// kill -9 with real processes (issue 18, item 2): a real hub process — on SQLite, and on
/// PostgreSQL when a server is given — is killed at random moments while several real node
/// processes sync, and node processes are killed mid-sync; then, with the hub restarted and
/// every node synced once more: every acknowledged write has reached its audience, no node holds
/// anything twice, the audit log verifies, and every node resumes. The seed and the number of
/// rounds come from `TRIANGULATE_KILL_SEED` and `TRIANGULATE_KILL_ROUNDS` (12 in CI), so a
/// failure replays and a longer campaign runs the same test.
@Suite("kill -9 under load")
struct KillTests {
    static let organisations = ["CQC", "NMC", "GMC"]

    static var rounds: Int { ProcessInfo.processInfo.environment["TRIANGULATE_KILL_ROUNDS"].flatMap(Int.init) ?? 12 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["TRIANGULATE_KILL_SEED"].flatMap(UInt64.init) ?? 20_261_205 }

    @Test func sqliteHub() throws {
        try Self.campaign(try Exchange())
    }

    @Test(.enabled(if: Exchange.postgresServer != nil)) func postgresHub() async throws {
        try Self.campaign(try await Exchange.onPostgres(Exchange.postgresServer!))
    }

    static func campaign(_ exchange: Exchange) throws {
        try exchange.join(organisations)
        var generator = SeededGenerator(seed: seed)
        var written: [String: [String]] = [:]
        var hubKills = 0, nodeKills = 0
        for round in 0..<rounds {
            // Each node records a concern and shares it with the others: a write that must reach them.
            for org in organisations {
                let marker = "MARK-\(org)-\(round)-"
                let concern = try exchange.ok(org, "concern", "add", "--category", "systems", "--setting", "health", "--title", marker,
                                              "--summary", "s", "--source", "complaint").object
                let reference = try #require(concern["reference"] as? String)
                try exchange.ok(org, "share", reference, "--to", organisations.filter { $0 != org }.joined(separator: ","),
                                "--purpose", "Emerging concern", "--basis", "ECP 2021")
                written[org, default: []].append(marker)
            }
            // Every node syncs at once; the hub dies at a random moment, and sometimes a node too.
            let syncs = try organisations.map { org -> Process in
                let process = Process()
                process.executableURL = CLI.executable
                process.arguments = ["sync", "--store", exchange.store(org), "--user", "Tester", "--json"]
                process.currentDirectoryURL = exchange.directory
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            usleep(UInt32.random(in: 0..<400_000, using: &generator))
            if Bool.random(using: &generator) {
                let victim = syncs[Int.random(in: 0..<syncs.count, using: &generator)]
                if victim.isRunning { kill(victim.processIdentifier, SIGKILL); nodeKills += 1 }
            }
            exchange.killHubs()
            hubKills += 1
            for process in syncs { process.waitUntilExit() }
            try exchange.restartHub(for: organisations)
        }
        // Everyone resumes: two clean rounds of syncs.
        for _ in 0..<2 {
            for org in organisations {
                let resumed = try exchange.node(org, "sync")
                #expect(resumed.status == 0, "\(org) did not resume: \(resumed.stderr)")
            }
        }
        #expect(hubKills == rounds && nodeKills > 0 || rounds < 4, "the campaign must kill something")
        for org in organisations {
            let received = try exchange.ok(org, "received").array
            let shares = received.compactMap { $0["share"] as? String }, documents = received.compactMap { $0["documentId"] as? String }
            #expect(shares.count == 2 * rounds && Set(shares).count == shares.count && Set(documents).count == documents.count,
                    "seed \(seed): \(org) holds \(shares.count) shares (\(Set(shares).count) distinct) for \(2 * rounds) sent to it")
            for other in organisations where other != org {
                for marker in written[other] ?? [] {
                    #expect(exchange.files(of: org, contain: marker), "seed \(seed): \(org) lost \(marker)")
                }
            }
            let refused = try exchange.ok(org, "share", "list").object["shares"] as? [[String: Any]] ?? []
            #expect(refused.allSatisfy { $0["refusal"] == nil && $0["sentAt"] != nil }, "seed \(seed): \(org) has a share not sent")
        }
        #expect(try exchange.operator_("audit", "verify").status == 0, "seed \(seed): the audit log does not verify")
    }
}
