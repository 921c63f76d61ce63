import TriangulateModel
import Foundation
import Logging
import PostgresNIO
import Testing
import TriangulateHub
import TriangulateHubPostgres
import TriangulateProtocol

/// Tenant isolation in the PostgreSQL database itself, looked at through a raw connection as the
/// hub's own role: whatever query runs, a transaction sees only what the organisation it acts
/// for was addressed by, and a connection that has not said whom it acts for sees nothing.
@Suite("PostgreSQL row-level security", .enabled(if: HubStoreConformanceTests.postgresURL != nil, "needs TRIANGULATE_POSTGRES_URL"))
struct PostgresRowLevelSecurityTests {
    /// Every table holding an organisation's data, or the hub's secrets or log.
    static let tables = ["organisation", "node_key", "nonce", "share", "document", "audience", "message", "recipient", "delivery",
                         "hub_secret", "audit_entry", "audit_frontier", "audit_document", "audit_checkpoint"]

    /// A hub database where CQC shares s1 with NMC, GMC shares s2 with CQC, CQC withdraws s3
    /// from GMC, and everybody has read their inbox; and a raw client on it as the hub's role.
    static func filledDatabase() async throws -> (store: PostgresHubStore, client: PostgresClient, runner: Task<Void, Never>) {
        let url = try await PostgresDatabase.create("triangulate_rls_\(UUID().uuidString.prefix(8).lowercased())",
                                                    on: try #require(HubStoreConformanceTests.postgresURL))
        let store = try await PostgresHubStore.connect(url: url)
        for code in ["CQC", "NMC", "GMC"] {
            try await store.addOrganisation(HubStoreConformanceTests.organisation(code), tokenHash: code)
            let key = NodeSigningKey().publicKey
            _ = try await store.enrol(tokenHash: code, key: HubKey(keyID: "key-\(code)", organisation: "", publicKey: key.base64), at: HubStoreConformanceTests.now)
            #expect(try await store.useNonce("nonce-\(code)-0123456789", keyID: "key-\(code)", signedAt: Date(), at: Date()))
        }
        _ = try await store.addShare(HubStoreConformanceTests.declaration("s1", owner: "CQC", to: ["NMC"]), at: HubStoreConformanceTests.now)
        _ = try await store.appendBatch(try HubStoreConformanceTests.batch("s1", owner: "CQC"), sender: "CQC", at: HubStoreConformanceTests.now)
        _ = try await store.addShare(HubStoreConformanceTests.declaration("s2", owner: "GMC", to: ["CQC"]), at: HubStoreConformanceTests.now)
        _ = try await store.addShare(HubStoreConformanceTests.declaration("s3", owner: "CQC", to: ["GMC"]), at: HubStoreConformanceTests.now)
        _ = try await store.withdraw(share: "s3", HubPolicy.Withdrawal(targets: ["GMC"], isWhole: false), by: "CQC", reason: nil, at: HubStoreConformanceTests.now)
        for code in ["CQC", "NMC", "GMC"] { _ = try await store.inbox(for: code, after: 0, limit: 100, at: HubStoreConformanceTests.now) }

        let (client, runner) = try client(url)
        return (store, client, runner)
    }

    /// A raw client on `url`, and the task running it.
    static func client(_ url: String) throws -> (client: PostgresClient, runner: Task<Void, Never>) {
        let parts = try #require(URLComponents(string: url))
        var logger = Logger(label: "rls-test")
        logger.logLevel = .error
        let client = PostgresClient(configuration: .init(host: try #require(parts.host), port: parts.port ?? 5432, username: try #require(parts.user),
                                                         password: parts.password, database: String(parts.path.dropFirst()), tls: .disable),
                                    backgroundLogger: logger)
        return (client, Task { await client.run() })
    }

    /// The values of `query`'s first column, as strings, in a transaction that first runs `setting`.
    static func column(_ query: String, setting: String? = nil, on client: PostgresClient) async throws -> [String] {
        try await client.withTransaction(logger: Logger(label: "rls-test")) { connection in
            if let setting { try await connection.query(PostgresQuery(unsafeSQL: setting), logger: Logger(label: "rls-test")) }
            var values: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: query), logger: Logger(label: "rls-test")) {
                values.append(try row.decode(String.self))
            }
            return values
        }
    }

    static let actingForHub = "SELECT set_config('triangulate.scope', 'hub', true)"
    static func actingFor(_ code: String) -> String { "SELECT set_config('triangulate.organisation', '\(code)', true)" }

    @Test func aConnectionThatHasNotSaidWhomItActsForSeesNothing() async throws {
        let (store, client, runner) = try await Self.filledDatabase()
        defer { runner.cancel() }
        for table in Self.tables {
            let all = try await Self.column("SELECT count(*)::text FROM \(table)", setting: Self.actingForHub, on: client)
            #expect(all != ["0"], "the hub itself sees \(table)'s rows")
            #expect(try await Self.column("SELECT count(*)::text FROM \(table)", on: client) == ["0"], "\(table) shows nothing to a connection acting for nobody")
            #expect(try await Self.column("SELECT count(*)::text FROM \(table)", setting: Self.actingFor(""), on: client) == ["0"],
                    "\(table) shows nothing to an empty organisation")
        }
        _ = store
    }

    @Test func anOrganisationSeesOnlyWhatItWasAddressedBy() async throws {
        let (store, client, runner) = try await Self.filledDatabase()
        defer { runner.cancel() }
        let nmc = Self.actingFor("NMC"), gmc = Self.actingFor("GMC"), cqc = Self.actingFor("CQC")
        #expect(try await Self.column("SELECT id FROM share ORDER BY id", setting: nmc, on: client) == ["s1"])
        #expect(try await Self.column("SELECT id FROM share ORDER BY id", setting: gmc, on: client) == ["s2", "s3"], "GMC keeps seeing the share withdrawn from it, for the notice")
        #expect(try await Self.column("SELECT id FROM share ORDER BY id", setting: cqc, on: client) == ["s1", "s2", "s3"])
        #expect(try await Self.column("SELECT DISTINCT share FROM message ORDER BY share", setting: nmc, on: client) == ["s1"],
                "an unfiltered read of every message still returns only NMC's share")
        #expect(try await Self.column("SELECT code FROM organisation", setting: nmc, on: client) == ["NMC"])
        #expect(try await Self.column("SELECT owner FROM document", setting: nmc, on: client) == [], "NMC owns no document")
        #expect(try await Self.column("SELECT id FROM document ORDER BY id", setting: cqc, on: client) == ["doc-s1", "doc-s3"])
        #expect(try await Self.column("SELECT key_id FROM node_key", setting: nmc, on: client) == ["key-NMC"])
        #expect(try await Self.column("SELECT key_id FROM nonce", setting: nmc, on: client) == ["key-NMC"])
        #expect(try await Self.column("SELECT DISTINCT organisation FROM delivery", setting: nmc, on: client) == ["NMC"])
        #expect(try await Self.column("SELECT DISTINCT organisation FROM recipient", setting: nmc, on: client) == ["NMC"],
                "NMC sees only what is addressed to it: it sent nothing")
        let notices = "SELECT r.organisation FROM recipient r JOIN message m ON m.seq = r.seq WHERE m.kind = 'withdrawal'"
        #expect(try await Self.column(notices, setting: nmc, on: client) == [])
        #expect(try await Self.column(notices, setting: gmc, on: client) == ["GMC"])
        #expect(try await Self.column("SELECT r.organisation FROM recipient r JOIN message m ON m.seq = r.seq WHERE m.share = 's3' AND m.kind = 'share'",
                                      setting: Self.actingForHub, on: client) == [], "the withdrawal took back what GMC had not yet collected")
        for hidden in ["hub_secret", "audit_entry", "audit_document"] {
            #expect(try await Self.column("SELECT count(*)::text FROM \(hidden)", setting: nmc, on: client) == ["0"], "an organisation never reads \(hidden)")
        }
        _ = store
    }

    @Test func anOrganisationCannotWriteAsAnother() async throws {
        let (store, client, runner) = try await Self.filledDatabase()
        defer { runner.cancel() }
        let attempts = [
            ("a message sent as GMC", "INSERT INTO message (kind, share, sender, payload, at) VALUES ('batch', 's1', 'GMC', '', now())"),
            ("a message to a share NMC is not addressed by", "INSERT INTO message (kind, share, sender, payload, at) VALUES ('batch', 's2', 'NMC', '', now())"),
            ("a share owned by CQC", "INSERT INTO share (id, owner, declaration, created_at, audience) VALUES ('x', 'CQC', '', now(), '{NMC}')"),
            ("itself into CQC's audience", "INSERT INTO audience (share, organisation) VALUES ('s2', 'NMC')"),
            ("a delivery to GMC", "INSERT INTO delivery (seq, organisation, at) VALUES (1, 'GMC', now())"),
            ("itself as a recipient of CQC's message", "INSERT INTO recipient (organisation, seq) SELECT 'NMC', max(seq) FROM message"),
            ("a document registered as CQC's", "INSERT INTO document (id, owner, type, declared_at) VALUES ('d', 'CQC', 'panel', now())"),
            ("CQC's document as its own", "INSERT INTO document (id, owner, type, declared_at) VALUES ('doc-s1', 'NMC', 'action', now())"),
        ]
        for (what, statement) in attempts {
            await #expect(throws: (any Error).self, "NMC cannot insert \(what)") {
                _ = try await Self.column(statement + " RETURNING 'inserted'", setting: Self.actingFor("NMC"), on: client)
            }
        }
        let updated = try await Self.column("UPDATE share SET withdrawn_at = now() RETURNING id", setting: Self.actingFor("NMC"), on: client)
        #expect(updated.isEmpty, "NMC cannot withdraw CQC's share")
        #expect(try await store.share("s1")?.withdrawnAt == nil)
    }
}

extension PostgresRowLevelSecurityTests {
    @Test func theStoreRefusesARoleThatRowLevelSecurityDoesNotBind() async throws {
        let server = try #require(HubStoreConformanceTests.postgresURL)
        let (client, runner) = try Self.client(server)
        defer { runner.cancel() }
        let superuser = try await Self.column("SELECT (rolsuper OR rolbypassrls)::text FROM pg_roles WHERE rolname = current_user", on: client)
        try #require(superuser == ["true"], "TRIANGULATE_POSTGRES_URL names a role that may create roles and databases")
        await #expect(throws: HubError.self, "the refusal comes before any migration, so the server's database is untouched") {
            _ = try await PostgresHubStore.connect(url: server)
        }
    }
}
