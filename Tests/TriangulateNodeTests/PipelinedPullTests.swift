import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import TriangulateHub
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol
import TriangulateSync
import TriangulateTestSupport

/// A sync asks for the next inbox page while it applies the one before (issue 19's catch-up).
/// A real hub's routes answer a real node store, three items to a page, through a transport that
/// carries requests while the node works, as HTTP does: every page is applied once and in
/// order, each page's receipt extends the checkpoint accepted with the page before, and when the
/// request for the next page fails, the page already pulled stays applied and the next sync
/// resumes after it.
@Suite("Pulling the next page while applying one")
struct PipelinedPullTests {
    /// Shares the partner declares to the node, and batches it pushes into each.
    static let shares = 4, batchesPerShare = 3

    @Test func everyPageIsAppliedOnceInOrderWithItsReceipt() async throws {
        try await withPartnerHub { hub, store, transport, expected in
            let summary = try await store.sync()
            let items = Self.shares * (1 + Self.batchesPerShare)
            #expect(summary.itemsPulled == items && summary.sharesReceived == Self.shares)
            #expect(summary.changesApplied == Self.shares * Self.batchesPerShare * 2 && summary.rejected.isEmpty)
            let cursors = transport.inboxCursors
            #expect(cursors.count == (items + 2) / 3, "three items to a page: \(cursors)")
            #expect(cursors == cursors.sorted() && Set(cursors).count == cursors.count, "pages asked for twice or out of order: \(cursors)")
            #expect(try store.hubCursor() == summary.cursor)
            #expect(try store.auditState().checkpoint == (try await hub.auditCheckpoint()), "the last page's receipt is accepted")
            try Self.expectValues(expected, in: store)
        }
    }

    @Test func aFailedRequestForTheNextPageKeepsThePageBeforeIt() async throws {
        try await withPartnerHub { hub, store, transport, expected in
            transport.failInboxRequest(number: 3)
            await #expect(throws: NodeError.self) { _ = try await store.sync() }
            let cursors = transport.inboxCursors
            try #require(cursors.count == 3)
            #expect(try store.hubCursor() == cursors[2], "the second page, pulled before the third failed, stays applied")

            let summary = try await store.sync()
            #expect(transport.inboxCursors.dropFirst(3).first == cursors[2], "the next sync resumes after the last page applied")
            #expect(summary.itemsPulled == Self.shares * (1 + Self.batchesPerShare) - 6 && summary.rejected.isEmpty)
            #expect(try store.auditState().checkpoint == (try await hub.auditCheckpoint()))
            try Self.expectValues(expected, in: store)
        }
    }

