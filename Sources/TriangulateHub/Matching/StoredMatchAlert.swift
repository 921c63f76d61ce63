import Foundation
import TriangulateProtocol

/// An alert as the hub stores it: to whom, for which group, and the organisation's answer.
public struct StoredMatchAlert: Hashable, Sendable {
    public var id: String
    public var organisation: String
    public var key: TokenMatcher.Key
    public var kind: MatchKind
    public var others: Int
    public var state: MatchAlert.State
    public var consent: MatchConsent?
    public var consentAt: Date?
    public var raisedAt: Date
    public var updatedAt: Date

    /// Makes a record.
    public init(id: String, organisation: String, key: TokenMatcher.Key, kind: MatchKind, others: Int, state: MatchAlert.State,
                consent: MatchConsent?, consentAt: Date?, raisedAt: Date, updatedAt: Date) {
        self.id = id
        self.organisation = organisation
        self.key = key
        self.kind = kind
        self.others = others
        self.state = state
        self.consent = consent
        self.consentAt = consentAt
        self.raisedAt = raisedAt
        self.updatedAt = updatedAt
    }

    /// Whether the organisation asked or agreed to be introduced.
    var agreed: Bool { consent == .ask || consent == .reveal }
}

/// How many matches, alerts and answers the hub recorded in a period, by kind of subject:
/// counts only — the hub holds no subject to count by.
public struct MatchStatistics: Codable, Hashable, Sendable {
    /// The period, as given.
    public var from: Date
    public var to: Date
    /// Groups that first reached the quorum in the period.
    public var matches: [String: Int]
    /// Alerts raised in the period.
    public var alerts: [String: Int]
    /// Answers given in the period, by answer.
    public var answers: [String: Int]
    /// Tokens held now, and organisations holding them.
    public var tokensHeld: Int
    public var publishers: Int

    /// Makes statistics.
    public init(from: Date, to: Date, matches: [String: Int], alerts: [String: Int], answers: [String: Int], tokensHeld: Int, publishers: Int) {
        self.from = from
        self.to = to
        self.matches = matches
        self.alerts = alerts
        self.answers = answers
        self.tokensHeld = tokensHeld
        self.publishers = publishers
    }
}
