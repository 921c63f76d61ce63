import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization
import TriangulateHub
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The hub store on PostgreSQL, for several stateless hub processes sharing one database. It
/// passes the same conformance suite as the SQLite store. Every event goes through the
/// `PostgresLogWriter`, which commits the events waiting in this process together with their
/// audit entries, the log's right edge locked, so that processes appending at once keep one log
/// with no gap and no fork.
///
/// Every transaction, and each event within one, says whom it acts for, and row-level security
/// holds it to that: an organisation's inbox is read acting for it. Hub-wide reads (checking a
/// request, a share, the log) go through a second pool whose connections act for the hub from
/// their start, one statement each.
public final class PostgresHubStore: HubStore, Service {
    private let address: PostgresAddress
    private let client: PostgresClient
    /// Connections acting for the hub, for hub-wide reads.
    private let hubReader: PostgresClient
    let logger: Logger
    let writer: PostgresLogWriter
    /// The hub's signing key and the salt of its document hashes, read by `prepare()`.
    private let secrets = Secrets()
    /// The task running the connections when `connect(url:)` made the store for a command.
    private let runner = Mutex<Task<Void, Never>?>(nil)

    /// A store on `url` (`postgres://USER:PASSWORD@HOST:PORT/DATABASE`), not yet connected: run it
    /// as a service (its connection pools and its log writer) and `prepare()` it before use.
    /// The URL is checked here, before anything else happens.
    public init(url: String) throws {
        address = try PostgresAddress(url: url)
        var logger = Logger(label: "triangulate-hub.postgres")
        logger.logLevel = .error
        self.logger = logger
        client = PostgresClient(configuration: try address.clientConfiguration(), backgroundLogger: logger)
        hubReader = PostgresClient(configuration: try address.clientConfiguration(actingForHub: true), backgroundLogger: logger)
        writer = PostgresLogWriter(client: client, logger: logger) { [secrets] in secrets.key }
    }

    deinit { runner.withLock { $0?.cancel() } }

    /// The store itself: its connection pools and log writer, as one service.
    public var service: (any Service)? { self }

    /// Runs the store's connection pools and its log writer until the service group shuts down
    /// (after the HTTP server, which is the last to start and the first to stop).
    public func run() async { await Self.run(client, hubReader, writer) }

    /// Runs the pools and the writer; static, so that the task `connect(url:)` starts holds them
    /// and not the store, whose release then stops them.
    private static func run(_ client: PostgresClient, _ hubReader: PostgresClient, _ writer: PostgresLogWriter) async {
        await withDiscardingTaskGroup { group in
            group.addTask { await client.run() }
            group.addTask { await hubReader.run() }
            group.addTask { await cancelWhenGracefulShutdown { await writer.run() } }
        }
    }

    /// Connects to `url`, migrating the schema, for a command that runs no service group: the
    /// store runs its own connections until it is released.
    public static func connect(url: String) async throws -> PostgresHubStore {
        let store = try PostgresHubStore(url: url)
        let (client, hubReader, writer) = (store.client, store.hubReader, store.writer)
        store.runner.withLock { $0 = Task(priority: .high) { await run(client, hubReader, writer) } }
        do {
            try await store.prepare()
        } catch {
            store.runner.withLock { $0?.cancel() }
            throw error
        }
        return store
    }

    /// Checks the server and the role, migrates the schema and reads (or first makes) the hub's
    /// signing key and salt. The connections must be running.
    public func prepare() async throws {
        do {
            try await address.probe(logger: logger)
            try await Self.refuseRoleAboveRowLevelSecurity(client, logger: logger)
            try await PostgresHubSchema.migrate(client, logger: logger)
            let candidate = NodeSigningKey()
            var generator = SystemRandomNumberGenerator()
            let freshSalt = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let logger = self.logger
            let stored = try await client.withTransaction(logger: logger) { connection in
                try await Self.act(as: .hub, on: connection, logger: logger)
                try await connection.query(
                    "INSERT INTO hub_secret (singleton, private_key, salt) VALUES (1, \(candidate.rawRepresentation), \(freshSalt)) ON CONFLICT DO NOTHING",
                    logger: logger)
                var secrets: (Data, Data)?
                for try await row in try await connection.query("SELECT private_key, salt FROM hub_secret", logger: logger).decode((Data, Data).self) {
                    secrets = row
                }
                return secrets
            }
            guard let (raw, salt) = stored else { throw HubError(.storeFailure, "the hub database has no signing key") }
            let key = try NodeSigningKey(rawRepresentation: raw)
            secrets.set(key: key, salt: salt)
        } catch let error as PSQLError {
            throw address.explain(error)
        }
    }

