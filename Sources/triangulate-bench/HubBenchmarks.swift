import AsyncHTTPClient
import Foundation
import TriangulateHub
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// Issue 4's benchmarks, against a real hub: a `triangulate-hub serve` process of its own on
/// loopback (so that its figures are the hub's, not this process's scheduler's), with its SQLite
/// store on disk, and `nodes` clients in this process speaking the signed HTTP protocol
/// concurrently: ingest in changes per second, and the time from a write on one node to its
/// arrival on the node it is addressed to, p50 and p99.
struct HubBenchmarks {
    let nodes: Int
    let batches: Int
    let changesPerBatch: Int
    let writes: Int
    /// The pause between one node's writes.
    let interval: Duration

    func run() async throws -> HubFigures {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hub.sqlite").path
            let hub = Hub(store: try SQLiteHubStore(path: path))
            var tokens: [(String, String)] = []
            for index in 0..<nodes {
                let code = "ORG\(index)"
                tokens.append((code, try await hub.addOrganisation(code: code, name: code, role: "signatory")))
            }
            let server = try HubProcess(arguments: ["--store", path])
            defer { server.stop() }
            progress("enrolling \(nodes) nodes with the hub process at \(server.url) and declaring their shares")
            let clients = try await BenchNode.enrol(tokens, through: [server.url])
            do {
                progress("(ingest) \(nodes) nodes push \(batches) batches of \(changesPerBatch) changes each, concurrently")
                let ingest = try await BenchNode.ingest(clients, batches: batches, changesPerBatch: changesPerBatch)
                let ingested = nodes * batches * changesPerBatch

                progress("(latency) \(nodes) nodes each write \(writes) times, every \(interval), while all of them sync")
                let hubCPUBefore = server.cpuSeconds ?? 0
                let clientCPUBefore = processorSeconds(of: "self") ?? 0
                let machineBefore = MachineLoad.now()
                let samples = try await latencySamples(clients)
                let machineBusy = machineBefore.flatMap { before in MachineLoad.now().map { $0.busy(since: before) } }
                let written = Double(nodes * writes)
                let hubCPU = ((server.cpuSeconds ?? 0) - hubCPUBefore) / written * 1000
                let clientCPU = ((processorSeconds(of: "self") ?? 0) - clientCPUBefore) / written * 1000
                try await BenchNode.shutdown(clients)
                let sorted = samples.sorted()
                func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
                return HubFigures(
                    ingest: .atLeast(Double(ingested) / ingest.seconds, 50_000, "changes/s"),
                    ingestedChanges: ingested,
                    writeToArrivalP50: .atMost(percentile(0.5), 20, "ms"),
                    writeToArrivalP99: .atMost(percentile(0.99), 20, "ms"),
                    latencySamples: samples.count,
                    nodes: nodes,
                    writesPerSecond: (Double(nodes) / interval.seconds).rounded(),
                    hub: "a triangulate-hub process of its own, SQLite store",
                    latencyHubCPUMillisecondsPerWrite: (hubCPU * 100).rounded() / 100,
                    latencyClientCPUMillisecondsPerWrite: (clientCPU * 100).rounded() / 100,
                    latencyMachineBusyPercent: machineBusy.map { ($0 * 100).rounded() })
            } catch {
                try? await BenchNode.shutdown(clients)
                throw error
            }
        }
    }

    /// Every node writes `writes` times, `interval` apart (the nodes spread evenly over the
    /// interval, as independent machines would be), and meanwhile pulls its inbox in a loop,
    /// long-polling (`wait=5`); a sample is the time from the start of a write's push to the end
    /// of the pull that brought it. Each node's first write, which opens its connections, is a
    /// warm-up and not counted.
    private func latencySamples(_ clients: [BenchNode]) async throws -> [Double] {
        let start = ContinuousClock.now
        let expected = clients.count * writes
        return try await withThrowingTaskGroup(of: [Double].self) { group in
            for (index, node) in clients.enumerated() {
                group.addTask {
                    // Nodes are not in step: each starts at its own offset within the interval.
                    try await Task.sleep(for: interval * (Double(index) / Double(clients.count)))
                    for write in 0..<writes {
                        try await Task.sleep(for: interval)
                        let sent = (ContinuousClock.now - start).seconds
                        try await node.push(count: 1, sequence: 1_000_000 + write, value: "t=\(sent);w=\(write)")
                    }
                    return []
                }
                group.addTask {
                    var cursor: Int64 = 0
                    var latencies: [Double] = []
                    let deadline = ContinuousClock.now + interval * writes + .seconds(10)
                    var arrivals = 0
                    while arrivals < writes, ContinuousClock.now < deadline {
                        let page = try await node.puller.send("GET", "/v1/inbox", query: "after=\(cursor)&limit=500&wait=5", as: InboxPage.self)
                        let arrived = (ContinuousClock.now - start).seconds
                        for (sent, write) in BenchNode.sentTimes(in: page) {
                            arrivals += 1
                            // The first write of each node opens its connections: a warm-up, not counted.
                            if write != 0 { latencies.append((arrived - sent) * 1000) }
                        }
                        cursor = page.cursor
                    }
                    return latencies
                }
            }
            var all: [Double] = []
            for try await latencies in group { all += latencies }
            if all.count < expected - clients.count {
                progress("only \(all.count) of \(expected - clients.count) measured writes arrived before the deadline")
            }
            return all
        }
    }
}

