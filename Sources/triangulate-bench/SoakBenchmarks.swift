import Foundation
import TriangulateHub
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// The figures of issue 18, item 3: a soak of many organisations against one hub.
struct SoakFigures: Encodable {
    /// Organisations, how long they synced, and what they wrote.
    var organisations: Int
    var minutes: Double
    var writes: Int
    /// Writes that arrived at their recipient, and requests that failed (any error).
    var arrivals: Int
    var errors: Int
    /// The hub process's resident memory after enrolment, halfway, and at the end, in MB.
    var hubMemoryStartMB: Double
    var hubMemoryHalfwayMB: Double
    var hubMemoryEndMB: Double
    /// From a write's push to the end of the pull that brought it to its recipient.
    var writeToArrivalP50: Double
    var writeToArrivalP99: Double
    var writeToArrivalWorst: Double
    var hub: String
}

/// Every organisation writes every `interval` (spread evenly) and long-polls its inbox without
/// pause, for `duration`, against a triangulate-hub process of its own on a SQLite store; this
/// process is the load client.
struct SoakBenchmarks {
    let organisations: Int
    let duration: Duration
    let interval: Duration

    func run() async throws -> SoakFigures {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hub.sqlite").path
            let hub = Hub(store: try SQLiteHubStore(path: path))
            var tokens: [(String, String)] = []
            for index in 0..<organisations {
                tokens.append(("ORG\(index)", try await hub.addOrganisation(code: "ORG\(index)", name: "ORG\(index)", role: "signatory")))
            }
            let server = try HubProcess(arguments: ["--store", path])
            defer { server.stop() }
            progress("(soak) enrolling \(organisations) organisations with the hub process at \(server.url)")
            let nodes = try await BenchNode.enrol(tokens, through: [server.url])
            let pid = server.process.processIdentifier
            let memoryStart = residentMegabytes(of: pid) ?? 0
            let start = ContinuousClock.now
            let deadline = start + duration
            let counters = SoakCounters()
            progress("(soak) \(organisations) organisations write every \(interval) and pull, for \(duration)")
            let halfway = Task {
                try await Task.sleep(until: start + duration / 2, clock: .continuous)
                progress("(soak) halfway: \(counters.snapshot().writes) writes, \(counters.snapshot().errors) errors")
                return residentMegabytes(of: pid) ?? 0
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, node) in nodes.enumerated() {
                    group.addTask {
                        try await Task.sleep(for: interval * (Double(index) / Double(nodes.count)))
                        var write = 0
                        while ContinuousClock.now + interval < deadline {
                            try await Task.sleep(for: interval)
                            let sent = (ContinuousClock.now - start).seconds
                            do {
                                try await node.push(count: 1, sequence: 1_000_000 + write, value: "t=\(sent);w=\(write)")
                                counters.wrote()
                            } catch {
                                counters.failed()
                            }
                            write += 1
                        }
                    }
                    group.addTask {
                        var cursor: Int64 = 0
                        while ContinuousClock.now < deadline + .seconds(5) {
                            do {
                                let page = try await node.puller.send("GET", "/v1/inbox", query: "after=\(cursor)&limit=500&wait=5", as: InboxPage.self)
                                let arrived = (ContinuousClock.now - start).seconds
                                counters.arrived(BenchNode.sentTimes(in: page).map { (arrived - $0.sent) * 1000 })
                                cursor = page.cursor
                            } catch {
                                counters.failed()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let memoryHalfway = try await halfway.value
            let memoryEnd = residentMegabytes(of: pid) ?? 0
            try await BenchNode.shutdown(nodes)
            let result = counters.snapshot()
            let sorted = result.latencies.sorted()
            func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : (sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 10).rounded() / 10 }
            return SoakFigures(
                organisations: organisations, minutes: duration.seconds / 60, writes: result.writes, arrivals: sorted.count, errors: result.errors,
                hubMemoryStartMB: memoryStart, hubMemoryHalfwayMB: memoryHalfway, hubMemoryEndMB: memoryEnd,
                writeToArrivalP50: percentile(0.5), writeToArrivalP99: percentile(0.99), writeToArrivalWorst: percentile(1),
                hub: "a triangulate-hub process of its own, SQLite store; this process is the load client")
        }
    }
}

/// What the soak's tasks count, from many tasks at once.
final class SoakCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var writes = 0, errors = 0
    private var latencies: [Double] = []

    func wrote() { lock.withLock { writes += 1 } }
    func failed() { lock.withLock { errors += 1 } }
    func arrived(_ samples: [Double]) { lock.withLock { latencies += samples } }
    func snapshot() -> (writes: Int, errors: Int, latencies: [Double]) { lock.withLock { (writes, errors, latencies) } }
}

/// A process's resident memory, in MB, from /proc.
func residentMegabytes(of pid: Int32) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return (kilobytes / 1024 * 10).rounded() / 10
}
