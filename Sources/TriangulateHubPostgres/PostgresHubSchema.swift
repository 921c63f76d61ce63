import Foundation
import Logging
import PostgresNIO
import TriangulateHub
import TriangulateProtocol

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
        ("v2-row-level-security", rowLevelSecurity),
        ("v3-nonce-expiry", ["CREATE INDEX nonce_at ON nonce (at)"]),
        ("v4-ownership-and-key-lifecycle", [
            "ALTER TABLE node_key ADD COLUMN valid_until timestamptz",
            "ALTER TABLE organisation ADD COLUMN rotation_window double precision",
            "CREATE TABLE document (id text PRIMARY KEY, owner text NOT NULL REFERENCES organisation, type text NOT NULL, declared_at timestamptz NOT NULL)",
            // Each document shared before now belongs to the organisation that first declared it.
            """
            INSERT INTO document (id, owner, type, declared_at)
            SELECT DISTINCT ON (d ->> 'id') d ->> 'id', owner, d ->> 'type', created_at
            FROM (SELECT convert_from(declaration, 'UTF8')::jsonb -> 'document' AS d, owner, created_at FROM share) s
            ORDER BY d ->> 'id', created_at
            """,
            "ALTER TABLE document ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE document FORCE ROW LEVEL SECURITY",
            "CREATE POLICY document_select ON document FOR SELECT USING (triangulate_hub_scope() OR owner = triangulate_organisation())",
            "CREATE POLICY document_insert ON document FOR INSERT WITH CHECK (triangulate_hub_scope() OR owner = triangulate_organisation())",
        ]),
        ("v5-fan-out-on-write", [
            // Who receives each message, decided when it is appended (HubPolicy.recipients); the
            // inbox is then the organisation's rows after its cursor.
            "CREATE TABLE recipient (organisation text NOT NULL, seq bigint NOT NULL, PRIMARY KEY (organisation, seq))",
            // Messages already in the log go to whom the inbox would have given them.
            """
            INSERT INTO recipient (organisation, seq)
            SELECT s.owner, m.seq FROM message m JOIN share s ON s.id = m.share
            WHERE m.kind IN ('share', 'batch') AND s.withdrawn_at IS NULL AND m.sender <> s.owner
            UNION
            SELECT a.organisation, m.seq FROM message m JOIN share s ON s.id = m.share JOIN audience a ON a.share = s.id
            WHERE m.kind IN ('share', 'batch') AND s.withdrawn_at IS NULL AND a.removed_at IS NULL AND a.organisation <> m.sender
            UNION
            SELECT w.organisation, w.seq FROM withdrawal_target w
            ON CONFLICT DO NOTHING
            """,
            "ALTER TABLE recipient ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE recipient FORCE ROW LEVEL SECURITY",
            // An organisation sees what is addressed to it; a sender, whom its messages went to;
            // an owner, whom its shares' messages went to, so that it can revoke them.
            """
            CREATE POLICY recipient_select ON recipient FOR SELECT USING (triangulate_hub_scope() OR organisation = triangulate_organisation()
                OR EXISTS (SELECT 1 FROM message m WHERE m.seq = recipient.seq AND m.sender = triangulate_organisation())
                OR EXISTS (SELECT 1 FROM message m JOIN share s ON s.id = m.share WHERE m.seq = recipient.seq AND s.owner = triangulate_organisation()))
            """,
            """
            CREATE POLICY recipient_insert ON recipient FOR INSERT WITH CHECK (triangulate_hub_scope()
                OR EXISTS (SELECT 1 FROM message m WHERE m.seq = recipient.seq AND m.sender = triangulate_organisation()))
            """,
            """
            CREATE POLICY recipient_delete ON recipient FOR DELETE USING (triangulate_hub_scope()
                OR EXISTS (SELECT 1 FROM message m JOIN share s ON s.id = m.share WHERE m.seq = recipient.seq AND s.owner = triangulate_organisation()))
            """,
        ]),
        ("v6-audit-nodes", [
            // Every complete interior node of the audit log, for proofs; the existing log's nodes
            // are computed by `backFillAuditNodes` in the same transaction.
            "CREATE TABLE audit_node (level int NOT NULL, idx bigint NOT NULL, hash bytea NOT NULL, PRIMARY KEY (level, idx))",
            "ALTER TABLE audit_node ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE audit_node FORCE ROW LEVEL SECURITY",
            "CREATE POLICY audit_node_select ON audit_node FOR SELECT USING (triangulate_hub_scope())",
            "CREATE POLICY audit_node_insert ON audit_node FOR INSERT WITH CHECK (triangulate_hub_scope() OR triangulate_organisation() IS NOT NULL)",
        ]),
        // Matching (Protocol/matching.md): tokens and alerts, read and written by the hub alone.
        ("v7-matching", [
            """
            CREATE TABLE match_token (organisation text NOT NULL REFERENCES organisation, "window" bigint NOT NULL, value text NOT NULL,
                kind text NOT NULL, count int NOT NULL, published_at timestamptz NOT NULL, PRIMARY KEY (organisation, "window", value))
            """,
            "CREATE INDEX match_token_group ON match_token (\"window\", value)",
            """
            CREATE TABLE match_alert (id text PRIMARY KEY, organisation text NOT NULL REFERENCES organisation, "window" bigint NOT NULL,
                value text NOT NULL, kind text NOT NULL, others int NOT NULL, state text NOT NULL, consent text, consent_at timestamptz,
                raised_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, UNIQUE (organisation, "window", value))
            """,
            "CREATE INDEX match_alert_group ON match_alert (\"window\", value)",
            "ALTER TABLE match_token ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE match_token FORCE ROW LEVEL SECURITY",
            "CREATE POLICY match_token_all ON match_token FOR ALL USING (triangulate_hub_scope())",
            "ALTER TABLE match_alert ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE match_alert FORCE ROW LEVEL SECURITY",
            "CREATE POLICY match_alert_all ON match_alert FOR ALL USING (triangulate_hub_scope())",
        ]),
    ]

    /// Tenant isolation in the database itself. Each transaction says whom it acts for
    /// (`triangulate.organisation`, or `triangulate.scope = 'hub'` for hub-wide work: operator
    /// commands, authentication, the audit log); a connection that says nothing sees no row of
    /// any organisation's data. Policies are forced, so they bind the tables' owner too; only a
    /// superuser or a `BYPASSRLS` role escapes them, and the store refuses to run as one.
    ///
    /// Acting for an organisation, a transaction sees its own organisation, keys and deliveries;
    /// the shares it made or is addressed by (the audience is kept on the share, from its
    /// declaration, so that no policy needs another's); their audiences and messages; the
    /// withdrawal notices for it. It may add shares only as their owner, messages only as their
    /// sender, and append to the audit log without reading it.
    static let rowLevelSecurity: [String] = {
        let hub = "triangulate_hub_scope()"
        let me = "triangulate_organisation()"
        func visibleShare(of table: String) -> String { "EXISTS (SELECT 1 FROM share s WHERE s.id = \(table).share)" }
        var statements = [
            "ALTER TABLE share ADD COLUMN audience text[] NOT NULL DEFAULT '{}'",
            "UPDATE share SET audience = ARRAY(SELECT a.organisation FROM audience a WHERE a.share = share.id ORDER BY a.organisation)",
            "CREATE FUNCTION triangulate_organisation() RETURNS text LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('triangulate.organisation', true), '') $$",
            "CREATE FUNCTION triangulate_hub_scope() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('triangulate.scope', true) = 'hub', false) $$",
        ]
        let tables = ["organisation", "node_key", "nonce", "share", "audience", "message", "withdrawal_target", "delivery",
                      "hub_secret", "audit_entry", "audit_frontier", "audit_document", "audit_checkpoint"]
        for table in tables {
            statements.append("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY")
            statements.append("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY")
        }
        func policy(_ table: String, _ command: String, using: String? = nil, check: String? = nil) -> String {
            "CREATE POLICY \(table)_\(command.lowercased()) ON \(table) FOR \(command)"
                + (using.map { " USING (\(hub) OR \($0))" } ?? "") + (check.map { " WITH CHECK (\(hub) OR \($0))" } ?? "")
        }
        statements += [
            policy("organisation", "ALL", using: "code = \(me)"),
            policy("node_key", "ALL", using: "organisation = \(me)"),
            policy("nonce", "ALL", using: "EXISTS (SELECT 1 FROM node_key k WHERE k.key_id = nonce.key_id AND k.organisation = \(me))"),
            "CREATE POLICY hub_secret_all ON hub_secret FOR ALL USING (\(hub))",
            policy("share", "SELECT", using: "owner = \(me) OR \(me) = ANY (audience)"),
            policy("share", "INSERT", check: "owner = \(me)"),
            policy("share", "UPDATE", using: "owner = \(me)"),
            policy("audience", "SELECT", using: visibleShare(of: "audience")),
            policy("audience", "INSERT", check: "EXISTS (SELECT 1 FROM share s WHERE s.id = audience.share AND s.owner = \(me))"),
            policy("audience", "UPDATE", using: "organisation = \(me) OR EXISTS (SELECT 1 FROM share s WHERE s.id = audience.share AND s.owner = \(me))"),
            policy("message", "SELECT", using: "sender = \(me) OR " + visibleShare(of: "message")),
            policy("message", "INSERT", check: "sender = \(me) AND " + visibleShare(of: "message")),
            policy("withdrawal_target", "SELECT", using: "organisation = \(me) OR EXISTS (SELECT 1 FROM message m WHERE m.seq = withdrawal_target.seq AND m.sender = \(me))"),
            policy("withdrawal_target", "INSERT", check: "EXISTS (SELECT 1 FROM message m WHERE m.seq = withdrawal_target.seq AND m.sender = \(me))"),
            policy("delivery", "ALL", using: "organisation = \(me)"),
            policy("audit_entry", "SELECT", using: "false"),
            policy("audit_entry", "INSERT", check: "\(me) IS NOT NULL"),
            policy("audit_document", "SELECT", using: "false"),
            policy("audit_document", "INSERT", check: "\(me) IS NOT NULL"),
            policy("audit_frontier", "SELECT", using: "\(me) IS NOT NULL"),
            policy("audit_frontier", "UPDATE", using: "\(me) IS NOT NULL"),
            policy("audit_checkpoint", "SELECT", using: "\(me) IS NOT NULL"),
            policy("audit_checkpoint", "INSERT", check: "\(me) IS NOT NULL"),
        ]
        return statements
    }()

    /// Applies the migrations not yet applied, acting for the hub (a migration may move any
    /// organisation's rows).
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(5452494)", logger: logger)
            try await PostgresHubStore.act(as: .hub, on: connection, logger: logger)
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
                if migration.name == "v6-audit-nodes" { try await backFillAuditNodes(on: connection, logger: logger) }
            }
        }
    }

    /// Computes the interior nodes of the audit log written before they were stored.
    private static func backFillAuditNodes(on connection: PostgresConnection, logger: Logger) async throws {
        var leaves: [Data] = []
        for try await hash in try await connection.query("SELECT hash FROM audit_entry ORDER BY idx", logger: logger).decode(Data.self) {
            leaves.append(hash)
        }
        let nodes = AuditAppender.interiorNodes(of: leaves)
        for start in stride(from: 0, to: nodes.count, by: 10_000) {
            let chunk = nodes[start..<min(start + 10_000, nodes.count)]
            try await connection.query("""
                INSERT INTO audit_node (level, idx, hash)
                SELECT * FROM unnest(\(chunk.map { Int32($0.node.level) })::int[], \(chunk.map { Int64($0.node.index) })::bigint[], \(chunk.map { ByteBuffer(bytes: $0.hash) })::bytea[])
                """, logger: logger)
        }
    }
}
