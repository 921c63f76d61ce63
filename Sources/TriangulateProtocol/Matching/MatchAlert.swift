import Foundation

/// What the hub tells an organisation about one of its tokens: that at least the quorum of
/// organisations hold a case on the same subject in the same window. It names neither the
/// subject nor the others — only the token (so the node can find its own cases), how many
/// others match, and, once the organisation agreed to be introduced, those others who agreed too.
public struct MatchAlert: Codable, Hashable, Sendable {
    /// The alert's id (a UUIDv7).
    public var id: String
    /// The kind of subject.
    public var kind: MatchKind
    /// The window.
    public var window: Int
    /// The organisation's own token.
    public var token: String
    /// How many other organisations hold a case with this token now.
    public var others: Int
    /// `open` while the quorum holds; `lapsed` once it no longer does.
    public var state: State
    /// This organisation's answer: nothing yet, asked to be put in touch, agreed to be revealed, or declined.
    public var consent: MatchConsent?
    /// Whether another organisation of the match asked to be put in touch.
    public var introductionRequested: Bool
    /// The organisations introduced to this one: those of the match that asked or agreed, when
    /// this one asked or agreed too; empty otherwise.
    public var introduced: [String]
    /// When the quorum was first reached for this organisation, and when the alert last changed.
    public var raisedAt: Date
    public var updatedAt: Date

    /// The alert's states.
    public enum State: String, Codable, Hashable, Sendable {
        case open, lapsed
    }

    /// Makes an alert.
    public init(id: String, kind: MatchKind, window: Int, token: String, others: Int, state: State, consent: MatchConsent?,
                introductionRequested: Bool, introduced: [String], raisedAt: Date, updatedAt: Date) {
        self.id = id
        self.kind = kind
        self.window = window
        self.token = token
        self.others = others
        self.state = state
        self.consent = consent
        self.introductionRequested = introductionRequested
        self.introduced = introduced
        self.raisedAt = raisedAt
        self.updatedAt = updatedAt
    }
}

/// An organisation's answer to an alert.
public enum MatchConsent: String, Codable, Hashable, Sendable, CaseIterable {
    /// Asks to be put in touch with the others (and so agrees to be revealed to those who agree).
    case ask
    /// Agrees to be revealed to the others who asked or agreed.
    case reveal
    /// Declines: never revealed for this alert.
    case decline
}

/// An organisation's answer to one of its alerts, as sent to the hub.
public struct MatchConsentRequest: Codable, Hashable, Sendable {
    /// The alert.
    public var alert: String
    /// The answer.
    public var consent: MatchConsent

    /// Makes a request.
    public init(alert: String, consent: MatchConsent) {
        self.alert = alert
        self.consent = consent
    }
}

/// What the hub answers about matching: its settings and the organisation's alerts.
public struct MatchAlertsPage: Codable, Hashable, Sendable {
    /// How many distinct organisations make a match.
    public var quorum: Int
    /// The window length tokens must be derived with.
    public var windowDays: Int
    /// The window the hub's clock is in: tokens are accepted for it and the one before and after.
    public var currentWindow: Int
    /// How many tokens the organisation has published.
    public var published: Int
    /// Its alerts, newest first.
    public var alerts: [MatchAlert]

    /// Makes a page.
    public init(quorum: Int, windowDays: Int, currentWindow: Int, published: Int, alerts: [MatchAlert]) {
        self.quorum = quorum
        self.windowDays = windowDays
        self.currentWindow = currentWindow
        self.published = published
        self.alerts = alerts
    }
}
