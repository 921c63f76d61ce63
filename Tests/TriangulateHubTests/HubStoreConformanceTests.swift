import TriangulateModel
import Foundation
import Testing
import TriangulateHub
import TriangulateHubPostgres
import TriangulateProtocol
import TriangulateSync

/// What every hub store must do, whatever its database: one suite, run against each store, so
/// that the stores cannot drift. The PostgreSQL store joins when `TRIANGULATE_POSTGRES_URL`
/// names a server whose user may create databases (`.ci/run` starts one); each test gets a
/// database of its own.
@Suite("Hub store conformance")
struct HubStoreConformanceTests {
    /// A way to make a fresh, empty store.
    struct Factory: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable () async throws -> any HubStore
        var testDescription: String { name }
    }

    static let postgresURL = ProcessInfo.processInfo.environment["TRIANGULATE_POSTGRES_URL"]

    static let stores: [Factory] = sqliteStores + (postgresURL.map { [postgres($0)] } ?? [])

    /// A store on a new database on the server at `url`.
    static func postgres(_ url: String) -> Factory {
        Factory(name: "PostgreSQL") {
            let name = "triangulate_test_\(UUID().uuidString.prefix(8).lowercased())"
            return try await PostgresHubStore.connect(url: try await PostgresDatabase.create(name, on: url))
        }
    }

    @Test func postgreSQLRunsOrSaysWhyNot() {
        if Self.postgresURL == nil {
            print("Hub store conformance: the PostgreSQL store was NOT tested — set TRIANGULATE_POSTGRES_URL=postgres://USER@HOST:PORT/DATABASE (`.ci/run` starts a server and sets it)")
        }
        #expect(Self.stores.count == (Self.postgresURL == nil ? 2 : 3))
    }

    /// GRDB turns `synchronous` down to NORMAL when it puts a pool's writer in WAL mode, after
    /// the connection's own settings: the file store must set FULL again once the pool is open.
    @Test func sqliteFileCommitsWaitForTheDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hub.sqlite").path
        #expect(try SQLiteHubStore(path: path).commitsWaitForTheDisk())
        #expect(try SQLiteHubStore(path: path, create: false).commitsWaitForTheDisk())
    }

    static let sqliteStores: [Factory] = [
        Factory(name: "SQLite file") {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-conformance-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try SQLiteHubStore(path: directory.appendingPathComponent("hub.sqlite").path)
        },
        Factory(name: "SQLite in memory") { try SQLiteHubStore.inMemory() },
    ]

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func organisation(_ code: String) -> HubOrganisation {
        HubOrganisation(code: code, name: code, role: "signatory", status: "active", addedAt: now)
    }

    static func declaration(_ id: String, owner: String, to audience: [String]) -> ShareDeclaration {
        ShareDeclaration(id: id, document: DocumentHeader(id: "doc-\(id)", type: .action, owner: owner), schema: DocumentType.action.schema,
                         audience: audience.map { AudienceMember(organisation: $0) }, purpose: "p", basis: "b",
                         payloadClass: "metadata", fields: ["state"])
    }

    static func batch(_ share: String, owner: String) throws -> SignedBatch {
        let change = Change(document: "doc-\(share)", field: "state", operation: .assign(value: "agreed", supersedes: []),
                            stamp: HybridTimestamp(milliseconds: 1, counter: 0, replica: ReplicaID("\(owner).r")))
        return try SignedBatch(share: share, changes: ChangeSet(headers: ["doc-\(share)": DocumentHeader(id: "doc-\(share)", type: .action, owner: owner)],
                                                                changes: [change]), key: NodeSigningKey())
    }

    @Test(arguments: stores)
    func organisationsTokensAndKeys(_ factory: Factory) async throws {
        let store = try await factory.make()
        try await store.addOrganisation(Self.organisation("CQC"), tokenHash: "t1")
        await #expect(throws: HubError.self) { try await store.addOrganisation(Self.organisation("CQC"), tokenHash: "t2") }
        let key = NodeSigningKey().publicKey
        #expect(try await store.enrol(tokenHash: "t1", key: HubKey(keyID: key.keyID, organisation: "", publicKey: key.base64), at: Self.now) == "CQC")
        await #expect(throws: HubError.self, "a token is spent on use") {
            try await store.enrol(tokenHash: "t1", key: HubKey(keyID: "x", organisation: "", publicKey: key.base64), at: Self.now)
        }
        #expect(try await store.key(key.keyID)?.organisation == "CQC")
        try await store.setStatus(of: "CQC", to: "suspended")
        #expect(try await store.organisation("CQC")?.status == "suspended")
        try await store.replaceToken(of: "CQC", tokenHash: "t3", rotationWindow: nil, at: Self.now)
        await #expect(throws: HubError.self, "a suspended organisation cannot enrol") {
            try await store.enrol(tokenHash: "t3", key: HubKey(keyID: "y", organisation: "", publicKey: key.base64), at: Self.now)
        }
        #expect(try await store.organisations().map(\.code) == ["CQC"])
    }

    /// A key is never taken over by another organisation; a new token retires the old keys at
    /// once, or after a rotation window once the new key enrols; a revoked key is dead; every
    /// change is in the log.
    @Test(arguments: stores)
    func keysAreOwnedRetiredAndRevoked(_ factory: Factory) async throws {
        let store = try await factory.make()
        try await store.addOrganisation(Self.organisation("CQC"), tokenHash: "c1")
        try await store.addOrganisation(Self.organisation("NMC"), tokenHash: "n1")
        func hubKey(_ key: NodePublicKey) -> HubKey { HubKey(keyID: key.keyID, organisation: "", publicKey: key.base64) }
        let first = NodeSigningKey().publicKey
        _ = try await store.enrol(tokenHash: "c1", key: hubKey(first), at: Self.now)
        await #expect(throws: HubError.self, "NMC cannot enrol CQC's key as its own") {
            try await store.enrol(tokenHash: "n1", key: hubKey(first), at: Self.now)
        }
        #expect(try await store.key(first.keyID)?.organisation == "CQC", "the refused enrolment changed nothing")

        try await store.replaceToken(of: "CQC", tokenHash: "c2", rotationWindow: nil, at: Self.now)
        #expect(try await store.key(first.keyID)?.isValid(at: Self.now) == false, "a new token retires the old key at once")
        let second = NodeSigningKey().publicKey
        _ = try await store.enrol(tokenHash: "c2", key: hubKey(second), at: Self.now)
        #expect(try await store.key(second.keyID)?.isValid(at: Self.now) == true)

        try await store.replaceToken(of: "CQC", tokenHash: "c3", rotationWindow: 3_600, at: Self.now)
        #expect(try await store.key(second.keyID)?.isValid(at: Self.now.addingTimeInterval(7_200)) == true, "kept until the new key enrols")
        let third = NodeSigningKey().publicKey
        let enrolledAt = Self.now.addingTimeInterval(60)
        _ = try await store.enrol(tokenHash: "c3", key: hubKey(third), at: enrolledAt)
        #expect(try await store.key(second.keyID)?.isValid(at: enrolledAt.addingTimeInterval(3_599)) == true, "both work in the window")
        #expect(try await store.key(second.keyID)?.isValid(at: enrolledAt.addingTimeInterval(3_600)) == false, "then only the new one")

        try await store.revokeKey(third.keyID, at: enrolledAt)
        #expect(try await store.key(third.keyID)?.isValid(at: enrolledAt) == false)
        await #expect(throws: HubError.self) { try await store.revokeKey("0000000000000000", at: enrolledAt) }
        #expect(try await Set(store.keys(of: "CQC").map(\.keyID)) == [first.keyID, second.keyID, third.keyID])

        let events = try await store.auditEntries(from: 0, limit: 100).map { try AuditEntry(decoding: $0.entry) }
        #expect(events.filter { $0.event == "key-retired" }.compactMap { $0.detail?["why"] } == ["token-issued", "enrolment", "revoked"])
        #expect(events.filter { $0.event == "enrolled" }.count == 3)
    }

    /// The first declaration of a document fixes its owner and type: another organisation's
    /// share of the same document, or a share of it as another type, is refused.
    @Test(arguments: stores)
    func aDocumentBelongsToItsFirstDeclarer(_ factory: Factory) async throws {
        let store = try await factory.make()
        for code in ["CQC", "NMC", "GMC"] { try await store.addOrganisation(Self.organisation(code), tokenHash: code) }
        _ = try await store.addShare(Self.declaration("s1", owner: "CQC", to: ["NMC"]), at: Self.now)
        #expect(try await store.document("doc-s1") == DocumentHeader(id: "doc-s1", type: .action, owner: "CQC"))
        var forged = Self.declaration("s2", owner: "NMC", to: ["GMC", "CQC"])
        forged.document.id = "doc-s1"
        await #expect(throws: HubError.self, "NMC cannot declare CQC's document as its own") { _ = try await store.addShare(forged, at: Self.now) }
        #expect(try await store.share("s2") == nil)
        var retyped = Self.declaration("s3", owner: "CQC", to: ["GMC"])
        retyped.document = DocumentHeader(id: "doc-s1", type: .panel, owner: "CQC")
        await #expect(throws: HubError.self, "nor can its owner change its type") { _ = try await store.addShare(retyped, at: Self.now) }
        var again = Self.declaration("s4", owner: "CQC", to: ["GMC"])
        again.document.id = "doc-s1"
        _ = try await store.addShare(again, at: Self.now)
        #expect(try await store.share("s4")?.currentAudience == ["GMC"], "the owner shares it again as it likes")
    }

    @Test(arguments: stores)
    func noncesAreSingleUse(_ factory: Factory) async throws {
        let store = try await factory.make()
        let signed = Date()
        #expect(try await store.useNonce("n-0123456789abcdef", keyID: "k", signedAt: signed, at: signed))
        #expect(try await !store.useNonce("n-0123456789abcdef", keyID: "k", signedAt: signed, at: signed))
        #expect(try await store.useNonce("n-0123456789abcdef", keyID: "other", signedAt: signed, at: signed))
    }

    @Test(arguments: stores)
    func sharesSequenceNumbersCursorsAndWithdrawals(_ factory: Factory) async throws {
        let store = try await factory.make()
        for code in ["CQC", "NMC", "GMC"] { try await store.addOrganisation(Self.organisation(code), tokenHash: code) }
        let first = try await store.addShare(Self.declaration("s1", owner: "CQC", to: ["NMC", "GMC"]), at: Self.now)
        let second = try await store.appendBatch(try Self.batch("s1", owner: "CQC"), sender: "CQC", at: Self.now)
        #expect(second > first, "sequence numbers grow")
        #expect(try await store.share("s1")?.currentAudience == ["NMC", "GMC"])

        let page = try await store.inbox(for: "NMC", after: 0, limit: 1, at: Self.now)
        #expect(page.messages.map(\.seq) == [first] && page.more)
        let rest = try await store.inbox(for: "NMC", after: first, limit: 10, at: Self.now)
        #expect(rest.messages.map(\.seq) == [second] && !rest.more)
        #expect(try await store.inbox(for: "CQC", after: 0, limit: 10, at: Self.now).messages.isEmpty, "never your own messages")

        let withdrawal = try await store.withdraw(share: "s1", HubPolicy.Withdrawal(targets: ["GMC"], isWhole: false), by: "CQC", reason: "r", at: Self.now)
        #expect(try await store.withdrawalTargets(seq: withdrawal) == ["GMC"])
        #expect(try await store.share("s1")?.currentAudience == ["NMC"])
        let gmc = try await store.inbox(for: "GMC", after: 0, limit: 10, at: Self.now).messages
        #expect(gmc.map(\.kind) == ["withdrawal"], "nothing of the share after its withdrawal, only the notice")
        try await store.acknowledgePurge(share: "s1", organisation: "GMC", at: Self.now)
        await #expect(throws: HubError.self, "only a withdrawn organisation acknowledges a purge") {
            try await store.acknowledgePurge(share: "s1", organisation: "NMC", at: Self.now)
        }
        _ = try await store.withdraw(share: "s1", HubPolicy.Withdrawal(targets: ["NMC"], isWhole: true), by: "CQC", reason: nil, at: Self.now)
        #expect(try await store.share("s1")?.currentAudience == [])
        #expect(try await store.inbox(for: "NMC", after: withdrawal, limit: 10, at: Self.now).messages.map(\.kind) == ["withdrawal"])
    }

    @Test(arguments: stores)
    func everyWriteIsInTheSignedAuditLog(_ factory: Factory) async throws {
        let store = try await factory.make()
        #expect(try await store.auditCheckpoint().size == 0)
        try await store.addOrganisation(Self.organisation("CQC"), tokenHash: "c")
        try await store.addOrganisation(Self.organisation("NMC"), tokenHash: "n")
        _ = try await store.addShare(Self.declaration("s1", owner: "CQC", to: ["NMC"]), at: Self.now)
        _ = try await store.inbox(for: "NMC", after: 0, limit: 10, at: Self.now)
        try await store.recordRefusals([Refusal(kind: "batch", share: "s1", code: .forbiddenWriter, reason: "not allowed")], unexamined: 0, by: "NMC", at: Self.now)
        let checkpoint = try await store.auditCheckpoint()
        #expect(checkpoint.size == 5 && checkpoint.isSigned(by: store.hubKey))
        let entries = try await store.auditEntries(from: 0, limit: 100)
        #expect(entries.map(\.index) == [0, 1, 2, 3, 4])
        #expect(try entries.map { try AuditEntry(decoding: $0.entry).event } == ["organisation-added", "organisation-added", "share-accepted", "delivered", "refused"])
        let leaves = try await store.auditLeafHashes(size: 5)
        #expect(MerkleTree.root(leaves[...]) == checkpoint.rootBytes)
        #expect(try await store.auditEntries(aboutDocument: store.documentHash("doc-s1")).count == 3)
        #expect(try await store.auditCheckpoints().map(\.size) == [1, 2, 3, 4, 5])
        let report = try await AuditVerifier(store: store).verify()
        #expect(report.ok && report.entries == 5 && report.checkpoints == 5)
    }

    /// Events at once — accepted and refused mixed, as a busy hub sees them — keep one log:
    /// every accepted event numbered once, every refusal undoing only itself, the log verifying.
    @Test(arguments: stores)
    func concurrentEventsKeepOneLog(_ factory: Factory) async throws {
        let store = try await factory.make()
        for code in ["CQC", "NMC"] { try await store.addOrganisation(Self.organisation(code), tokenHash: code) }
        _ = try await store.addShare(Self.declaration("s1", owner: "CQC", to: ["NMC"]), at: Self.now)
        let before = try await store.auditCheckpoint().size
        let outcomes = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for index in 0..<60 {
                group.addTask {
                    if index % 4 == 3 {
                        // Refused: NMC was never withdrawn, so it has no purge to acknowledge.
                        await #expect(throws: HubError.self) { try await store.acknowledgePurge(share: "s1", organisation: "NMC", at: Self.now) }
                        return nil
                    }
                    return try await store.appendBatch(try Self.batch("s1", owner: "CQC"), sender: "CQC", at: Self.now)
                }
            }
            return try await group.reduce(into: [Int64]()) { if let seq = $1 { $0.append(seq) } }
        }
        #expect(outcomes.count == 45 && Set(outcomes).count == 45, "every accepted batch has a sequence number of its own")
        let inbox = try await store.inbox(for: "NMC", after: 0, limit: 100, at: Self.now).messages.map(\.seq)
        #expect(inbox == inbox.sorted() && Set(inbox).isSuperset(of: outcomes))
        #expect(try await store.auditCheckpoint().size == before + 45 + 46, "one entry per accepted batch, one per delivery, none for a refusal")
        let report = try await AuditVerifier(store: store).verify()
        #expect(report.ok)
    }
}