    /// The hub's signing key (after `prepare()`).
    private var key: NodeSigningKey { secrets.key }

    /// The salt of the hub's document hashes (after `prepare()`).
    private var salt: Data { secrets.salt }

    /// The secrets `prepare()` reads from the database; using the store before then is a
    /// programming error.
    private final class Secrets: Sendable {
        private let value = Mutex<(key: NodeSigningKey, salt: Data)?>(nil)

        func set(key: NodeSigningKey, salt: Data) { value.withLock { $0 = (key, salt) } }

        var key: NodeSigningKey {
            guard let key = value.withLock({ $0?.key }) else { preconditionFailure("the PostgreSQL hub store was used before prepare()") }
            return key
        }

        var salt: Data {
            guard let salt = value.withLock({ $0?.salt }) else { preconditionFailure("the PostgreSQL hub store was used before prepare()") }
            return salt
        }
    }

    /// Refuses a role that row-level security does not bind (a superuser, or one with
    /// `BYPASSRLS`): through it, the hub's tenant isolation would rest on its own queries alone.
    private static func refuseRoleAboveRowLevelSecurity(_ client: PostgresClient, logger: Logger) async throws {
        for try await (role, exempt) in try await client.query(
            "SELECT rolname, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", logger: logger).decode((String, Bool).self) where exempt {
            throw HubError(.invalidRequest, """
                the hub connects to PostgreSQL as \(role), a superuser or BYPASSRLS role that row-level security does not bind: \
                connect as a role of its own (ops/hub/postgres-setup.sql creates triangulate_hub)
                """)
        }
    }

    /// Whom a transaction acts for; row-level security holds it to what that one may see.
    enum Actor: Equatable, Sendable {
        /// The hub itself: operator commands, authenticating requests, checking a push against
        /// every share, the audit log.
        case hub
        /// One organisation, pushing or reading its inbox.
        case organisation(String)
    }

    /// Says, for the rest of the transaction on `connection` (or until said again), whom it acts for.
    static func act(as actor: Actor, on connection: PostgresConnection, logger: Logger) async throws {
        let (scope, organisation) = switch actor {
        case .hub: ("hub", "")
        case .organisation(let code): ("", code)
        }
        try await connection.query(
            "SELECT set_config('triangulate.scope', \(scope), true), set_config('triangulate.organisation', \(organisation), true)", logger: logger)
    }

