import Foundation
import Logging
import PostgresNIO
import Synchronization
import TriangulateHub
import TriangulateModel
import TriangulateProtocol

/// The one place where the PostgreSQL store writes events and their audit entries. Every event
/// appends to the log, whose right edge must stay locked until the event's transaction is
/// durable — so events written one transaction each would queue, in every hub process alike, for
/// one disk flush and a dozen round trips each. The writer commits together all the events
/// waiting in its process: one transaction locks the right edge, runs each event acting for its
/// own organisation (row-level security holds each to its own rows), appends all their entries
/// in one statement, signs one checkpoint and commits once. Events keep the locked section short:
/// what they can read beforehand, they read beforehand.
///
/// An event that may be refused runs in a savepoint of its own, so that its refusal undoes only
/// itself. If a group fails otherwise, each of its events is tried again alone, so that one
/// event's failure is never another's.
///
/// Messages are inserted with the right edge locked, so they commit in the order of their
/// sequence numbers across processes: a node reading after cursor N never later finds a message
/// numbered below N.
final class PostgresLogWriter: Sendable {
    /// An event waiting to be written.
    private struct Event: Sendable {
        let actor: PostgresHubStore.Actor
        /// Whether it may throw a refusal, which must undo only itself.
        let mayRefuse: Bool
        /// Writes the event; returns its audit entries.
        let write: @Sendable (PostgresConnection) async throws -> [AuditEntry]
        /// Called once with the outcome, after the commit (or the failure).
        let finish: @Sendable (Result<Void, any Error>) -> Void
    }

    /// The most events one transaction commits.
    static let largestGroup = 256

    private let waiting = Waiting()
    private let rings: AsyncStream<Void>
    private let doorbell: AsyncStream<Void>.Continuation
    private let client: PostgresClient
    private let logger: Logger
    /// The hub's checkpoint key, once the store has read it.
    private let key: @Sendable () -> NodeSigningKey

    init(client: PostgresClient, logger: Logger, key: @escaping @Sendable () -> NodeSigningKey) {
        (rings, doorbell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.client = client
        self.logger = logger
        self.key = key
    }

    /// Commits waiting events, group by group, until cancelled (the store's service runs it).
    func run() async {
        for await _ in rings {
            while case let group = waiting.take(), !group.isEmpty {
                await Self.commit(group, client: client, logger: logger, key: key())
            }
            if Task.isCancelled { break }
        }
    }

    /// The events waiting for the next transaction, oldest first.
    private final class Waiting: Sendable {
        private let events = Mutex<[Event]>([])

        func add(_ event: Event) { events.withLock { $0.append(event) } }

        /// At most `largestGroup` events, taken off the queue.
        func take() -> [Event] {
            events.withLock { events in
                let group = Array(events.prefix(PostgresLogWriter.largestGroup))
                events.removeFirst(group.count)
                return group
            }
        }
    }

    deinit { doorbell.finish() }

    /// Writes an event acting for `actor`: `body` makes its changes and returns a result and the
    /// audit entries that record it; `mayRefuse` when it may throw a refusal (a `HubError`).
    /// Returns once the event is durable, or throws what `body` threw (nothing of the
    /// event is kept) or what the database did.
    func write<T: Sendable>(as actor: PostgresHubStore.Actor, mayRefuse: Bool = false,
                            _ body: @escaping @Sendable (PostgresConnection) async throws -> (T, [AuditEntry])) async throws -> T {
        let result = Slot<T>()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let event = Event(actor: actor, mayRefuse: mayRefuse, write: { connection in
                let (value, entries) = try await body(connection)
                result.put(value)
                return entries
            }, finish: { outcome in continuation.resume(with: outcome) })
            waiting.add(event)
            doorbell.yield()
        }
        guard let value = result.take() else { throw HubError(.storeFailure, "an event was written without a result") }
        return value
    }

    /// Where an event's result waits for its commit.
    private final class Slot<T: Sendable>: Sendable {
        private let value = Mutex<T?>(nil)
        func put(_ new: T) { value.withLock { $0 = new } }
        func take() -> T? { value.withLock { $0 } }
    }

