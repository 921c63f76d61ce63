import AsyncHTTPClient
import Foundation
import TriangulateHub
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// Issue 19's catch-up after 90 days offline, against a real hub: a `triangulate-hub serve`
/// process on loopback with its SQLite store on disk. While the node was away, a partner
/// declared `shares` shares of its own documents to it and pushed `changes` changes into them
/// (as many to each share: the rest of a division is dropped), `changesPerBatch` to a signed batch, as a partner syncing now and then would. Then the node
/// — a real store, enrolled with the hub — runs `triangulate sync`: the figure is that sync's
/// time, which pulls every page, checks each batch's signature and the audit receipts, and
/// applies every change. Afterwards every document must hold the partner's last values.
struct CatchUpBenchmarks {
    let shares: Int
    let changes: Int
    let changesPerBatch: Int

    func run() async throws -> CatchUpFigures {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("hub.sqlite").path
            let hub = Hub(store: try SQLiteHubStore(path: path))
            let partnerToken = try await hub.addOrganisation(code: "NMC", name: "NMC", role: "signatory")
            let nodeToken = try await hub.addOrganisation(code: "CQC", name: "CQC", role: "signatory")
            let server = try HubProcess(arguments: ["--store", path])
            defer { server.stop() }
            let store = try NodeStore.create(at: directory.appendingPathComponent("node.sqlite").path,
                                             organisation: try OrganisationCode(parsing: "CQC"), by: "bench")
            _ = try await store.enrol(hub: server.url, token: nodeToken, by: "bench")

            let pool = try HubClient.makeConnectionPool(connections: 1)
            let key = NodeSigningKey()
            let expected: [String: [String: String]]
            do {
                _ = try await HubClient(url: server.url, key: nil, http: pool).send(
                    "POST", "/v1/enrol", body: try EnrolmentRequest(token: partnerToken, key: key), as: EnrolmentResponse.self)
                expected = try await fill(through: try HubClient(url: server.url, key: key, http: pool), key: key)
                try await pool.shutdown()
            } catch {
                try? await pool.shutdown()
                throw error
            }
            let missed = changes / shares * shares

            progress("(catch-up) the node syncs after missing \(missed) changes across \(shares) shares")
            var summary = SyncSummary()
            let elapsed = try await measureAsync { summary = try await store.sync() }
            var converged = summary.changesApplied == missed && summary.sharesReceived == shares && summary.rejected.isEmpty
            for (document, values) in expected where converged {
                let view = try store.sharedDocument(document)?.view
                converged = values.allSatisfy { field, value in view?.registers[field]?.value == value }
            }
            return CatchUpFigures(
                catchUp: .atMost(elapsed.seconds, 5, "s"),
                changesPerSecond: (Double(missed) / elapsed.seconds).rounded(),
                shares: shares, changes: missed, changesPerBatch: changesPerBatch,
                itemsPulled: summary.itemsPulled, changesApplied: summary.changesApplied, converged: converged)
        }
    }

    /// The partner's work while the node was away: each share declared, then its changes pushed
    /// in signed batches, many batches to a push. Returns each document's last values.
    private func fill(through partner: HubClient, key: NodeSigningKey) async throws -> [String: [String: String]] {
        let schema = DocumentCatalog(EmergingConcerns.documents).schema(.action)!
        let fields = ["evidence", "summary", "state"]
        let documents = (0..<shares).map { _ in (share: BenchNode.newID(), header: DocumentHeader(id: BenchNode.newID(), type: .action, owner: "NMC")) }
        progress("(catch-up) the partner declares \(shares) shares to the node")
        for chunk in stride(from: 0, to: shares, by: 100) {
            let declarations = documents[chunk..<min(chunk + 100, shares)].map { document in
                ShareDeclaration(id: document.share, document: document.header, schema: schema, audience: [AudienceMember(organisation: "CQC")],
                                 purpose: "benchmark", basis: "benchmark", payloadClass: "metadata", fields: fields)
            }
            try await push(PushRequest(shares: declarations), through: partner)
        }
        progress("(catch-up) the partner pushes \(changes / shares * shares) changes in batches of \(changesPerBatch)")
        let wall = SyncLedger.wall(Date()) - 90 * 86_400_000
        var expected: [String: [String: String]] = [:]
        var batches: [SignedBatch] = []
        var counter: UInt32 = 0
        for round in 0..<(changes / shares + changesPerBatch - 1) / changesPerBatch {
            for (index, document) in documents.enumerated() {
                let first = round * changesPerBatch
                let count = min(changesPerBatch, changes / shares - first)
                guard count > 0 else { continue }
                let batch = (first..<(first + count)).map { number in
                    counter += 1
                    let field = fields[number % 2]
                    let value = "Update \(number) to document \(index): evidence received from the provider on visit \(number)"
                    expected[document.header.id, default: [:]][field] = value
                    return Change(document: document.header.id, field: field, operation: .assign(value: value, supersedes: []),
                                  stamp: HybridTimestamp(milliseconds: wall + UInt64(counter), counter: 0, replica: ReplicaID("NMC.bench")))
                }
                batches.append(try SignedBatch(share: document.share, changes: ChangeSet(headers: [document.header.id: document.header], changes: batch), key: key))
                if batches.count == 200 {
                    try await push(PushRequest(batches: batches), through: partner)
                    batches = []
                }
            }
        }
        if !batches.isEmpty { try await push(PushRequest(batches: batches), through: partner) }
        return expected
    }

    private func push(_ request: PushRequest, through partner: HubClient) async throws {
        let answer = try await partner.send("POST", "/v1/push", body: request, as: PushResponse.self)
        if !answer.refused.isEmpty { throw HubError(.invalidRequest, "the hub refused the benchmark's push: \(answer.refused.prefix(3))") }
    }
}
