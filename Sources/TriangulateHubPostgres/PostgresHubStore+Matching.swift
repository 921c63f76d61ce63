import Foundation
import PostgresNIO
import TriangulateHub
import TriangulateModel
import TriangulateProtocol

/// Matching on PostgreSQL: the same decisions as the SQLite store (`TokenMatcher`,
/// `MatchPolicy`), made acting for the hub with the log's right edge locked, so that two hub
/// processes taking publications at once reconcile one after the other.
extension PostgresHubStore {
    public func matchTokens(of organisation: String) async throws -> [MatchToken] {
        try await rows("SELECT kind, \"window\", value, count FROM match_token WHERE organisation = \(organisation) ORDER BY \"window\", value",
                       as: (String, Int64, String, Int32).self)
            .compactMap { row in MatchKind(rawValue: row.0).map { MatchToken(kind: $0, window: Int(row.1), value: row.2, count: Int(row.3)) } }
    }

    public func publishTokens(_ tokens: [MatchToken], by organisation: String, quorum: Int, at: Date) async throws -> Set<String> {
        try await writer.write(as: .hub) { [self] connection in
            let before = Set(try await rows("SELECT \"window\", value FROM match_token WHERE organisation = \(organisation)",
                                            as: (Int64, String).self, on: connection).map { TokenMatcher.Key(window: Int($0.0), value: $0.1) })
            try await connection.query("DELETE FROM match_token WHERE organisation = \(organisation)", logger: logger)
            for start in stride(from: 0, to: tokens.count, by: 5_000) {
                let chunk = tokens[start..<min(start + 5_000, tokens.count)]
                try await connection.query("""
                    INSERT INTO match_token (organisation, "window", value, kind, count, published_at)
                    SELECT \(organisation), t.w, t.v, t.k, t.c, \(at)
                    FROM unnest(\(chunk.map { Int64($0.window) })::bigint[], \(chunk.map(\.value))::text[],
                                \(chunk.map(\.kind.rawValue))::text[], \(chunk.map { Int32($0.count) })::int[]) AS t(w, v, k, c)
                    """, logger: logger)
            }
            let after = Set(tokens.map { TokenMatcher.Key(window: $0.window, value: $0.value) })
            let published = AuditEvents.tokensPublished(by: organisation, held: after.count, added: after.subtracting(before).count,
                                                        withdrawn: before.subtracting(after).count, at: at)
            let changes = try await reconcile(before.union(after), quorum: quorum, at: at, on: connection)
            return (changes.concerned, [published] + changes.entries)
        }
    }

    public func rematch(_ organisation: String, quorum: Int, at: Date) async throws -> Set<String> {
        try await writer.write(as: .hub) { [self] connection in
            let keys = Set(try await rows("SELECT \"window\", value FROM match_token WHERE organisation = \(organisation)",
                                          as: (Int64, String).self, on: connection).map { TokenMatcher.Key(window: Int($0.0), value: $0.1) })
            let changes = try await reconcile(keys, quorum: quorum, at: at, on: connection)
            return (changes.concerned, changes.entries)
        }
    }

    /// Reconciles the alerts of the groups `keys` with their tokens, as `MatchPolicy` decides.
    private func reconcile(_ keys: Set<TokenMatcher.Key>, quorum: Int, at: Date, on connection: PostgresConnection) async throws -> MatchPolicy.Changes {
        let windows = keys.map { Int64($0.window) }, values = keys.map(\.value)
        let entries = try await rows("""
            SELECT t.organisation, t.kind, t."window", t.value FROM match_token t JOIN organisation o ON o.code = t.organisation
            JOIN unnest(\(windows)::bigint[], \(values)::text[]) AS k("window", value) ON k."window" = t."window" AND k.value = t.value
            WHERE o.status = 'active'
            """, as: (String, String, Int64, String).self, on: connection).compactMap { (organisation: String, kind: String, window: Int64, value: String) -> TokenMatcher.Entry? in
            guard let kind = MatchKind(rawValue: kind) else { return nil }
            return TokenMatcher.Entry(organisation: organisation, kind: kind, key: TokenMatcher.Key(window: Int(window), value: value))
        }
        let existing = try await alerts(where: """
            JOIN unnest(\(windows)::bigint[], \(values)::text[]) AS k("window", value) ON k."window" = a."window" AND k.value = a.value
            """, on: connection)
        var generator = SystemRandomNumberGenerator()
        let changes = MatchPolicy.reconcile(standing: TokenMatcher.standing(entries, quorum: quorum), existing: existing, at: at) {
            UUIDv7.make(at: at, using: &generator).uuidString.lowercased()
        }
        for alert in changes.alerts { try await save(alert, on: connection) }
        return changes
    }

