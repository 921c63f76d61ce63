import Crypto
import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol

/// A token's place: its window and value.
private struct TokenSlot: Hashable {
    let window: Int
    let value: String
}

extension NodeStore {
    // MARK: Keys

    /// Adds the network's match key, taking effect for the windows that start on or after
    /// `fromDay` (every window, for the first key). The key never leaves the node.
    public func addMatchKey(_ key: MatchKey, from fromDay: LocalDate?, by user: String) throws -> MatchKeyInfo {
        try perform(by: user) { command in
            let day = (fromDay ?? LocalDate(dayNumber: 0)!).description
            if try Data.fetchOne(command.db, sql: "SELECT key FROM matchKey WHERE key = ?", arguments: [key.bytes]) != nil {
                throw NodeError(.invalidInput, "this node already holds the match key \(key.fingerprint)")
            }
            if try String.fetchOne(command.db, sql: "SELECT fingerprint FROM matchKey WHERE fromDay = ?", arguments: [day]) != nil {
                throw NodeError(.invalidInput, "a match key already takes effect on \(day): give the new key a later --from")
            }
            try command.db.execute(sql: "INSERT INTO matchKey (fromDay, key, fingerprint, addedBy, addedAt) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [day, key.bytes, key.fingerprint, command.user, command.at])
            try command.log(nil, "match", key.fingerprint, "key added", to: "from \(day)")
            return MatchKeyInfo(fromDay: day, fingerprint: key.fingerprint, addedBy: command.user)
        }
    }

    /// The match keys held, by the day they take effect.
    public func matchKeys() throws -> [MatchKeyInfo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT fromDay, fingerprint, addedBy FROM matchKey ORDER BY fromDay").map {
                MatchKeyInfo(fromDay: $0["fromDay"], fingerprint: $0["fingerprint"], addedBy: $0["addedBy"])
            }
        }
    }

    // MARK: Tokens

    /// The tokens of every open case of every process for the windows the hub takes, and which
    /// cases and subjects give each: the publication, and what only this node may know.
    static func matchTokens(windowDays: Int, windows: ClosedRange<Int>, in db: Database) throws
        -> (publication: MatchPublication, index: [String: (subject: MatchSubject, cases: [LocalMatchAlert.Case])]) {
        let keys = try Row.fetchAll(db, sql: "SELECT fromDay, key FROM matchKey ORDER BY fromDay").compactMap { row -> (LocalDate, MatchKey)? in
            guard let day = try? LocalDate(parsing: row["fromDay"]), let key = try? MatchKey(bytes: row["key"]) else { return nil }
            return (day, key)
        }
        var windowKeys: [Int: (MatchKey, SymmetricKey)] = [:]
        for window in windows {
            guard let first = MatchWindow.firstDay(of: window, days: windowDays),
                  let key = keys.last(where: { $0.0 <= first })?.1 else { continue }
            windowKeys[window] = (key, key.windowKey(window, days: windowDays))
        }
        var tokens: [TokenSlot: MatchToken] = [:]
        var index: [String: (subject: MatchSubject, cases: [LocalMatchAlert.Case])] = [:]
        for process in ProcessRegistry.processes {
            for found in try process.matchSubjects(in: db) {
                for window in MatchWindow.windows(ofCaseIdentifiedOn: found.openedOn, days: windowDays) {
                    guard let (key, windowKey) = windowKeys[window] else { continue }
                    for subject in found.subjects {
                        let value = key.token(of: subject, windowKey: windowKey)
                        tokens[TokenSlot(window: window, value: value), default: MatchToken(kind: subject.kind, window: window, value: value, count: 0)].count += 1
                        index[value, default: (subject, [])].cases.append(LocalMatchAlert.Case(id: found.caseId, reference: found.reference))
                    }
                }
            }
        }
        let list = tokens.values.map { token in
            var token = token
            token.count = min(token.count, MatchToken.maximumCount)
            return token
        }.sorted { ($0.window, $0.value) < ($1.window, $1.value) }
        return (MatchPublication(windowDays: windowDays, tokens: list), index)
    }

    /// A digest of a publication, to tell whether it changed since the last one sent.
    static func digest(_ publication: MatchPublication) -> String {
        let text = "\(publication.windowDays)\n" + publication.tokens.map { "\($0.window) \($0.value) \($0.count)" }.joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Alerts

    /// The hub's alerts as last collected, by subject, newest first, each with this
    /// organisation's open cases that give its tokens.
    public func matchAlerts() throws -> [LocalMatchAlert] {
        try read { db in
            guard let days = try Int.fetchOne(db, sql: "SELECT windowDays FROM matchState") else { return [] }
            let alerts = try Row.fetchAll(db, sql: "SELECT * FROM matchAlert ORDER BY raisedAt DESC, id DESC").compactMap(Self.matchAlert)
            guard let low = alerts.map(\.window).min(), let high = alerts.map(\.window).max() else { return [] }
            let index = try Self.matchTokens(windowDays: days, windows: low...high, in: db).index
            var groups: [String: [MatchAlert]] = [:]
            var order: [String] = []
            for alert in alerts {
                let group = index[alert.token].map { "\($0.subject.kind.rawValue)|\($0.subject.canonical)" } ?? alert.token
                if groups[group] == nil { order.append(group) }
                groups[group, default: []].append(alert)
            }
            return order.map { group in
                let members = groups[group]!
                let found = members.compactMap { index[$0.token] }
                let cases = Set(found.flatMap(\.cases)).sorted { $0.reference < $1.reference }
                return LocalMatchAlert(subject: found.first?.subject.description, cases: cases, alerts: members)
            }
        }
    }

    /// The open alerts that give a token of case `caseId`.
    public func matchAlerts(ofCase caseId: String) throws -> [LocalMatchAlert] {
        try matchAlerts().filter { $0.state == .open && $0.cases.contains { $0.id == caseId } }
    }

    /// Keeps the hub's page of alerts and settings; `published` is the digest and size of the
    /// publication just sent, if one was. Returns how many alerts came or changed.
    func recordMatchPage(_ page: MatchAlertsPage, published: (digest: String, count: Int)?) throws -> Int {
        try database.write { db in
            let before = Set(try Row.fetchAll(db, sql: "SELECT id, updatedAt FROM matchAlert").map { "\($0["id"] as String) \(($0["updatedAt"] as Date).timeIntervalSince1970)" })
            try db.execute(sql: """
                INSERT INTO matchState (singleton, quorum, windowDays, publishedDigest, publishedCount, collectedAt) VALUES (1, ?, ?, ?, ?, ?)
                ON CONFLICT (singleton) DO UPDATE SET quorum = excluded.quorum, windowDays = excluded.windowDays, collectedAt = excluded.collectedAt,
                    publishedDigest = coalesce(?, publishedDigest), publishedCount = coalesce(?, publishedCount)
                """, arguments: [page.quorum, page.windowDays, published?.digest, published?.count ?? 0, environment.now(), published?.digest, published?.count])
            try db.execute(sql: "DELETE FROM matchAlert")
            var changed = 0
            for alert in page.alerts {
                try db.execute(sql: """
                    INSERT INTO matchAlert (id, kind, window, token, others, state, consent, introductionRequested, introduced, raisedAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [alert.id, alert.kind.rawValue, alert.window, alert.token, alert.others, alert.state.rawValue, alert.consent?.rawValue,
                                     alert.introductionRequested, alert.introduced.joined(separator: ","), alert.raisedAt, alert.updatedAt])
                if !before.contains("\(alert.id) \(alert.updatedAt.timeIntervalSince1970)") { changed += 1 }
            }
            return changed
        }
    }

    /// The digest of the last publication sent, if any.
    func publishedMatchDigest() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT publishedDigest FROM matchState") }
    }

    private static func matchAlert(_ row: Row) -> MatchAlert? {
        guard let kind = MatchKind(rawValue: row["kind"]), let state = MatchAlert.State(rawValue: row["state"]) else { return nil }
        let introduced: String = row["introduced"]
        return MatchAlert(id: row["id"], kind: kind, window: row["window"], token: row["token"], others: row["others"], state: state,
                          consent: (row["consent"] as String?).flatMap(MatchConsent.init(rawValue:)),
                          introductionRequested: row["introductionRequested"],
                          introduced: introduced.split(separator: ",").map(String.init), raisedAt: row["raisedAt"], updatedAt: row["updatedAt"])
    }

    // MARK: With the hub

    /// Collects the hub's alerts and, when the tokens of this organisation's open cases changed,
    /// publishes them in place of the last ones. Without a match key there is nothing to do.
    func exchangeMatches(_ client: HubClient) async throws -> MatchSummary {
        var summary = MatchSummary()
        guard try !matchKeys().isEmpty else {
            summary.problem = "no match key: add the network's with `triangulate match key import FILE`"
            return summary
        }
        var page = try await client.send("GET", "/v1/match/alerts", as: MatchAlertsPage.self)
        let window = page.currentWindow
        let publication = try read { db in
            try Self.matchTokens(windowDays: page.windowDays, windows: (window - 1)...(window + 1), in: db).publication
        }
        let digest = Self.digest(publication)
        var published: (String, Int)?
        if try digest != publishedMatchDigest() || publication.tokens.count != page.published {
            page = try await client.send("POST", "/v1/match/tokens", body: publication, as: MatchAlertsPage.self)
            published = (digest, publication.tokens.count)
            summary.published = publication.tokens.count
        }
        summary.changed = try recordMatchPage(page, published: published)
        summary.open = page.alerts.filter { $0.state == .open }.count
        return summary
    }

    /// Answers one of the alerts — every open window of it: asks to be put in touch, agrees to
    /// be revealed, or declines; returns the alert as the hub now has it.
    public func answerMatchAlert(_ id: String, _ consent: MatchConsent, by user: String) async throws -> LocalMatchAlert {
        try requireActing(as: user, for: .record)
        let wanted = id.lowercased()
        let candidates = try matchAlerts().filter { alert in
            alert.alerts.contains { $0.id == wanted || (wanted.count >= 6 && ($0.id.hasPrefix(wanted) || $0.id.hasSuffix(wanted))) }
        }
        guard let alert = candidates.first else { throw NodeError(.notFound, "no alert matches '\(id)': list them with `triangulate match alerts`") }
        guard candidates.count == 1 else { throw NodeError(.ambiguous, "'\(id)' matches several alerts: give more of the id") }
        guard alert.state == .open else {
            throw NodeError(.invalidInput, "alert \(alert.id.suffix(12)) has lapsed: the other organisations' cases no longer match")
        }
        let client = try enrolledHubClient()
        var page: MatchAlertsPage?
        for window in alert.alerts where window.state == .open {
            page = try await client.send("POST", "/v1/match/answers", body: MatchConsentRequest(alert: window.id, consent: consent), as: MatchAlertsPage.self)
        }
        if let page { _ = try recordMatchPage(page, published: nil) }
        try perform(by: user) { command in try command.log(nil, "match", alert.id, "answered \(consent.rawValue)") }
        return try matchAlerts().first { $0.alerts.contains { $0.id == alert.id } } ?? alert
    }
}