/// One benchmark node: an organisation, its key, and its share of one document.
struct BenchNode: Sendable {
    let code: String
    let key: NodeSigningKey
    /// Pushes go through this client.
    let client: HubClient
    /// Pulls go through this one (the same connection pool, which keeps a connection for each).
    let puller: HubClient
    /// The node's own connections to the hub, as a separate machine would have.
    let pool: HTTPClient
    let share = BenchNode.newID()
    let document = BenchNode.newID()

    /// A fresh UUIDv7, as a node makes its ids.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return UUIDv7.make(at: Date(), using: &generator).uuidString.lowercased()
    }

    var header: DocumentHeader { DocumentHeader(id: document, type: .action, owner: code) }

    /// Enrols a node for each organisation and token, the nodes spread over the hub processes at
    /// `urls` in turn, and has each declare a share to the next.
    static func enrol(_ tokens: [(code: String, token: String)], through urls: [String]) async throws -> [BenchNode] {
        var nodes: [BenchNode] = []
        for (index, (code, token)) in tokens.enumerated() {
            let url = urls[index % urls.count]
            let key = NodeSigningKey()
            // Each node has its own connections, as separate machines would: one for its long
            // poll and one for its writes, so that a write never queues behind the poll.
            let pool = try HubClient.makeConnectionPool(connections: 2)
            _ = try await HubClient(url: url, key: nil, http: pool).send(
                "POST", "/v1/enrol", body: try EnrolmentRequest(token: token, key: key), as: EnrolmentResponse.self)
            nodes.append(BenchNode(code: code, key: key,
                                   client: try HubClient(url: url, key: key, http: pool),
                                   puller: try HubClient(url: url, key: key, http: pool),
                                   pool: pool))
        }
        for (index, node) in nodes.enumerated() {
            try await node.declare(to: nodes[(index + 1) % nodes.count].code)
        }
        return nodes
    }

    /// The timed writes a page of the inbox brought: when each was sent (seconds from the run's
    /// start) and its number, from the values `t=SENT;w=WRITE` the writers assign.
    static func sentTimes(in page: InboxPage) -> [(sent: Double, write: Int)] {
        var found: [(sent: Double, write: Int)] = []
        for item in page.items {
            guard let batch = item.batch, let changes = try? batch.decodedChanges() else { continue }
            for change in changes.changes {
                guard case .assign(let value?, _) = change.operation, value.hasPrefix("t=") else { continue }
                let parts = value.dropFirst(2).split(separator: ";w=")
                guard parts.count == 2, let sent = Double(parts[0]), let write = Int(parts[1]) else { continue }
                found.append((sent, write))
            }
        }
        return found
    }

    /// Closes every node's connections.
    static func shutdown(_ nodes: [BenchNode]) async throws {
        for node in nodes { try await node.pool.shutdown() }
    }

    /// Every node pushes `batches` batches of `changesPerBatch` changes, all nodes at once; the
    /// time until the hub has accepted them all.
    static func ingest(_ nodes: [BenchNode], batches: Int, changesPerBatch: Int) async throws -> Duration {
        try await measureAsync {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for node in nodes {
                    group.addTask {
                        for batch in 0..<batches { try await node.push(count: changesPerBatch, sequence: batch * changesPerBatch) }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    func declare(to recipient: String) async throws {
        let declaration = ShareDeclaration(id: share, document: header, schema: DocumentCatalog(EmergingConcerns.documents).schema(.action)!, audience: [AudienceMember(organisation: recipient)],
                                           purpose: "benchmark", basis: "benchmark", payloadClass: "metadata",
                                           fields: ["state", "evidence", "summary"])
        _ = try await client.send("POST", "/v1/push", body: PushRequest(shares: [declaration]), as: PushResponse.self)
    }

    func push(count: Int, sequence: Int, value: String? = nil) async throws {
        let wall = UInt64(Date().timeIntervalSince1970 * 1000)
        let changes = (0..<count).map { index in
            Change(document: document, field: "evidence", operation: .assign(value: value ?? "Report filed \(sequence + index)", supersedes: []),
                   stamp: HybridTimestamp(milliseconds: wall, counter: UInt32(sequence + index), replica: ReplicaID("\(code).bench")))
        }
        let batch = try SignedBatch(share: share, changes: ChangeSet(headers: [document: header], changes: changes), key: key)
        let answer = try await client.send("POST", "/v1/push", body: PushRequest(batches: [batch]), as: PushResponse.self)
        if !answer.refused.isEmpty { throw HubError(.invalidRequest, "the hub refused a benchmark batch: \(answer.refused)") }
    }
}

/// Times an asynchronous block with the monotonic clock.
func measureAsync(_ body: () async throws -> Void) async rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    return clock.now - start
}