    /// Runs `body` in one transaction acting for `actor`; a refusal it throws comes out as
    /// itself, not wrapped.
    func transaction<T: Sendable>(as actor: Actor, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await Self.act(as: actor, on: connection, logger: logger)
                return try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            if let refusal = error.closureError as? HubError, error.rollbackError == nil { throw refusal }
            throw error
        }
    }

    /// The rows of `query`, each decoded as `types` (one column or a tuple of columns).
    func rows<each Column: PostgresDecodable>(
        _ query: PostgresQuery, as types: (repeat each Column).Type, on connection: PostgresConnection
    ) async throws -> [(repeat each Column)] {
        var result: [(repeat each Column)] = []
        for try await row in try await connection.query(query, logger: logger) { result.append(try row.decode((repeat each Column).self)) }
        return result
    }

    /// The rows of `query`, one statement acting for the hub.
    func rows<each Column: PostgresDecodable>(_ query: PostgresQuery, as types: (repeat each Column).Type) async throws -> [(repeat each Column)] {
        var result: [(repeat each Column)] = []
        for try await row in try await hubReader.query(query, logger: logger) { result.append(try row.decode((repeat each Column).self)) }
        return result
    }

    // MARK: Organisations and keys

    public func addOrganisation(_ organisation: HubOrganisation, tokenHash: String) async throws {
        try await writer.write(as: .hub, mayRefuse: true) { [self] connection in
            let existing = try await rows("SELECT code FROM organisation WHERE code = \(organisation.code)", as: String.self, on: connection)
            guard existing.isEmpty else {
                throw HubError(.conflict, "\(organisation.code) is already an organisation of this hub: to enrol another key, use `triangulate-hub org token \(organisation.code)`")
            }
            try await connection.query("""
                INSERT INTO organisation (code, name, role, status, added_at, token_hash)
                VALUES (\(organisation.code), \(organisation.name), \(organisation.role), \(organisation.status), \(organisation.addedAt), \(tokenHash))
                """, logger: logger)
            return ((), [AuditEvents.organisationAdded(organisation)])
        }
    }

    public func replaceToken(of code: String, tokenHash: String, rotationWindow: TimeInterval?, at: Date) async throws {
        try await writer.write(as: .hub, mayRefuse: true) { [self] connection in
            let updated = try await rows("UPDATE organisation SET token_hash = \(tokenHash), rotation_window = \(rotationWindow) WHERE code = \(code) RETURNING code",
                                         as: String.self, on: connection)
            guard !updated.isEmpty else { throw HubError(.notFound, "\(code) is not an organisation of this hub") }
            var entries = [AuditEvents.tokenIssued(to: code, rotationWindow: rotationWindow, at: at)]
            if rotationWindow == nil { entries += try await retireKeys(of: code, except: nil, until: at, why: "token-issued", at: at, on: connection) }
            return ((), entries)
        }
    }

    /// Retires `code`'s keys but `keyID` that are still valid at `until`, from `until`.
    private func retireKeys(of code: String, except keyID: String?, until: Date, why: String, at: Date,
                            on connection: PostgresConnection) async throws -> [AuditEntry] {
        try await rows("""
            UPDATE node_key SET valid_until = \(until)
            WHERE organisation = \(code) AND key_id IS DISTINCT FROM \(keyID) AND (valid_until IS NULL OR valid_until > \(until))
            RETURNING key_id
            """, as: String.self, on: connection).map { AuditEvents.keyRetired($0, of: code, until: until, why: why, at: at) }
    }

    public func revokeKey(_ keyID: String, at: Date) async throws {
        try await writer.write(as: .hub, mayRefuse: true) { [self] connection in
            guard let code = try await rows("SELECT organisation FROM node_key WHERE key_id = \(keyID)", as: String.self, on: connection).first else {
                throw HubError(.notFound, "no key \(WireText.excerpt(keyID)) is enrolled with this hub: list an organisation's keys with `triangulate-hub org keys CODE`")
            }
            try await connection.query(
                "UPDATE node_key SET valid_until = \(at) WHERE key_id = \(keyID) AND (valid_until IS NULL OR valid_until > \(at))", logger: logger)
            return ((), [AuditEvents.keyRetired(keyID, of: code, until: at, why: "revoked", at: at)])
        }
    }

    public func keys(of code: String) async throws -> [HubKey] {
        try await rows("SELECT key_id, organisation, public_key, valid_until FROM node_key WHERE organisation = \(code) ORDER BY enrolled_at DESC, key_id",
                       as: (String, String, String, Date?).self)
            .map { HubKey(keyID: $0.0, organisation: $0.1, publicKey: $0.2, validUntil: $0.3) }
    }

    public func setStatus(of code: String, to status: String) async throws {
        try await writer.write(as: .hub, mayRefuse: true) { [self] connection in
            let updated = try await rows("UPDATE organisation SET status = \(status) WHERE code = \(code) RETURNING code", as: String.self, on: connection)
            guard !updated.isEmpty else { throw HubError(.notFound, "\(code) is not an organisation of this hub") }
            return ((), [AuditEvents.statusChanged(of: code, to: status, at: Date())])
        }
    }

    public func organisations() async throws -> [HubOrganisation] {
        try await rows("SELECT code, name, role, status, added_at FROM organisation ORDER BY code", as: (String, String, String, String, Date).self)
            .map { HubOrganisation(code: $0.0, name: $0.1, role: $0.2, status: $0.3, addedAt: $0.4) }
    }

    public func organisation(_ code: String) async throws -> HubOrganisation? {
        try await rows("SELECT code, name, role, status, added_at FROM organisation WHERE code = \(code)", as: (String, String, String, String, Date).self)
            .first.map { HubOrganisation(code: $0.0, name: $0.1, role: $0.2, status: $0.3, addedAt: $0.4) }
    }

    public func enrol(tokenHash: String, key: HubKey, at: Date) async throws -> String {
        try await writer.write(as: .hub, mayRefuse: true) { [self] connection in
            guard let (code, window) = try await rows(
                "SELECT code, rotation_window FROM organisation WHERE token_hash = \(tokenHash) AND status = 'active' FOR UPDATE",
                as: (String, Double?).self, on: connection).first else {
                throw HubError(.unauthorised, "this enrolment token is unknown, already used, or its organisation is suspended: ask the hub operator for a new one")
            }
            if let holder = try await rows("SELECT organisation FROM node_key WHERE key_id = \(key.keyID)", as: String.self, on: connection).first {
                throw HubError.keyEnrolledBefore(key.keyID, sameOrganisation: holder == code)
            }
            try await connection.query("UPDATE organisation SET token_hash = NULL, rotation_window = NULL WHERE code = \(code)", logger: logger)
            try await connection.query("""
                INSERT INTO node_key (key_id, organisation, public_key, enrolled_at) VALUES (\(key.keyID), \(code), \(key.publicKey), \(at))
                """, logger: logger)
            let retired = try await retireKeys(of: code, except: key.keyID, until: at.addingTimeInterval(window ?? 0), why: "enrolment", at: at, on: connection)
            return (code, [AuditEvents.enrolled(code, keyID: key.keyID, at: at)] + retired)
        }
    }

    public func key(_ keyID: String) async throws -> HubKey? {
        try await rows("SELECT key_id, organisation, public_key, valid_until FROM node_key WHERE key_id = \(keyID)", as: (String, String, String, Date?).self)
            .first.map { HubKey(keyID: $0.0, organisation: $0.1, publicKey: $0.2, validUntil: $0.3) }
    }

    /// Nonces are in the database: every hub process sees every other's. Each is kept until
    /// its request's signed time plus the allowed skew (the column `at`), after which the request
    /// is refused as stale anyway; expired ones are deleted as they are met, skipping any that
    /// another request is deleting. One statement.
    public func useNonce(_ nonce: String, keyID: String, signedAt: Date, at: Date) async throws -> Bool {
        let expiry = signedAt.addingTimeInterval(Double(RequestSignature.allowedSkew))
        let expired = at.addingTimeInterval(-Double(RequestSignature.allowedSkew))
        return try await !rows("""
            WITH expired AS (DELETE FROM nonce WHERE (key_id, nonce) IN (
                SELECT key_id, nonce FROM nonce WHERE at < \(expired) LIMIT 100 FOR UPDATE SKIP LOCKED))
            INSERT INTO nonce (key_id, nonce, at) VALUES (\(keyID), \(nonce), \(expiry)) ON CONFLICT DO NOTHING RETURNING nonce
            """, as: String.self).isEmpty
    }

    // MARK: Shares and messages

    public func share(_ id: String) async throws -> HubShare? {
        try await rows(Self.shareQuery(id), as: (Data, Date?, [String]).self).first.map { try Self.share(id, $0) }
    }

    private func share(_ id: String, on connection: PostgresConnection) async throws -> HubShare? {
        try await rows(Self.shareQuery(id), as: (Data, Date?, [String]).self, on: connection).first.map { try Self.share(id, $0) }
    }

    /// A share's declaration, withdrawal and the organisations withdrawn from it.
    private static func shareQuery(_ id: String) -> PostgresQuery {
        """
        SELECT declaration, withdrawn_at, ARRAY(SELECT organisation FROM audience WHERE share = s.id AND removed_at IS NOT NULL)
        FROM share s WHERE id = \(id)
        """
    }

    /// Declarations decoded before, shared by every PostgreSQL store in the process (keyed by bytes).
    private static let declarations = DeclarationCache()

    private static func share(_ id: String, _ row: (Data, Date?, [String])) throws -> HubShare {
        HubShare(declaration: try declarations.declaration(of: id, from: row.0), withdrawnAt: row.1, removed: Set(row.2))
    }

    public func document(_ id: String) async throws -> DocumentHeader? {
        try await rows("SELECT id, owner, type FROM document WHERE id = \(id)", as: (String, String, String).self).first.flatMap { row in
            DocumentType(rawValue: row.2).map { DocumentHeader(id: row.0, type: $0, owner: row.1) }
        }
    }

    /// Registers the document acting for its owner: row-level security hides another
    /// organisation's registration, so a conflict that inserts nothing and then finds nothing
    /// is a document someone else owns.
    public func addShare(_ declaration: ShareDeclaration, at: Date) async throws -> Int64 {
        let payload = try WireJSON.encoder().encode(declaration)
        let audience = declaration.audience.map(\.organisation).sorted()
        let document = declaration.document
        return try await writer.write(as: .organisation(declaration.document.owner), mayRefuse: true) { [self] connection in
            try await connection.query("""
                INSERT INTO document (id, owner, type, declared_at) VALUES (\(document.id), \(document.owner), \(document.type.rawValue), \(at))
                ON CONFLICT (id) DO NOTHING
                """, logger: logger)
            let registered = try await rows("SELECT owner, type FROM document WHERE id = \(document.id)", as: (String, String).self, on: connection)
            let found = registered.first.map { row in
                DocumentType(rawValue: row.1).map { DocumentHeader(id: document.id, type: $0, owner: row.0) }
                    ?? DocumentHeader(id: document.id, type: document.type, owner: "")
            }
            try HubPolicy.register(document, found: found, registering: true)
            try await connection.query("""
                INSERT INTO share (id, owner, declaration, created_at, audience)
                VALUES (\(declaration.id), \(declaration.document.owner), \(payload), \(at), \(audience))
                """, logger: logger)
            for member in declaration.audience {
                try await connection.query("INSERT INTO audience (share, organisation) VALUES (\(declaration.id), \(member.organisation))", logger: logger)
            }
            let seq = try await append(kind: "share", share: declaration.id, sender: declaration.document.owner, payload: payload, at: at, on: connection)
            try await deliver(seq, to: HubPolicy.recipients(of: HubShare(declaration: declaration, withdrawnAt: nil, removed: []),
                                                            from: declaration.document.owner), on: connection)
            return (seq, [AuditEvents.shareAccepted(declaration, message: seq, document: documentHash(declaration.document.id),
                                                    digest: sha256Hex(salt + payload), at: at)])
        }
    }

    public func appendBatch(_ batch: SignedBatch, sender: String, at: Date) async throws -> Int64 {
        let payload = try WireJSON.encoder().encode(batch)
        let document = try await share(batch.share).map { documentHash($0.declaration.document.id) }
        return try await writer.write(as: .organisation(sender)) { [self] connection in
            let seq = try await append(kind: "batch", share: batch.share, sender: sender, payload: payload, at: at, on: connection)
            // The share as it stands with the log's right edge locked: a withdrawal is either
            // before this batch (and the removed receive nothing) or after (and revokes it).
            let share = try await self.share(batch.share, on: connection)
            try await deliver(seq, to: share.map { HubPolicy.recipients(of: $0, from: sender) } ?? [], on: connection)
            return (seq, [AuditEvents.batchAccepted(share: batch.share, sender: sender, message: seq, document: document,
                                                    digest: sha256Hex(salt + payload), at: at)])
        }
    }

    public func withdraw(share: String, _ withdrawal: HubPolicy.Withdrawal, by: String, reason: String?, at: Date) async throws -> Int64 {
        let payload = try WireJSON.encoder().encode(WithdrawalRequest(share: share, organisations: withdrawal.isWhole ? [] : withdrawal.targets,
                                                                      reason: reason))
        return try await writer.write(as: .organisation(by)) { [self] connection in
            if withdrawal.isWhole {
                try await connection.query("UPDATE share SET withdrawn_at = \(at) WHERE id = \(share)", logger: logger)
            }
            for organisation in withdrawal.targets {
                try await connection.query(
                    "UPDATE audience SET removed_at = coalesce(removed_at, \(at)) WHERE share = \(share) AND organisation = \(organisation)", logger: logger)
            }
            // What the removed have not yet collected of the share is no longer theirs; a whole
            // withdrawal takes back the owner's pending co-edits too.
            if withdrawal.isWhole {
                try await connection.query("""
                    DELETE FROM recipient WHERE seq IN (SELECT seq FROM message WHERE share = \(share) AND kind IN ('share', 'batch'))
                    """, logger: logger)
            } else {
                try await connection.query("""
                    DELETE FROM recipient WHERE seq IN (SELECT seq FROM message WHERE share = \(share) AND kind IN ('share', 'batch'))
                    AND organisation = ANY (\(withdrawal.targets))
                    """, logger: logger)
            }
            let seq = try await append(kind: "withdrawal", share: share, sender: by, payload: payload, at: at, on: connection)
            try await deliver(seq, to: withdrawal.targets, on: connection)
            let document = try await self.share(share, on: connection).map { documentHash($0.declaration.document.id) }
            return (seq, AuditEvents.withdrawal(withdrawal, from: share, by: by, message: seq, document: document,
                                                reasonDigest: reason.map { sha256Hex(salt + Data($0.utf8)) }, at: at))
        }
    }

    public func acknowledgePurge(share: String, organisation: String, at: Date) async throws {
        try await writer.write(as: .organisation(organisation), mayRefuse: true) { [self] connection in
            let held = try await self.share(share, on: connection)
            try HubPolicy.acknowledgePurge(of: held, id: share, by: organisation)
            try await connection.query(
                "UPDATE audience SET purged_at = coalesce(purged_at, \(at)) WHERE share = \(share) AND organisation = \(organisation)", logger: logger)
            let document = held.map { documentHash($0.declaration.document.id) }
            return ((), [AuditEvents.purgeAcknowledged(by: organisation, share: share, document: document, at: at)])
        }
    }

    /// Reads acting for `organisation`, so that row-level security bounds the read to what it
    /// was ever addressed by; then records the deliveries, acting for it again.
    public func inbox(for organisation: String, after cursor: Int64, limit: Int, at: Date) async throws -> (messages: [HubMessage], more: Bool) {
        let found = try await transaction(as: .organisation(organisation)) { connection in
            try await rows("""
                SELECT m.seq, m.kind, m.share, m.sender, m.payload, m.at, convert_from(s.declaration, 'UTF8')::jsonb #>> '{document,id}'
                FROM recipient r JOIN message m ON m.seq = r.seq JOIN share s ON s.id = m.share
                WHERE r.organisation = \(organisation) AND r.seq > \(cursor)
                ORDER BY r.seq LIMIT \(limit + 1)
                """, as: (Int64, String, String, String, Data, Date, String?).self, on: connection)
        }
        let page = found.prefix(limit)
        let messages = page.map { HubMessage(seq: $0.0, kind: $0.1, share: $0.2, sender: $0.3, payload: $0.4, at: $0.5) }
        if !messages.isEmpty {
            let documents = Dictionary(page.map { ($0.0, $0.6.map(documentHash)) }) { first, _ in first }
            try await writer.write(as: .organisation(organisation)) { [self] connection in
                let delivered = try await rows("""
                    INSERT INTO delivery (seq, organisation, at) SELECT unnest(\(messages.map(\.seq))::bigint[]), \(organisation), \(at)
                    ON CONFLICT DO NOTHING RETURNING seq
                    """, as: Int64.self, on: connection)
                let first = Set(delivered)
                return ((), messages.filter { first.contains($0.seq) }.map {
                    AuditEvents.delivered($0, to: organisation, document: documents[$0.seq] ?? nil, at: at)
                })
            }
        }
        return (Array(messages), found.count > limit)
    }

    public func withdrawalTargets(seq: Int64) async throws -> [String] {
        try await rows("""
            SELECT r.organisation FROM recipient r JOIN message m ON m.seq = r.seq WHERE r.seq = \(seq) AND m.kind = 'withdrawal' ORDER BY r.organisation
            """, as: String.self)
    }

    public func auditNodes(_ nodes: Set<MerkleNodeID>) async throws -> [MerkleNodeID: Data] {
        let leaves = nodes.filter { $0.level == 0 }.map { Int64($0.index) }
        let interior = nodes.filter { $0.level > 0 }
        var found: [MerkleNodeID: Data] = [:]
        for (index, hash) in try await rows("SELECT idx, hash FROM audit_entry WHERE idx = ANY (\(leaves))", as: (Int64, Data).self) {
            found[MerkleNodeID(level: 0, index: UInt64(index))] = hash
        }
        for (level, index, hash) in try await rows("""
            SELECT level, idx, hash FROM audit_node WHERE (level, idx) IN (SELECT * FROM unnest(\(interior.map { Int32($0.level) })::int[], \(interior.map { Int64($0.index) })::bigint[]))
            """, as: (Int32, Int64, Data).self) {
            found[MerkleNodeID(level: Int(level), index: UInt64(index))] = hash
        }
        return found
    }

    /// Records who receives message `seq`, as the policy decided, in the appending transaction.
    private func deliver(_ seq: Int64, to recipients: [String], on connection: PostgresConnection) async throws {
        guard !recipients.isEmpty else { return }
        try await connection.query("INSERT INTO recipient (organisation, seq) SELECT unnest(\(recipients)::text[]), \(seq)", logger: logger)
    }

    /// Appends a message, in a transaction of the log writer's, which holds the log's right edge.
    private func append(kind: String, share: String, sender: String, payload: Data, at: Date, on connection: PostgresConnection) async throws -> Int64 {
        try await rows("""
            INSERT INTO message (kind, share, sender, payload, at) VALUES (\(kind), \(share), \(sender), \(payload), \(at)) RETURNING seq
            """, as: Int64.self, on: connection)[0]
    }

    // MARK: Audit

    public var hubKey: NodePublicKey { key.publicKey }

    public func documentHash(_ id: String) -> String { sha256Hex(salt + Data(id.utf8)) }

    public func recordRefusals(_ refusals: [Refusal], unexamined: Int, by organisation: String, at: Date) async throws {
        try await writer.write(as: .hub) { [self] connection in
            var documents: [String: String] = [:]
            if refusals.count <= AuditEvents.refusalsLoggedSingly {
                for refusal in refusals where !refusal.share.isEmpty {
                    documents[refusal.share] = try await share(refusal.share, on: connection).map { documentHash($0.declaration.document.id) }
                }
            }
            return ((), AuditEvents.refusals(refusals, unexamined: unexamined, by: organisation, documents: documents, at: at))
        }
    }

    public func auditCheckpoint() async throws -> SignedCheckpoint {
        if let row = try await rows("SELECT size, root, key_id, signature FROM audit_checkpoint ORDER BY size DESC LIMIT 1",
                                    as: (Int64, String, String, String).self).first {
            return SignedCheckpoint(size: UInt64(row.0), root: row.1, keyID: row.2, signature: row.3)
        }
        return try SignedCheckpoint(size: 0, root: MerkleHash.empty, key: key)
    }

    public func auditCheckpoints() async throws -> [SignedCheckpoint] {
        try await rows("SELECT size, root, key_id, signature FROM audit_checkpoint ORDER BY size", as: (Int64, String, String, String).self)
            .map { SignedCheckpoint(size: UInt64($0.0), root: $0.1, keyID: $0.2, signature: $0.3) }
    }

    public func auditEntries(from index: UInt64, limit: Int) async throws -> [StoredAuditEntry] {
        try await rows("SELECT idx, entry, hash FROM audit_entry WHERE idx >= \(Int64(index)) ORDER BY idx LIMIT \(limit)", as: (Int64, Data, Data).self)
            .map { StoredAuditEntry(index: UInt64($0.0), entry: $0.1, hash: $0.2) }
    }

    public func auditEntries(aboutDocument hash: String) async throws -> [StoredAuditEntry] {
        try await rows("""
            SELECT e.idx, e.entry, e.hash FROM audit_document d JOIN audit_entry e ON e.idx = d.idx WHERE d.document = \(hash) ORDER BY e.idx
            """, as: (Int64, Data, Data).self).map { StoredAuditEntry(index: UInt64($0.0), entry: $0.1, hash: $0.2) }
    }

    public func auditLeafHashes(size: UInt64) async throws -> [Data] {
        try await rows("SELECT hash FROM audit_entry WHERE idx < \(Int64(size)) ORDER BY idx", as: Data.self)
    }
}