    /// Every document holds the partner's last values.
    static func expectValues(_ expected: [String: [String: String]], in store: NodeStore) throws {
        for (document, values) in expected {
            let view = try store.sharedDocument(document)?.view
            for (field, value) in values { #expect(view?.registers[field]?.value == value, "\(document).\(field)") }
        }
    }

    /// A hub in this process with NMC, which has declared `shares` shares to CQC and pushed
    /// `batchesPerShare` batches into each, and CQC's node store enrolled with it, three items
    /// to a page; runs `body` while the hub's routes answer.
    func withPartnerHub(
        _ body: @Sendable (Hub, NodeStore, CountingTransport, [String: [String: String]]) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipelined-pull-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let hub = Hub(store: try SQLiteHubStore(path: directory.appendingPathComponent("hub.sqlite").path))
        let partnerKey = NodeSigningKey()
        _ = try await hub.enrol(EnrolmentRequest(token: try await hub.addOrganisation(code: "NMC", name: "NMC", role: "signatory"), key: partnerKey))
        let token = try await hub.addOrganisation(code: "CQC", name: "CQC", role: "signatory")
        let expected = try await Self.fill(hub, key: partnerKey)

        let transport = CountingTransport()
        var environment = NodeEnvironment.live
        environment.hubTransport = transport
        environment.inboxPageSize = 3
        let store = try NodeStore.create(at: directory.appendingPathComponent("node.sqlite").path,
                                         organisation: try OrganisationCode(parsing: "CQC"), by: "tester", environment: environment)
        let key = try store.signingKey()
        _ = try await hub.enrol(EnrolmentRequest(token: token, key: key))
        try store.recordEnrolment(url: "http://hub.test", hubKey: hub.store.hubKey.base64, key: key, by: "tester")

        let app = Application(router: HubRoutes.router(for: hub, logger: hub.logger))
        try await app.test(.router) { client in
            transport.connect(client)
            defer { transport.disconnect() }
            try await body(hub, store, transport, expected)
        }
    }

    /// The partner's shares and batches, pushed straight to the hub; returns each document's
    /// last values.
    static func fill(_ hub: Hub, key: NodeSigningKey) async throws -> [String: [String: String]] {
        let schema = try #require(DocumentCatalog(EmergingConcerns.documents).schema(.action))
        var random = SystemRandomNumberGenerator()
        func newID() -> String { UUIDv7.make(at: Date(), using: &random).uuidString.lowercased() }
        let documents = (0..<shares).map { _ in (share: newID(), header: DocumentHeader(id: newID(), type: .action, owner: "NMC")) }
        let declarations = documents.map { document in
            ShareDeclaration(id: document.share, document: document.header, schema: schema, audience: [AudienceMember(organisation: "CQC")],
                             purpose: "test", basis: "test", payloadClass: "metadata", fields: ["evidence", "summary"])
        }
        var pushes = [PushRequest(shares: declarations)]
        var expected: [String: [String: String]] = [:]
        let wall = SyncLedger.wall(Date()) - 86_400_000
        var counter: UInt64 = 0
        for round in 0..<batchesPerShare {
            var batches: [SignedBatch] = []
            for (index, document) in documents.enumerated() {
                let changes = ["evidence", "summary"].map { field in
                    counter += 1
                    let value = "Round \(round) of \(field) in document \(index)"
                    expected[document.header.id, default: [:]][field] = value
                    return Change(document: document.header.id, field: field, operation: .assign(value: value, supersedes: []),
                                  stamp: HybridTimestamp(milliseconds: wall + counter, counter: 0, replica: ReplicaID("NMC.test")))
                }
                batches.append(try SignedBatch(share: document.share, changes: ChangeSet(headers: [document.header.id: document.header], changes: changes), key: key))
            }
            pushes.append(PushRequest(batches: batches))
        }
        for push in pushes {
            let answer = try await hub.push(push, from: "NMC")
            #expect(answer.refused.isEmpty, "the hub refused the partner's push: \(answer.refused)")
        }
        return expected
    }
}

/// Carries a node's requests through the hub's routes in this process, any number at once, as
/// HTTP does; notes the cursor of every inbox page asked for, and fails one such request when told.
final class CountingTransport: HubTransport {
    private struct State {
        var client: (any TestClientProtocol)?
        var inboxCursors: [Int64] = []
        var failingRequest: Int?
    }

    private let state = Mutex(State())

    /// The `after` cursor of every inbox request, in the order they reached the transport.
    var inboxCursors: [Int64] { state.withLock { $0.inboxCursors } }

    /// Answers through `client` from now on.
    func connect(_ client: some TestClientProtocol) { state.withLock { $0.client = client } }

    /// Stops answering.
    func disconnect() { state.withLock { $0.client = nil } }

    /// Makes the `number`th inbox request (counting from 1) fail as an unreachable hub does.
    func failInboxRequest(number: Int) { state.withLock { $0.failingRequest = number } }

    func exchange(_ request: HubTransportRequest, with baseURL: String) async throws -> HubTransportAnswer {
        let isInbox = request.target.hasPrefix("/v1/inbox?")
        let (client, fails) = state.withLock { state -> ((any TestClientProtocol)?, Bool) in
            guard isInbox else { return (state.client, false) }
            let after = URLComponents(string: request.target)?.queryItems?.first { $0.name == "after" }?.value.flatMap { Int64($0) } ?? -1
            state.inboxCursors.append(after)
            return (state.client, state.inboxCursors.count == state.failingRequest)
        }
        guard let client, !fails else { throw NodeError(.hubUnreachable, "the test's hub does not answer") }
        return try await client.deliver(request)
    }
}
