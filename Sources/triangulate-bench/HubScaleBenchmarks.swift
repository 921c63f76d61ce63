import Foundation
import TriangulateHub
import TriangulateHubPostgres

/// Issue 6's benchmark: ingest through separate `triangulate-hub` processes, as an operator runs
/// them — one on the SQLite store, then one and two on one PostgreSQL database — with the nodes
/// spread over the processes in turn. Every configuration gets a fresh store and the same work.
struct HubScaleBenchmarks {
    /// A PostgreSQL server whose user may create roles and databases.
    let postgres: String
    let nodes: Int
    let batches: Int
    let changesPerBatch: Int

    /// The `triangulate-hub` executable built beside this one.
    static var hubExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("triangulate-hub")
    }

    func run() async throws -> HubScaleFigures {
        guard FileManager.default.isExecutableFile(atPath: Self.hubExecutable.path) else {
            throw HubError(.notFound, "there is no triangulate-hub beside triangulate-bench: swift build -c release --product triangulate-hub")
        }
        return try await withTemporaryDirectory { directory in
            let sqlite = try await ingest(processes: 1, store: "SQLite") {
                let path = directory.appendingPathComponent("hub.sqlite").path
                return (try SQLiteHubStore(path: path), ["--store", path])
            }
            var postgresFigures: [Double] = []
            for processes in [1, 2] {
                postgresFigures.append(try await ingest(processes: processes, store: "PostgreSQL") {
                    let name = "triangulate_bench_\(UUID().uuidString.prefix(8).lowercased())"
                    let url = try await PostgresDatabase.create(name, on: postgres)
                    return (try await PostgresHubStore.connect(url: url), ["--postgres", url])
                })
            }
            return HubScaleFigures(
                sqliteOneProcess: .atLeast(sqlite, 20_000, "changes/s"),
                postgresOneProcess: .atLeast(postgresFigures[0], 20_000, "changes/s"),
                postgresTwoProcesses: .atLeast(postgresFigures[1], 20_000, "changes/s"),
                twoProcessesOverOne: .atLeast(postgresFigures[1] / postgresFigures[0], 1.6, "×", digits: 100),
                changesPerRun: nodes * batches * changesPerBatch,
                nodes: nodes,
                cores: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// Changes per second through `processes` hub processes on a store `make` creates (and
    /// names to the processes), with its organisations added through it first.
    private func ingest(processes: Int, store kind: String, _ make: () async throws -> (any HubStore, [String])) async throws -> Double {
        progress("(scale) \(kind), \(processes) hub process\(processes == 1 ? "" : "es"): \(nodes) nodes push \(batches) batches of \(changesPerBatch) changes each")
        let (store, arguments) = try await make()
        let hub = Hub(store: store)
        var tokens: [(code: String, token: String)] = []
        for index in 0..<nodes {
            let code = "ORG\(index)"
            tokens.append((code, try await hub.addOrganisation(code: code, name: code, role: "signatory")))
        }
        let servers = try (0..<processes).map { _ in try HubProcess(arguments: arguments) }
        defer { for server in servers { server.stop() } }
        let clients = try await BenchNode.enrol(tokens, through: servers.map(\.url))
        let elapsed = try await BenchNode.ingest(clients, batches: batches, changesPerBatch: changesPerBatch)
        let rate = Double(nodes * batches * changesPerBatch) / elapsed.seconds
        progress("(scale) \(kind), \(processes) process\(processes == 1 ? "" : "es"): \(Int(rate)) changes/s")
        return rate
    }
}

/// A `triangulate-hub serve` process on a free loopback port.
final class HubProcess {
    let process = Process()
    let url: String

    init(arguments: [String]) throws {
        process.executableURL = HubScaleBenchmarks.hubExecutable
        process.arguments = ["serve"] + arguments + ["--port", "0", "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        var found: String?
        while found == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") where line.hasPrefix("{") {
                found = ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["url"] as? String
            }
        }
        guard let found else {
            process.terminate()
            throw HubError(.storeFailure, "triangulate-hub did not start: \(String(decoding: buffer, as: UTF8.self))")
        }
        url = found
    }

    /// Stops the process as an operator would (SIGTERM: it finishes what it is doing).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
