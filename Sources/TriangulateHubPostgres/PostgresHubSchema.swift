import Logging
import PostgresNIO

/// The PostgreSQL hub store's schema, as append-only migrations applied under an advisory lock
/// so that several hub processes starting together migrate once.
enum PostgresHubSchema {
    /// The migrations, in order: a shipped migration is never edited.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1-hub", [
            "CREATE TABLE organisation (code text PRIMARY KEY, name text NOT NULL, role text NOT NULL, status text NOT NULL, added_at timestamptz NOT NULL, token_hash text UNIQUE)",
            "CREATE TABLE node_key (key_id text PRIMARY KEY, organisation text NOT NULL REFERENCES organisation, public_key text NOT NULL, enrolled_at timestamptz NOT NULL)",
            "CREATE TABLE nonce (key_id text NOT NULL, nonce text NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (key_id, nonce))",
            "CREATE TABLE share (id text PRIMARY KEY, owner text NOT NULL REFERENCES organisation, declaration bytea NOT NULL, created_at timestamptz NOT NULL, withdrawn_at timestamptz)",
            "CREATE TABLE audience (share text NOT NULL REFERENCES share, organisation text NOT NULL, removed_at timestamptz, purged_at timestamptz, PRIMARY KEY (share, organisation))",
            "CREATE TABLE message (seq bigserial PRIMARY KEY, kind text NOT NULL, share text NOT NULL REFERENCES share, sender text NOT NULL, payload bytea NOT NULL, at timestamptz NOT NULL)",
            "CREATE TABLE withdrawal_target (seq bigint NOT NULL, organisation text NOT NULL, PRIMARY KEY (seq, organisation))",
            "CREATE TABLE delivery (seq bigint NOT NULL, organisation text NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (seq, organisation))",
            "CREATE TABLE hub_secret (singleton int PRIMARY KEY CHECK (singleton = 1), private_key bytea NOT NULL, salt bytea NOT NULL)",
            "CREATE TABLE audit_entry (idx bigint PRIMARY KEY, entry bytea NOT NULL, hash bytea NOT NULL)",
            "CREATE TABLE audit_frontier (singleton int PRIMARY KEY CHECK (singleton = 1), size bigint NOT NULL, hashes bytea NOT NULL)",
            "INSERT INTO audit_frontier (singleton, size, hashes) VALUES (1, 0, '')",
            "CREATE TABLE audit_document (document text NOT NULL, idx bigint NOT NULL, PRIMARY KEY (document, idx))",
            "CREATE TABLE audit_checkpoint (size bigint PRIMARY KEY, root text NOT NULL, key_id text NOT NULL, signature text NOT NULL)",
        ]),
    ]

    /// Applies the migrations not yet applied.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(5452494)", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS hub_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", logger: logger)
            for migration in migrations {
                let rows = try await connection.query("SELECT 1 FROM hub_migration WHERE name = \(migration.name)", logger: logger)
                var applied = false
                for try await _ in rows { applied = true }
                guard !applied else { continue }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO hub_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }
}
