import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The hub's embedded store: one SQLite file (WAL, `synchronous=FULL`), so that
/// `triangulate-hub serve` needs no other setup. Operator commands may open the same file while
/// the server runs.
public final class SQLiteHubStore: HubStore {
    /// SQLite's `application_id` for hub stores ("TRIH").
    static let applicationID: Int32 = 0x5452_4948
    let database: any DatabaseWriter
    private let nonces: NonceMemory
    private let key: NodeSigningKey
    private let salt: Data

    /// A store held in memory, gone when released: for tests.
    public static func inMemory() throws -> SQLiteHubStore { try SQLiteHubStore(database: DatabaseQueue()) }

    private init(database: any DatabaseWriter) throws {
        self.database = database
        nonces = NonceMemory(startedAt: Date())
        try Self.migrator.migrate(database)
        (key, salt) = try Self.secrets(database)
    }

    private static func secrets(_ database: any DatabaseWriter) throws -> (NodeSigningKey, Data) {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT privateKey, salt FROM hubSecret") else {
                throw HubError(.storeFailure, "the hub store has no signing key")
            }
            return (try NodeSigningKey(rawRepresentation: row["privateKey"]), row["salt"])
        }
    }

    /// Opens the store at `path`, creating it when `create` is true. `startedAt` is when the hub
    /// process started, by its clock: requests signed before it are refused, since their nonces
    /// may have been used before the restart.
    public init(path: String, create: Bool = true, startedAt: Date = Date()) throws {
        nonces = NonceMemory(startedAt: startedAt)
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw HubError(.notFound, "there is no hub store at \(path): start the hub once with `triangulate-hub serve --store \(path)`, or pass --store")
        }
        if create { try PrivateFile.prepare(path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // Only once the pool is open: putting its writer in WAL mode sets synchronous to NORMAL.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        database = pool
        let id = try database.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
        let empty = try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0 } == 0
        guard id == Self.applicationID || (id == 0 && empty) else {
            throw HubError(.invalidRequest, "\(path) is not a Triangulate hub store: check --store")
        }
        try Self.migrator.migrate(database)
        (key, salt) = try Self.secrets(database)
    }

    /// Whether a commit returns only once it is on disk (`PRAGMA synchronous = FULL` on the
    /// connection that writes), so that what the hub acknowledged survives a power cut.
    public func commitsWaitForTheDisk() throws -> Bool {
        try database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") == 2 }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-hub") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "organisation") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("status", .text).notNull()
                t.column("addedAt", .datetime).notNull()
                t.column("tokenHash", .text).unique()
            }
            try db.create(table: "nodeKey") { t in
                t.primaryKey("keyID", .text)
                t.column("organisation", .text).notNull().references("organisation")
                t.column("publicKey", .text).notNull()
                t.column("enrolledAt", .datetime).notNull()
            }
            try db.create(table: "share") { t in
                t.primaryKey("id", .text)
                t.column("owner", .text).notNull().references("organisation")
                t.column("declaration", .blob).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("withdrawnAt", .datetime)
            }
            try db.create(table: "audience", options: .withoutRowID) { t in
                t.column("share", .text).notNull().references("share")
                t.column("organisation", .text).notNull()
                t.column("removedAt", .datetime)
                t.column("purgedAt", .datetime)
                t.primaryKey(["share", "organisation"])
            }
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("kind", .text).notNull()
                t.column("share", .text).notNull().references("share")
                t.column("sender", .text).notNull()
                t.column("payload", .blob).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "withdrawalTarget", options: .withoutRowID) { t in
                t.column("seq", .integer).notNull()
                t.column("organisation", .text).notNull()
                t.primaryKey(["seq", "organisation"])
            }
            try db.create(table: "hubSecret") { t in
                t.primaryKey("singleton", .integer).check { $0 == 1 }
                t.column("privateKey", .blob).notNull()
                t.column("salt", .blob).notNull()
            }
            var generator = SystemRandomNumberGenerator()
            try db.execute(sql: "INSERT INTO hubSecret (singleton, privateKey, salt) VALUES (1, ?, ?)",
                           arguments: [NodeSigningKey().rawRepresentation, Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })])
            try db.create(table: "auditEntry") { t in
                t.primaryKey("idx", .integer)
                t.column("entry", .blob).notNull()
                t.column("hash", .blob).notNull()
            }
            try db.create(table: "auditFrontier") { t in
                t.primaryKey("singleton", .integer).check { $0 == 1 }
                t.column("size", .integer).notNull()
                t.column("hashes", .blob).notNull()
            }
            try db.execute(sql: "INSERT INTO auditFrontier (singleton, size, hashes) VALUES (1, 0, x'')")
            try db.create(table: "auditDocument", options: .withoutRowID) { t in
                t.column("document", .text).notNull()
                t.column("idx", .integer).notNull()
                t.primaryKey(["document", "idx"])
            }
            try db.create(table: "auditCheckpoint") { t in
                t.primaryKey("size", .integer)
                t.column("root", .text).notNull()
                t.column("keyID", .text).notNull()
                t.column("signature", .text).notNull()
            }
            try db.create(table: "delivery", options: .withoutRowID) { t in
                t.column("seq", .integer).notNull()
                t.column("organisation", .text).notNull()
                t.column("at", .datetime).notNull()
                t.primaryKey(["seq", "organisation"])
            }
        }
        migrator.registerMigration("v2-ownership-and-key-lifecycle") { db in
            try db.execute(sql: "ALTER TABLE nodeKey ADD COLUMN validUntil datetime")
            try db.execute(sql: "ALTER TABLE organisation ADD COLUMN rotationWindow double")
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("owner", .text).notNull().references("organisation")
                t.column("type", .text).notNull()
                t.column("declaredAt", .datetime).notNull()
            }
            // Each document shared before now belongs to the organisation that first declared it.
            try db.execute(sql: """
                INSERT OR IGNORE INTO document (id, owner, type, declaredAt)
                SELECT json_extract(CAST(declaration AS TEXT), '$.document.id'), owner,
                       json_extract(CAST(declaration AS TEXT), '$.document.type'), createdAt
                FROM share ORDER BY createdAt, rowid
                """)
        }
        migrator.registerMigration("v3-fan-out-on-write") { db in
            // Who receives each message, decided when it is appended (HubPolicy.recipients); the
            // inbox is then the organisation's rows after its cursor.
            try db.create(table: "recipient", options: .withoutRowID) { t in
                t.column("organisation", .text).notNull()
                t.column("seq", .integer).notNull()
                t.primaryKey(["organisation", "seq"])
            }
            // Messages already in the log go to whom the inbox would have given them: a share's
            // declaration and batches to its owner and current audience but the sender, while the
            // share stands; a withdrawal notice to its targets.
            try db.execute(sql: """
                INSERT OR IGNORE INTO recipient (organisation, seq)
                SELECT s.owner, m.seq FROM message m JOIN share s ON s.id = m.share
                WHERE m.kind IN ('share', 'batch') AND s.withdrawnAt IS NULL AND m.sender <> s.owner
                UNION
                SELECT a.organisation, m.seq FROM message m JOIN share s ON s.id = m.share JOIN audience a ON a.share = s.id
                WHERE m.kind IN ('share', 'batch') AND s.withdrawnAt IS NULL AND a.removedAt IS NULL AND a.organisation <> m.sender
                UNION
                SELECT w.organisation, w.seq FROM withdrawalTarget w
                """)
        }
        migrator.registerMigration("v4-audit-nodes") { db in
            // Every complete interior node of the audit log, so that a proof reads a few dozen
            // nodes instead of every leaf; the log's existing nodes are computed once here.
            try db.create(table: "auditNode", options: .withoutRowID) { t in
                t.column("level", .integer).notNull()
                t.column("idx", .integer).notNull()
                t.column("hash", .blob).notNull()
                t.primaryKey(["level", "idx"])
            }
            let leaves = try Data.fetchCursor(db, sql: "SELECT hash FROM auditEntry ORDER BY idx")
            var edge = MerkleFrontier()
            let insert = try db.makeStatement(sql: "INSERT INTO auditNode (level, idx, hash) VALUES (?, ?, ?)")
            while let leaf = try leaves.next() {
                for (node, hash) in edge.append(leaf) { try insert.execute(arguments: [node.level, Int64(node.index), hash]) }
            }
        }
        migrator.registerMigration("v5-matching") { db in try SQLiteMatchSchema.create(db) }
        return migrator
    }

    public func addOrganisation(_ organisation: HubOrganisation, tokenHash: String) async throws {
        try await database.write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE code = ?", arguments: [organisation.code]) != nil {
                throw HubError(.conflict, "\(organisation.code) is already an organisation of this hub: to enrol another key, use `triangulate-hub org token \(organisation.code)`")
            }
            try db.execute(
                sql: "INSERT INTO organisation (code, name, role, status, addedAt, tokenHash) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [organisation.code, organisation.name, organisation.role, organisation.status, organisation.addedAt, tokenHash])
            try self.audit([AuditEvents.organisationAdded(organisation)], in: db)
        }
    }

    public func replaceToken(of code: String, tokenHash: String, rotationWindow: TimeInterval?, at: Date) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE organisation SET tokenHash = ?, rotationWindow = ? WHERE code = ?", arguments: [tokenHash, rotationWindow, code])
            if db.changesCount == 0 { throw HubError(.notFound, "\(code) is not an organisation of this hub") }
            var entries = [AuditEvents.tokenIssued(to: code, rotationWindow: rotationWindow, at: at)]
            if rotationWindow == nil { entries += try Self.retireKeys(of: code, except: nil, until: at, why: "token-issued", at: at, in: db) }
            try self.audit(entries, in: db)
        }
    }

    /// Retires `code`'s keys but `keyID` that are still valid at `until`, from `until`.
    private static func retireKeys(of code: String, except keyID: String?, until: Date, why: String, at: Date, in db: Database) throws -> [AuditEntry] {
        let keys = try String.fetchAll(db, sql: "SELECT keyID FROM nodeKey WHERE organisation = ? AND keyID IS NOT ? AND (validUntil IS NULL OR validUntil > ?)",
                                       arguments: [code, keyID, until])
        for key in keys { try db.execute(sql: "UPDATE nodeKey SET validUntil = ? WHERE keyID = ?", arguments: [until, key]) }
        return keys.map { AuditEvents.keyRetired($0, of: code, until: until, why: why, at: at) }
    }

    public func revokeKey(_ keyID: String, at: Date) async throws {
        try await database.write { db in
            guard let code = try String.fetchOne(db, sql: "SELECT organisation FROM nodeKey WHERE keyID = ?", arguments: [keyID]) else {
                throw HubError(.notFound, "no key \(WireText.excerpt(keyID)) is enrolled with this hub: list an organisation's keys with `triangulate-hub org keys CODE`")
            }
            try db.execute(sql: "UPDATE nodeKey SET validUntil = ? WHERE keyID = ? AND (validUntil IS NULL OR validUntil > ?)", arguments: [at, keyID, at])
            try self.audit([AuditEvents.keyRetired(keyID, of: code, until: at, why: "revoked", at: at)], in: db)
        }
    }

    public func keys(of code: String) async throws -> [HubKey] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM nodeKey WHERE organisation = ? ORDER BY enrolledAt DESC, keyID", arguments: [code]).map(Self.key)
        }
    }

    private static func key(_ row: Row) -> HubKey {
        HubKey(keyID: row["keyID"], organisation: row["organisation"], publicKey: row["publicKey"], validUntil: row["validUntil"])
    }

    public func setStatus(of code: String, to status: String) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE organisation SET status = ? WHERE code = ?", arguments: [status, code])
            if db.changesCount == 0 { throw HubError(.notFound, "\(code) is not an organisation of this hub") }
            try self.audit([AuditEvents.statusChanged(of: code, to: status, at: Date())], in: db)
        }
    }

    public func organisations() async throws -> [HubOrganisation] {
        try await database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM organisation ORDER BY code").map(Self.organisation) }
    }

    public func organisation(_ code: String) async throws -> HubOrganisation? {
        try await database.read { db in try Row.fetchOne(db, sql: "SELECT * FROM organisation WHERE code = ?", arguments: [code]).map(Self.organisation) }
    }

    private static func organisation(_ row: Row) -> HubOrganisation {
        HubOrganisation(code: row["code"], name: row["name"], role: row["role"], status: row["status"], addedAt: row["addedAt"])
    }

    public func enrol(tokenHash: String, key: HubKey, at: Date) async throws -> String {
        try await database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT code, rotationWindow FROM organisation WHERE tokenHash = ? AND status = 'active'", arguments: [tokenHash]) else {
                throw HubError(.unauthorised, "this enrolment token is unknown, already used, or its organisation is suspended: ask the hub operator for a new one")
            }
            let code: String = row["code"]
            if let holder = try String.fetchOne(db, sql: "SELECT organisation FROM nodeKey WHERE keyID = ?", arguments: [key.keyID]) {
                throw HubError.keyEnrolledBefore(key.keyID, sameOrganisation: holder == code)
            }
            try db.execute(sql: "UPDATE organisation SET tokenHash = NULL, rotationWindow = NULL WHERE code = ?", arguments: [code])
            try db.execute(sql: "INSERT INTO nodeKey (keyID, organisation, publicKey, enrolledAt) VALUES (?, ?, ?, ?)",
                           arguments: [key.keyID, code, key.publicKey, at])
            let window: Double? = row["rotationWindow"]
            let retired = try Self.retireKeys(of: code, except: key.keyID, until: at.addingTimeInterval(window ?? 0), why: "enrolment", at: at, in: db)
            try self.audit([AuditEvents.enrolled(code, keyID: key.keyID, at: at)] + retired, in: db)
            return code
        }
    }

    public func key(_ keyID: String) async throws -> HubKey? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM nodeKey WHERE keyID = ?", arguments: [keyID]).map(Self.key)
        }
    }

    /// Nonces are kept in memory: a single hub process is the only one that checks them, and a
    /// request signed before this process started is refused, so a restart opens no window
    /// for replay. (A hub of several processes keeps them in its shared store.)
    public func useNonce(_ nonce: String, keyID: String, signedAt: Date, at: Date) async throws -> Bool {
        nonces.use(nonce, keyID: keyID, signedAt: signedAt, at: at)
    }

    public func share(_ id: String) async throws -> HubShare? {
        try await database.read { db in try Self.share(id, in: db) }
    }

    /// Declarations decoded before, shared by every SQLite store in the process (keyed by bytes).
    private static let declarations = DeclarationCache()

    private static func share(_ id: String, in db: Database) throws -> HubShare? {
        guard let row = try Row.fetchOne(db, sql: "SELECT declaration, withdrawnAt FROM share WHERE id = ?", arguments: [id]) else { return nil }
        let declaration = try declarations.declaration(of: id, from: row["declaration"] as Data)
        let removed = try String.fetchAll(db, sql: "SELECT organisation FROM audience WHERE share = ? AND removedAt IS NOT NULL", arguments: [id])
        return HubShare(declaration: declaration, withdrawnAt: row["withdrawnAt"], removed: Set(removed))
    }

    public func document(_ id: String) async throws -> DocumentHeader? {
        try await database.read { db in try Self.document(id, in: db) }
    }

    /// The document registered under `id`, read in `db`'s transaction.
    private static func document(_ id: String, in db: Database) throws -> DocumentHeader? {
        try Row.fetchOne(db, sql: "SELECT id, owner, type FROM document WHERE id = ?", arguments: [id]).flatMap { row in
            DocumentType(rawValue: row["type"]).map { DocumentHeader(id: row["id"], type: $0, owner: row["owner"]) }
        }
    }

    public func addShare(_ declaration: ShareDeclaration, at: Date) async throws -> Int64 {
        let payload = try WireJSON.encoder().encode(declaration)
        let document = declaration.document
        return try await database.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO document (id, owner, type, declaredAt) VALUES (?, ?, ?, ?)",
                           arguments: [document.id, document.owner, document.type.rawValue, at])
            try HubPolicy.register(document, found: try Self.document(document.id, in: db), registering: true)
            try db.execute(
                sql: "INSERT INTO share (id, owner, declaration, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [declaration.id, declaration.document.owner, payload, at])
            for member in declaration.audience {
                try db.execute(sql: "INSERT INTO audience (share, organisation) VALUES (?, ?)", arguments: [declaration.id, member.organisation])
            }
            let seq = try Self.append(kind: "share", share: declaration.id, sender: declaration.document.owner, payload: payload, at: at, in: db)
            try Self.deliver(seq, to: HubPolicy.recipients(of: HubShare(declaration: declaration, withdrawnAt: nil, removed: []),
                                                           from: declaration.document.owner), in: db)
            try self.audit([AuditEvents.shareAccepted(declaration, message: seq, document: self.documentHash(declaration.document.id),
                                                       digest: self.saltedHash(payload), at: at)], in: db)
            return seq
        }
    }

    public func appendBatch(_ batch: SignedBatch, sender: String, at: Date) async throws -> Int64 {
        let payload = try WireJSON.encoder().encode(batch)
        return try await database.write { db in
            let seq = try Self.append(kind: "batch", share: batch.share, sender: sender, payload: payload, at: at, in: db)
            let share = try Self.share(batch.share, in: db)
            try Self.deliver(seq, to: share.map { HubPolicy.recipients(of: $0, from: sender) } ?? [], in: db)
            let document = share.map { self.documentHash($0.declaration.document.id) }
            try self.audit([AuditEvents.batchAccepted(share: batch.share, sender: sender, message: seq, document: document, digest: self.saltedHash(payload), at: at)], in: db)
            return seq
        }
    }

    public func withdraw(share: String, _ withdrawal: HubPolicy.Withdrawal, by: String, reason: String?, at: Date) async throws -> Int64 {
        let payload = try WireJSON.encoder().encode(WithdrawalRequest(share: share, organisations: withdrawal.isWhole ? [] : withdrawal.targets,
                                                                      reason: reason))
        return try await database.write { db in
            if withdrawal.isWhole {
                try db.execute(sql: "UPDATE share SET withdrawnAt = ? WHERE id = ?", arguments: [at, share])
            }
            for organisation in withdrawal.targets {
                try db.execute(sql: "UPDATE audience SET removedAt = coalesce(removedAt, ?) WHERE share = ? AND organisation = ?",
                               arguments: [at, share, organisation])
            }
            // What the removed have not yet collected of the share is no longer theirs; a whole
            // withdrawal takes back the owner's pending co-edits too.
            let pending = "SELECT seq FROM message WHERE share = ? AND kind IN ('share', 'batch')"
            if withdrawal.isWhole {
                try db.execute(sql: "DELETE FROM recipient WHERE seq IN (\(pending))", arguments: [share])
            } else {
                try db.execute(sql: "DELETE FROM recipient WHERE seq IN (\(pending)) AND organisation IN (SELECT value FROM json_each(?))",
                               arguments: [share, String(decoding: try JSONEncoder().encode(withdrawal.targets), as: UTF8.self)])
            }
            let seq = try Self.append(kind: "withdrawal", share: share, sender: by, payload: payload, at: at, in: db)
            try Self.deliver(seq, to: withdrawal.targets, in: db)
            let document = try Self.share(share, in: db).map { self.documentHash($0.declaration.document.id) }
            try self.audit(AuditEvents.withdrawal(withdrawal, from: share, by: by, message: seq, document: document,
                                                  reasonDigest: reason.map { self.saltedHash(Data($0.utf8)) }, at: at), in: db)
            return seq
        }
    }

    public func acknowledgePurge(share: String, organisation: String, at: Date) async throws {
        try await database.write { db in
            let held = try Self.share(share, in: db)
            try HubPolicy.acknowledgePurge(of: held, id: share, by: organisation)
            try db.execute(sql: "UPDATE audience SET purgedAt = coalesce(purgedAt, ?) WHERE share = ? AND organisation = ?",
                           arguments: [at, share, organisation])
            let document = held.map { self.documentHash($0.declaration.document.id) }
            try self.audit([AuditEvents.purgeAcknowledged(by: organisation, share: share, document: document, at: at)], in: db)
        }
    }

    public func inbox(for organisation: String, after cursor: Int64, limit: Int, at: Date) async throws -> (messages: [HubMessage], more: Bool) {
        // Read first, concurrently with other readers; take the writer only to record deliveries.
        let (messages, more) = try await database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.* FROM recipient r JOIN message m ON m.seq = r.seq
                WHERE r.organisation = ? AND r.seq > ? ORDER BY r.seq LIMIT ?
                """, arguments: [organisation, cursor, limit + 1])
            let messages = rows.prefix(limit).map {
                HubMessage(seq: $0["seq"], kind: $0["kind"], share: $0["share"], sender: $0["sender"], payload: $0["payload"], at: $0["at"])
            }
            return (Array(messages), rows.count > limit)
        }
        if !messages.isEmpty {
            try await database.write { db in
                var entries: [AuditEntry] = []
                for message in messages {
                    try db.execute(sql: "INSERT OR IGNORE INTO delivery (seq, organisation, at) VALUES (?, ?, ?)",
                                   arguments: [message.seq, organisation, at])
                    guard db.changesCount == 1 else { continue }  // delivered before: logged then
                    let document = try Self.share(message.share, in: db).map { self.documentHash($0.declaration.document.id) }
                    entries.append(AuditEvents.delivered(message, to: organisation, document: document, at: at))
                }
                try self.audit(entries, in: db)
            }
        }
        return (messages, more)
    }

    public func withdrawalTargets(seq: Int64) async throws -> [String] {
        try await database.read { db in
            try String.fetchAll(db, sql: "SELECT r.organisation FROM recipient r JOIN message m ON m.seq = r.seq WHERE r.seq = ? AND m.kind = 'withdrawal' ORDER BY r.organisation",
                                arguments: [seq])
        }
    }

    // MARK: Audit

    public var hubKey: NodePublicKey { key.publicKey }

    public func documentHash(_ id: String) -> String { saltedHash(Data(id.utf8)) }

    /// SHA-256 of the hub's secret salt and `data`, hex: says nothing of `data` to anyone
    /// without the salt, yet lets the hub's auditors match what they hold.
    private func saltedHash(_ data: Data) -> String { sha256Hex(salt + data) }

    /// Appends entries to the audit log in the caller's transaction, then signs a checkpoint of
    /// the new size: if any of it fails, the transaction — the event itself — rolls back.
    func audit(_ entries: [AuditEntry], in db: Database) throws {
        guard !entries.isEmpty else { return }
        let row = try Row.fetchOne(db, sql: "SELECT size, hashes FROM auditFrontier")!
        let append = try AuditAppender(entries, at: AuditAppender.frontier(size: row["size"], stored: row["hashes"]), key: key)
        let insertEntry = try db.cachedStatement(sql: "INSERT INTO auditEntry (idx, entry, hash) VALUES (?, ?, ?)")
        let insertDocument = try db.cachedStatement(sql: "INSERT INTO auditDocument (document, idx) VALUES (?, ?)")
        for leaf in append.leaves {
            try insertEntry.execute(arguments: [Int64(leaf.index), leaf.entry, leaf.hash])
            if let document = leaf.document { try insertDocument.execute(arguments: [document, Int64(leaf.index)]) }
        }
        let insertNode = try db.cachedStatement(sql: "INSERT INTO auditNode (level, idx, hash) VALUES (?, ?, ?)")
        for (node, hash) in append.nodes { try insertNode.execute(arguments: [node.level, Int64(node.index), hash]) }
        try db.execute(sql: "UPDATE auditFrontier SET size = ?, hashes = ?", arguments: [Int64(append.frontier.size), append.storedHashes])
        let checkpoint = append.checkpoint
        try db.execute(sql: "INSERT INTO auditCheckpoint (size, root, keyID, signature) VALUES (?, ?, ?, ?)",
                       arguments: [Int64(checkpoint.size), checkpoint.root, checkpoint.keyID, checkpoint.signature])
    }

    public func recordRefusals(_ refusals: [Refusal], unexamined: Int, by organisation: String, at: Date) async throws {
        try await database.write { db in
            var documents: [String: String] = [:]
            if refusals.count <= AuditEvents.refusalsLoggedSingly {
                for refusal in refusals where !refusal.share.isEmpty {
                    documents[refusal.share] = try Self.share(refusal.share, in: db).map { self.documentHash($0.declaration.document.id) }
                }
            }
            try self.audit(AuditEvents.refusals(refusals, unexamined: unexamined, by: organisation, documents: documents, at: at), in: db)
        }
    }

    public func auditCheckpoint() async throws -> SignedCheckpoint {
        try await database.read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM auditCheckpoint ORDER BY size DESC LIMIT 1") {
                return Self.checkpoint(row)
            }
            return try SignedCheckpoint(size: 0, root: MerkleHash.empty, key: self.key)
        }
    }

    public func auditCheckpoints() async throws -> [SignedCheckpoint] {
        try await database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM auditCheckpoint ORDER BY size").map(Self.checkpoint) }
    }

    private static func checkpoint(_ row: Row) -> SignedCheckpoint {
        SignedCheckpoint(size: UInt64(row["size"] as Int64), root: row["root"], keyID: row["keyID"], signature: row["signature"])
    }

    public func auditEntries(from index: UInt64, limit: Int) async throws -> [StoredAuditEntry] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT idx, entry, hash FROM auditEntry WHERE idx >= ? ORDER BY idx LIMIT ?",
                             arguments: [Int64(index), limit]).map {
                StoredAuditEntry(index: UInt64($0["idx"] as Int64), entry: $0["entry"], hash: $0["hash"])
            }
        }
    }

    public func auditEntries(aboutDocument hash: String) async throws -> [StoredAuditEntry] {
        try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.idx, e.entry, e.hash FROM auditDocument d JOIN auditEntry e ON e.idx = d.idx
                WHERE d.document = ? ORDER BY e.idx
                """, arguments: [hash]).map {
                StoredAuditEntry(index: UInt64($0["idx"] as Int64), entry: $0["entry"], hash: $0["hash"])
            }
        }
    }

    /// Appends entries to the audit log in one durable transaction: for operator actions done
    /// in bulk, and for measuring the log.
    public func appendAudit(_ entries: [AuditEntry]) async throws {
        try await database.write { db in try self.audit(entries, in: db) }
    }

    public func auditLeafHashes(size: UInt64) async throws -> [Data] {
        try await database.read { db in
            try Data.fetchAll(db, sql: "SELECT hash FROM auditEntry WHERE idx < ? ORDER BY idx", arguments: [Int64(size)])
        }
    }

    /// Records who receives message `seq`, as the policy decided.
    private static func deliver(_ seq: Int64, to recipients: [String], in db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO recipient (organisation, seq) VALUES (?, ?)")
        for organisation in recipients { try insert.execute(arguments: [organisation, seq]) }
    }

    public func auditNodes(_ nodes: Set<MerkleNodeID>) async throws -> [MerkleNodeID: Data] {
        try await database.read { db in
            var found: [MerkleNodeID: Data] = [:]
            let leaf = try db.cachedStatement(sql: "SELECT hash FROM auditEntry WHERE idx = ?")
            let interior = try db.cachedStatement(sql: "SELECT hash FROM auditNode WHERE level = ? AND idx = ?")
            for node in nodes {
                let hash = node.level == 0
                    ? try Data.fetchOne(leaf, arguments: [Int64(node.index)])
                    : try Data.fetchOne(interior, arguments: [node.level, Int64(node.index)])
                if let hash { found[node] = hash }
            }
            return found
        }
    }

    private static func append(kind: String, share: String, sender: String, payload: Data, at: Date, in db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO message (kind, share, sender, payload, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [kind, share, sender, payload, at])
        return db.lastInsertedRowID
    }
}