    /// Commits `group` in one transaction and tells each event its outcome.
    private static func commit(_ group: [Event], client: PostgresClient, logger: Logger, key: NodeSigningKey) async {
        var outcomes: [Result<Void, any Error>] = Array(repeating: .success(()), count: group.count)
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await PostgresHubStore.act(as: group[0].actor, on: connection, logger: logger)
                // Lock the right edge first: the messages below then commit in sequence order.
                var frontier = try await lockRightEdge(on: connection, logger: logger)
                var entries: [AuditEntry] = []
                var actor = group[0].actor
                for (index, event) in group.enumerated() {
                    if event.actor != actor {
                        try await PostgresHubStore.act(as: event.actor, on: connection, logger: logger)
                        actor = event.actor
                    }
                    guard event.mayRefuse, group.count > 1 else {
                        entries += try await event.write(connection)
                        continue
                    }
                    try await connection.query("SAVEPOINT event", logger: logger)
                    do {
                        entries += try await event.write(connection)
                        try await connection.query("RELEASE SAVEPOINT event", logger: logger)
                    } catch let refusal as HubError {
                        try await connection.query("ROLLBACK TO SAVEPOINT event", logger: logger)
                        outcomes[index] = .failure(refusal)
                    }
                }
                try await append(entries, to: &frontier, on: connection, logger: logger, key: key)
            }
        } catch {
            guard group.count == 1 else {
                for event in group { await commit([event], client: client, logger: logger, key: key) }
                return
            }
            if let error = error as? PostgresTransactionError, error.rollbackError == nil, let cause = error.closureError {
                outcomes = [.failure(cause)]
            } else {
                outcomes = [.failure(error)]
            }
        }
        for (event, outcome) in zip(group, outcomes) { event.finish(outcome) }
    }

    /// Locks the log's right edge for the rest of the transaction, and reads it.
    private static func lockRightEdge(on connection: PostgresConnection, logger: Logger) async throws -> MerkleFrontier {
        var edge: (Int64, Data)?
        for try await row in try await connection.query("SELECT size, hashes FROM audit_frontier WHERE singleton = 1 FOR UPDATE", logger: logger)
            .decode((Int64, Data).self) { edge = row }
        guard let (size, stored) = edge else { throw HubError(.storeFailure, "the audit log's right edge is missing") }
        return AuditAppender.frontier(size: size, stored: stored)
    }

    /// Appends entries at the locked right edge, in one statement, then signs a checkpoint of
    /// the new size.
    private static func append(_ entries: [AuditEntry], to frontier: inout MerkleFrontier, on connection: PostgresConnection,
                               logger: Logger, key: NodeSigningKey) async throws {
        guard !entries.isEmpty else { return }
        let append = try AuditAppender(entries, at: frontier, key: key)
        frontier = append.frontier
        let indices = append.leaves.map { Int64($0.index) }
        let bodies = append.leaves.map { ByteBuffer(bytes: $0.entry) }
        let hashes = append.leaves.map { ByteBuffer(bytes: $0.hash) }
        let indexed = append.leaves.filter { $0.document != nil }
        let documents = indexed.map { $0.document! }
        let documentIndices = indexed.map { Int64($0.index) }
        try await connection.query("""
            INSERT INTO audit_entry (idx, entry, hash) SELECT * FROM unnest(\(indices)::bigint[], \(bodies)::bytea[], \(hashes)::bytea[])
            """, logger: logger)
        if !documents.isEmpty {
            try await connection.query("""
                INSERT INTO audit_document (document, idx) SELECT * FROM unnest(\(documents)::text[], \(documentIndices)::bigint[])
                """, logger: logger)
        }
        if !append.nodes.isEmpty {
            try await connection.query("""
                INSERT INTO audit_node (level, idx, hash)
                SELECT * FROM unnest(\(append.nodes.map { Int32($0.node.level) })::int[], \(append.nodes.map { Int64($0.node.index) })::bigint[],
                                     \(append.nodes.map { ByteBuffer(bytes: $0.hash) })::bytea[])
                """, logger: logger)
        }
        let checkpoint = append.checkpoint
        try await connection.query("""
            WITH edge AS (UPDATE audit_frontier SET size = \(Int64(frontier.size)), hashes = \(append.storedHashes) WHERE singleton = 1)
            INSERT INTO audit_checkpoint (size, root, key_id, signature)
            VALUES (\(Int64(checkpoint.size)), \(checkpoint.root), \(checkpoint.keyID), \(checkpoint.signature))
            """, logger: logger)
    }
}
