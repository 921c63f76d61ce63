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
    /// How many times each configuration runs; the best run is reported.
    let repeats: Int

    /// The `triangulate-hub` executable built beside this one.
    static var hubExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("triangulate-hub")
    }

    func run() async throws -> HubScaleFigures {
        try await withTemporaryDirectory { directory in
            let sqlite = try await best { try await ingest(processes: 1, store: "SQLite") {
                let path = directory.appendingPathComponent("hub-\(UUID().uuidString).sqlite").path
                return (try SQLiteHubStore(path: path), ["--store", path])
            } }
            var postgresRuns: [ScaleRun] = []
            for processes in [1, 2] {
                postgresRuns.append(try await best {
                    // Each run on a database of its own, dropped afterwards: nothing is left on the server.
                    let name = "triangulate_bench_\(UUID().uuidString.prefix(8).lowercased())"
                    let url = try await PostgresDatabase.create(name, on: postgres)
                    do {
                        let run = try await ingest(processes: processes, store: "PostgreSQL") {
                            (try await PostgresHubStore.connect(url: url), ["--postgres", url])
                        }
                        try await PostgresDatabase.drop(name, on: postgres)
                        return run
                    } catch {
                        try? await PostgresDatabase.drop(name, on: postgres)
                        throw error
                    }
                })
            }
            return HubScaleFigures(
                sqliteOneProcess: sqlite,
                postgresOneProcess: postgresRuns[0],
                postgresTwoProcesses: postgresRuns[1],
                twoProcessesOverOne: .atLeast(postgresRuns[1].ingest.value / postgresRuns[0].ingest.value, 1.6, "×", digits: 100),
                changesPerRun: nodes * batches * changesPerBatch,
                nodes: nodes,
                cores: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// The fastest of `repeats` runs.
    private func best(_ run: () async throws -> ScaleRun) async throws -> ScaleRun {
        var fastest: ScaleRun?
        for _ in 0..<repeats {
            let next = try await run()
            if next.ingest.value > fastest?.ingest.value ?? 0 { fastest = next }
        }
        return fastest!
    }

    /// Ingest through `processes` hub processes on a store `make` creates (and names to the
    /// processes), with its organisations added through it first.
    private func ingest(processes: Int, store kind: String, _ make: () async throws -> (any HubStore, [String])) async throws -> ScaleRun {
        let label = "(scale) \(kind), \(processes) hub process\(processes == 1 ? "" : "es")"
        progress("\(label): \(nodes) nodes push \(batches) batches of \(changesPerBatch) changes each")
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
        let hubCPUBefore = servers.compactMap(\.cpuSeconds).reduce(0, +)
        let clientCPUBefore = processorSeconds(of: "self")
        let machineBefore = MachineLoad.now()
        let elapsed = try await BenchNode.ingest(clients, batches: batches, changesPerBatch: changesPerBatch)
        try await BenchNode.shutdown(clients)
        let machine = machineBefore.flatMap { before in MachineLoad.now().map { ($0.busy(since: before), $0.busySeconds(since: before)) } }
        let hubCPU = servers.compactMap(\.cpuSeconds).reduce(0, +) - hubCPUBefore
        let clientCPU = (processorSeconds(of: "self") ?? 0) - (clientCPUBefore ?? 0)
        let changes = Double(nodes * batches * changesPerBatch)
        func perChange(_ seconds: Double) -> Double { (seconds / changes * 1_000_000).rounded() }
        let run = ScaleRun(ingest: .atLeast(changes / elapsed.seconds, 20_000, "changes/s"),
                           hubCPUMicrosecondsPerChange: perChange(hubCPU),
                           clientCPUMicrosecondsPerChange: perChange(clientCPU),
                           otherCPUMicrosecondsPerChange: machine.map { perChange($0.1 - hubCPU - clientCPU) },
                           machineBusyPercent: machine.map { ($0.0 * 100).rounded() })
        progress("\(label): \(Int(run.ingest.value)) changes/s")
        return run
    }
}

/// The machine's processor time, from /proc/stat (Linux), to tell how busy its cores were.
struct MachineLoad {
    let busy: Double
    let total: Double

    static func now() -> MachineLoad? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 5 else { return nil }
        let idle = ticks[3] + ticks[4]  // idle and waiting for the disk
        let total = ticks.reduce(0, +)
        return MachineLoad(busy: total - idle, total: total)
    }

    /// The fraction of processor time busy since `earlier`.
    func busy(since earlier: MachineLoad) -> Double {
        total > earlier.total ? (busy - earlier.busy) / (total - earlier.total) : 0
    }

    /// The processor seconds all cores spent busy since `earlier`.
    func busySeconds(since earlier: MachineLoad) -> Double {
        (busy - earlier.busy) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// The processor time process `pid` ("self" for this one) has used, from /proc (Linux).
func processorSeconds(of pid: String) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let end = stat.lastIndex(of: ")") else { return nil }
    // After the command's closing parenthesis: state is field 3, utime and stime fields 14 and 15.
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
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

    /// The processor time the process has used.
    var cpuSeconds: Double? { processorSeconds(of: String(process.processIdentifier)) }

    /// Stops the process as an operator would (SIGTERM: it finishes what it is doing).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
