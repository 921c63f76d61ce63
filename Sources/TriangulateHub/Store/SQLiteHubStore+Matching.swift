import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol

/// The matching tables of the SQLite hub store (migration `v5-matching`): each organisation's
/// tokens, and the alerts. A token is only its kind, window, keyed hash and count.
enum SQLiteMatchSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "matchToken", options: .withoutRowID) { t in
            t.column("organisation", .text).notNull().references("organisation")
            t.column("window", .integer).notNull()
            t.column("value", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("count", .integer).notNull()
            t.column("publishedAt", .datetime).notNull()
            t.primaryKey(["organisation", "window", "value"])
        }
        try db.create(index: "matchTokenGroup", on: "matchToken", columns: ["window", "value"])
        try db.create(table: "matchAlert") { t in
            t.primaryKey("id", .text)
            t.column("organisation", .text).notNull().references("organisation")
            t.column("window", .integer).notNull()
            t.column("value", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("others", .integer).notNull()
            t.column("state", .text).notNull()
            t.column("consent", .text)
            t.column("consentAt", .datetime)
            t.column("raisedAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["organisation", "window", "value"])
        }
        try db.create(index: "matchAlertGroup", on: "matchAlert", columns: ["window", "value"])
    }
}

extension SQLiteHubStore {
    public func matchTokens(of organisation: String) async throws -> [MatchToken] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM matchToken WHERE organisation = ? ORDER BY window, value", arguments: [organisation]).compactMap(Self.token)
        }
    }

    public func publishTokens(_ tokens: [MatchToken], by organisation: String, quorum: Int, at: Date) async throws -> Set<String> {
        try await database.write { db in
            let before = Set(try Row.fetchAll(db, sql: "SELECT window, value FROM matchToken WHERE organisation = ?", arguments: [organisation])
                .map { TokenMatcher.Key(window: $0["window"], value: $0["value"]) })
            try db.execute(sql: "DELETE FROM matchToken WHERE organisation = ?", arguments: [organisation])
            let insert = try db.makeStatement(sql: "INSERT INTO matchToken (organisation, window, value, kind, count, publishedAt) VALUES (?, ?, ?, ?, ?, ?)")
            for token in tokens {
                try insert.execute(arguments: [organisation, token.window, token.value, token.kind.rawValue, token.count, at])
            }
            let after = Set(tokens.map { TokenMatcher.Key(window: $0.window, value: $0.value) })
            let published = AuditEvents.tokensPublished(by: organisation, held: after.count, added: after.subtracting(before).count,
                                                        withdrawn: before.subtracting(after).count, at: at)
            let changes = try Self.reconcile(before.union(after), quorum: quorum, at: at, in: db)
            try self.audit([published] + changes.entries, in: db)
            return changes.concerned
        }
    }

    public func rematch(_ organisation: String, quorum: Int, at: Date) async throws -> Set<String> {
        try await database.write { db in
            let keys = Set(try Row.fetchAll(db, sql: "SELECT window, value FROM matchToken WHERE organisation = ?", arguments: [organisation])
                .map { TokenMatcher.Key(window: $0["window"], value: $0["value"]) })
            let changes = try Self.reconcile(keys, quorum: quorum, at: at, in: db)
            try self.audit(changes.entries, in: db)
            return changes.concerned
        }
    }

    /// Reconciles the alerts of the groups `keys` with their tokens, as `MatchPolicy` decides.
    private static func reconcile(_ keys: Set<TokenMatcher.Key>, quorum: Int, at: Date, in db: Database) throws -> MatchPolicy.Changes {
        let tokens = try db.cachedStatement(sql: """
            SELECT t.organisation, t.kind FROM matchToken t JOIN organisation o ON o.code = t.organisation
            WHERE t.window = ? AND t.value = ? AND o.status = 'active'
            """)
        var entries: [TokenMatcher.Entry] = []
        var existing: [StoredMatchAlert] = []
        for key in keys {
            for row in try Row.fetchAll(tokens, arguments: [key.window, key.value]) {
                guard let kind = MatchKind(rawValue: row["kind"]) else { continue }
                entries.append(TokenMatcher.Entry(organisation: row["organisation"], kind: kind, key: key))
            }
            existing += try groupAlerts(key, in: db)
        }
        var generator = SystemRandomNumberGenerator()
        let changes = MatchPolicy.reconcile(standing: TokenMatcher.standing(entries, quorum: quorum), existing: existing, at: at) {
            UUIDv7.make(at: at, using: &generator).uuidString.lowercased()
        }
        for alert in changes.alerts { try save(alert, in: db) }
        return changes
    }

    public func matchAlerts(for organisation: String) async throws -> [MatchAlert] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM matchAlert WHERE organisation = ? ORDER BY raisedAt DESC, id DESC", arguments: [organisation])
                .compactMap(Self.alert).map { alert in MatchPolicy.view(alert, group: try Self.groupAlerts(alert.key, in: db)) }
        }
    }

    public func answerMatchAlert(_ id: String, _ consent: MatchConsent, by organisation: String, at: Date) async throws -> Set<String> {
        try await database.write { db in
            let alert = try Row.fetchOne(db, sql: "SELECT * FROM matchAlert WHERE id = ?", arguments: [id]).flatMap(Self.alert)
            guard let answered = try MatchPolicy.answer(consent, to: alert, id: id, by: organisation, at: at) else { return [] }
            try Self.save(answered, in: db)
            let group = try Self.groupAlerts(answered.key, in: db)
            let introduced = MatchPolicy.introduced(answered, group: group)
            try self.audit([AuditEvents.matchAnswered(answered, introduced: introduced, at: at)], in: db)
            return Set(group.map(\.organisation))
        }
    }

    public func matchStatistics(from: Date, to: Date) async throws -> MatchStatistics {
        try await database.read { db in
            func counts(_ sql: String) throws -> [String: Int] {
                Dictionary(try Row.fetchAll(db, sql: sql, arguments: [from, to]).map { ($0[0] as String, $0[1] as Int) }) { $0 + $1 }
            }
            return MatchStatistics(
                from: from, to: to,
                matches: try counts("""
                    SELECT kind, COUNT(*) FROM (SELECT kind, min(raisedAt) AS first FROM matchAlert GROUP BY window, value)
                    WHERE first >= ? AND first < ? GROUP BY kind
                    """),
                alerts: try counts("SELECT kind, COUNT(*) FROM matchAlert WHERE raisedAt >= ? AND raisedAt < ? GROUP BY kind"),
                answers: try counts("SELECT consent, COUNT(*) FROM matchAlert WHERE consent IS NOT NULL AND consentAt >= ? AND consentAt < ? GROUP BY consent"),
                tokensHeld: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM matchToken") ?? 0,
                publishers: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT organisation) FROM matchToken") ?? 0)
        }
    }

    private static func groupAlerts(_ key: TokenMatcher.Key, in db: Database) throws -> [StoredMatchAlert] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM matchAlert WHERE window = ? AND value = ?"), arguments: [key.window, key.value])
            .compactMap(alert)
    }

    private static func save(_ alert: StoredMatchAlert, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO matchAlert (id, organisation, window, value, kind, others, state, consent, consentAt, raisedAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET others = excluded.others, state = excluded.state, consent = excluded.consent,
                consentAt = excluded.consentAt, updatedAt = excluded.updatedAt
            """).execute(arguments: [alert.id, alert.organisation, alert.key.window, alert.key.value, alert.kind.rawValue, alert.others,
                                     alert.state.rawValue, alert.consent?.rawValue, alert.consentAt, alert.raisedAt, alert.updatedAt])
    }

    private static func alert(_ row: Row) -> StoredMatchAlert? {
        guard let kind = MatchKind(rawValue: row["kind"]), let state = MatchAlert.State(rawValue: row["state"]) else { return nil }
        return StoredMatchAlert(id: row["id"], organisation: row["organisation"], key: TokenMatcher.Key(window: row["window"], value: row["value"]),
                                kind: kind, others: row["others"], state: state, consent: (row["consent"] as String?).flatMap(MatchConsent.init(rawValue:)),
                                consentAt: row["consentAt"], raisedAt: row["raisedAt"], updatedAt: row["updatedAt"])
    }

    private static func token(_ row: Row) -> MatchToken? {
        MatchKind(rawValue: row["kind"]).map { MatchToken(kind: $0, window: row["window"], value: row["value"], count: row["count"]) }
    }
}