    public func matchAlerts(for organisation: String) async throws -> [MatchAlert] {
        try await transaction(as: .hub) { [self] connection in
            let own = try await alerts(where: "WHERE a.organisation = \(organisation)", on: connection)
                .sorted { ($0.raisedAt, $0.id) > ($1.raisedAt, $1.id) }
            var views: [MatchAlert] = []
            for alert in own { views.append(MatchPolicy.view(alert, group: try await group(alert.key, on: connection))) }
            return views
        }
    }

    public func answerMatchAlert(_ id: String, _ consent: MatchConsent, by organisation: String, at: Date) async throws -> Set<String> {
        try await writer.write(as: .hub, mayRefuse: true) { [self] connection in
            let alert = try await alerts(where: "WHERE a.id = \(id)", on: connection).first
            guard let answered = try MatchPolicy.answer(consent, to: alert, id: id, by: organisation, at: at) else { return ([], []) }
            try await save(answered, on: connection)
            let group = try await group(answered.key, on: connection)
            return (Set(group.map(\.organisation)), [AuditEvents.matchAnswered(answered, introduced: MatchPolicy.introduced(answered, group: group), at: at)])
        }
    }

    public func matchStatistics(from: Date, to: Date) async throws -> MatchStatistics {
        func counts(_ query: PostgresQuery) async throws -> [String: Int] {
            Dictionary(try await rows(query, as: (String, Int64).self).map { ($0.0, Int($0.1)) }) { $0 + $1 }
        }
        let held: (Int64, Int64) = try await rows("SELECT COUNT(*), COUNT(DISTINCT organisation) FROM match_token", as: (Int64, Int64).self).first ?? (Int64(0), Int64(0))
        return MatchStatistics(
            from: from, to: to,
            matches: try await counts("""
                SELECT kind, COUNT(*) FROM (SELECT min(kind) AS kind, min(raised_at) AS first FROM match_alert GROUP BY "window", value) g
                WHERE first >= \(from) AND first < \(to) GROUP BY kind
                """),
            alerts: try await counts("SELECT kind, COUNT(*) FROM match_alert WHERE raised_at >= \(from) AND raised_at < \(to) GROUP BY kind"),
            answers: try await counts("SELECT consent, COUNT(*) FROM match_alert WHERE consent IS NOT NULL AND consent_at >= \(from) AND consent_at < \(to) GROUP BY consent"),
            tokensHeld: Int(held.0), publishers: Int(held.1))
    }

    private func group(_ key: TokenMatcher.Key, on connection: PostgresConnection) async throws -> [StoredMatchAlert] {
        try await alerts(where: "WHERE a.\"window\" = \(Int64(key.window)) AND a.value = \(key.value)", on: connection)
    }

    /// The alerts a clause selects (`a` is the alert table).
    private func alerts(where clause: PostgresQuery, on connection: PostgresConnection) async throws -> [StoredMatchAlert] {
        var query = PostgresQuery(unsafeSQL: """
            SELECT a.id, a.organisation, a."window", a.value, a.kind, a.others, a.state, a.consent, a.consent_at, a.raised_at, a.updated_at
            FROM match_alert a
            """)
        query.sql += " " + clause.sql
        query.binds = clause.binds
        return try await rows(query, as: (String, String, Int64, String, String, Int32, String, String?, Date?, Date, Date).self, on: connection)
            .compactMap { row in
                guard let kind = MatchKind(rawValue: row.4), let state = MatchAlert.State(rawValue: row.6) else { return nil }
                return StoredMatchAlert(id: row.0, organisation: row.1, key: TokenMatcher.Key(window: Int(row.2), value: row.3), kind: kind,
                                        others: Int(row.5), state: state, consent: row.7.flatMap(MatchConsent.init(rawValue:)), consentAt: row.8,
                                        raisedAt: row.9, updatedAt: row.10)
            }
    }

    private func save(_ alert: StoredMatchAlert, on connection: PostgresConnection) async throws {
        try await connection.query("""
            INSERT INTO match_alert (id, organisation, "window", value, kind, others, state, consent, consent_at, raised_at, updated_at)
            VALUES (\(alert.id), \(alert.organisation), \(Int64(alert.key.window)), \(alert.key.value), \(alert.kind.rawValue), \(Int32(alert.others)),
                    \(alert.state.rawValue), \(alert.consent?.rawValue), \(alert.consentAt), \(alert.raisedAt), \(alert.updatedAt))
            ON CONFLICT (id) DO UPDATE SET others = excluded.others, state = excluded.state, consent = excluded.consent,
                consent_at = excluded.consent_at, updated_at = excluded.updated_at
            """, logger: logger)
    }
}
