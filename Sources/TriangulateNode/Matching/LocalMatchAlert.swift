import TriangulateProtocol

/// An alert as this node shows it: the hub's alerts about one subject — one per window its
/// cases' tokens fall in, which the hub cannot tell apart — with what only this node knows: the
/// subject and its own open cases that gave the tokens.
public struct LocalMatchAlert: Codable, Hashable, Sendable {
    /// One of this organisation's cases.
    public struct Case: Codable, Hashable, Sendable {
        /// The record id (what its page is addressed by) and reference.
        public let id: String
        public let reference: String
    }

    /// The id that names the alert: its newest hub alert's (any of them answers for all).
    public let id: String
    /// The subject, as this node reads it (`location 1-123456789`); nil when no open case of
    /// this organisation gives the tokens any more.
    public let subject: String?
    /// The kind of subject.
    public let kind: MatchKind
    /// This organisation's open cases that give the tokens.
    public let cases: [Case]
    /// The most other organisations matching in any window.
    public let others: Int
    /// Open while the quorum holds in some window.
    public let state: MatchAlert.State
    /// This organisation's answer, if it gave one.
    public let consent: MatchConsent?
    /// Whether another organisation asked to be put in touch.
    public let introductionRequested: Bool
    /// The organisations introduced to this one.
    public let introduced: [String]
    /// The hub's alerts, one per window.
    public let alerts: [MatchAlert]

    /// Where its introduction stands, in words.
    public var introductionStatus: String {
        if !introduced.isEmpty { return "Introduced to " + introduced.joined(separator: ", ") }
        switch consent {
        case .ask?: return "You asked to be put in touch: waiting for the others to agree"
        case .reveal?: return "You agreed to be revealed: waiting for another to agree"
        case .decline?: return "You declined to be revealed"
        case nil: return introductionRequested ? "Another organisation asks to be put in touch: reveal yourself or decline" : "No one has asked to be put in touch"
        }
    }

    /// Whether the organisation may still answer: the alert is open and it has not asked or agreed.
    public var mayAnswer: Bool { state == .open && consent != .ask && consent != .reveal }

    /// The alert of `alerts` (about one subject, newest first) with the cases that gave them.
    init(subject: String?, cases: [Case], alerts: [MatchAlert]) {
        let open = alerts.filter { $0.state == .open }
        id = alerts[0].id
        self.subject = subject
        kind = alerts[0].kind
        self.cases = cases
        others = (open.isEmpty ? alerts : open).map(\.others).max() ?? 0
        state = open.isEmpty ? .lapsed : .open
        consent = (open.first ?? alerts[0]).consent
        introductionRequested = open.contains(where: \.introductionRequested)
        introduced = Array(Set(alerts.flatMap(\.introduced))).sorted()
        self.alerts = alerts
    }
}

/// A network match key as the node lists it: its fingerprint, never the key.
public struct MatchKeyInfo: Codable, Hashable, Sendable {
    /// The first day whose windows use it.
    public let fromDay: String
    /// Its fingerprint (`MatchKey.fingerprint`), to compare with other nodes'.
    public let fingerprint: String
    /// Who added it, and when.
    public let addedBy: String
}

/// What matching did during a sync.
public struct MatchSummary: Codable, Hashable, Sendable {
    /// Tokens published now, or nil when the set had not changed.
    public var published: Int?
    /// Open alerts, and those that came or changed since the last collection.
    public var open = 0
    public var changed = 0
    /// Why matching did not happen, when it did not (no key; the hub refused).
    public var problem: String?

    /// Makes an empty summary.
    public init() {}
}
