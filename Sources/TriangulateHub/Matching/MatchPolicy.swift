import Foundation
import TriangulateProtocol

/// The hub's rules for matching, in one pure place: which publications it takes, which alerts
/// a change of tokens raises, updates or lapses, who answers an alert, and who is introduced to
/// whom. The stores read the state, ask the policy, and write what it decides in one transaction.
public enum MatchPolicy {
    /// Refuses a publication derived with another window length, holding more tokens than
    /// allowed, a malformed token, a token twice, or a window other than the current one and
    /// its neighbours (`currentWindow` by the hub's clock).
    public static func validate(_ publication: MatchPublication, settings: MatchSettings, currentWindow: Int) throws(HubError) {
        guard publication.windowDays == settings.windowDays else {
            throw HubError(.invalidRequest, "this hub matches in windows of \(settings.windowDays) days, not \(publication.windowDays): derive the tokens again")
        }
        guard publication.tokens.count <= settings.maximumTokens else {
            throw HubError(.payloadTooLarge, "a publication holds at most \(settings.maximumTokens) tokens, not \(publication.tokens.count)")
        }
        var seen = Set<TokenMatcher.Key>()
        for token in publication.tokens {
            do {
                try token.validate()
            } catch {
                throw HubError(.invalidRequest, error.message)
            }
            guard (currentWindow - 1...currentWindow + 1).contains(token.window) else {
                throw HubError(.invalidRequest, "window \(token.window) is closed or not yet open: this hub takes windows \(currentWindow - 1) to \(currentWindow + 1)")
            }
            guard seen.insert(TokenMatcher.Key(window: token.window, value: token.value)).inserted else {
                throw HubError(.invalidRequest, "token \(token.value.prefix(8))… of window \(token.window) is in the publication twice: give it once with its count")
            }
        }
    }

    /// What a change of tokens does to the alerts of the groups it touched.
    public struct Changes: Sendable {
        /// Alerts to insert or update, as they now stand.
        public var alerts: [StoredMatchAlert] = []
        /// The audit entries, in order.
        public var entries: [AuditEntry] = []
        /// The organisations whose alerts changed.
        public var concerned: Set<String> = []
    }

    /// Brings `existing` (every stored alert of the touched groups) in line with `standing` (the
    /// alerts that should stand over those groups, from `TokenMatcher`): a new alert for each
    /// organisation newly in a group at quorum, a new count for each whose group changed, a
    /// lapse for each whose group fell below the quorum or who left it. `newID` names new alerts.
    public static func reconcile(standing: [TokenMatcher.Standing], existing: [StoredMatchAlert], at: Date,
                                 newID: () -> String) -> Changes {
        var changes = Changes()
        struct Slot: Hashable { let organisation: String; let key: TokenMatcher.Key }
        let stored = Dictionary(existing.map { (Slot(organisation: $0.organisation, key: $0.key), $0) }) { first, _ in first }
        let wasMatched = Set(existing.filter { $0.state == .open }.map(\.key))
        var newlyMatched: [TokenMatcher.Key: (MatchKind, Int)] = [:]
        var stands = Set<Slot>()
        for standing in standing.sorted(by: { ($0.key.window, $0.key.value, $0.organisation) < ($1.key.window, $1.key.value, $1.organisation) }) {
            let slot = Slot(organisation: standing.organisation, key: standing.key)
            stands.insert(slot)
            if !wasMatched.contains(standing.key) { newlyMatched[standing.key] = (standing.kind, standing.others + 1) }
            if var alert = stored[slot] {
                guard alert.state != .open || alert.others != standing.others else { continue }
                let reopened = alert.state != .open
                alert.state = .open
                alert.others = standing.others
                alert.updatedAt = at
                changes.alerts.append(alert)
                changes.entries.append(reopened ? AuditEvents.matchAlertRaised(alert, at: at) : AuditEvents.matchAlertUpdated(alert, at: at))
            } else {
                let alert = StoredMatchAlert(id: newID(), organisation: standing.organisation, key: standing.key, kind: standing.kind,
                                             others: standing.others, state: .open, consent: nil, consentAt: nil, raisedAt: at, updatedAt: at)
                changes.alerts.append(alert)
                changes.entries.append(AuditEvents.matchAlertRaised(alert, at: at))
            }
            changes.concerned.insert(standing.organisation)
        }
        for (key, match) in newlyMatched.sorted(by: { ($0.key.window, $0.key.value) < ($1.key.window, $1.key.value) }) {
            changes.entries.insert(AuditEvents.matched(kind: match.0, window: key.window, organisations: match.1, at: at), at: 0)
        }
        for alert in existing.sorted(by: { $0.id < $1.id }) where alert.state == .open
            && !stands.contains(Slot(organisation: alert.organisation, key: alert.key)) {
            var lapsed = alert
            lapsed.state = .lapsed
            lapsed.updatedAt = at
            changes.alerts.append(lapsed)
            changes.entries.append(AuditEvents.matchAlertLapsed(lapsed, at: at))
            changes.concerned.insert(alert.organisation)
        }
        return changes
    }

    /// Decides `organisation`'s answer to alert `alert` (nil when there is none of that id):
    /// only its own alert, only while it is open; once it asked or agreed it cannot decline (it
    /// may already be revealed), and asking after agreeing changes nothing.
    public static func answer(_ consent: MatchConsent, to alert: StoredMatchAlert?, id: String, by organisation: String,
                              at: Date) throws(HubError) -> StoredMatchAlert? {
        guard let alert, alert.organisation == organisation else {
            throw HubError(.notFound, "\(organisation) has no alert \(WireText.excerpt(id)): list its alerts with `triangulate match alerts`")
        }
        guard alert.state == .open else {
            throw HubError(.conflict, "alert \(alert.id) has lapsed: the other organisations' cases no longer match, so there is no one to be put in touch with")
        }
        if alert.agreed, consent == .decline {
            throw HubError(.conflict, "alert \(alert.id) was already answered with '\(alert.consent?.rawValue ?? "")': you may have been introduced, so it cannot be declined now")
        }
        guard alert.consent != consent, !(alert.agreed && consent != .decline) else { return nil }
        var answered = alert
        answered.consent = consent
        answered.consentAt = at
        answered.updatedAt = at
        return answered
    }

    /// The organisations `alert`'s holder is introduced to among `group` (every alert of its
    /// group): those that asked or agreed, when it asked or agreed too and the match stands;
    /// nobody otherwise.
    public static func introduced(_ alert: StoredMatchAlert, group: [StoredMatchAlert]) -> [String] {
        guard alert.agreed, alert.state == .open else { return [] }
        return group.filter { $0.agreed && $0.state == .open && $0.organisation != alert.organisation }.map(\.organisation).sorted()
    }

    /// The alert as its organisation reads it, with the group's requests and introductions.
    public static func view(_ alert: StoredMatchAlert, group: [StoredMatchAlert]) -> MatchAlert {
        MatchAlert(id: alert.id, kind: alert.kind, window: alert.key.window, token: alert.key.value, others: alert.others, state: alert.state,
                   consent: alert.consent,
                   introductionRequested: group.contains { $0.consent == .ask && $0.state == .open && $0.organisation != alert.organisation },
                   introduced: introduced(alert, group: group), raisedAt: alert.raisedAt, updatedAt: alert.updatedAt)
    }
}
