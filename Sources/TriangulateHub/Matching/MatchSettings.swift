/// How the hub matches tokens, and how much it takes from one organisation: the operator's
/// settings (`match.*` in the hub's configuration).
public struct MatchSettings: Hashable, Sendable {
    /// How many distinct organisations make a match (at least 2).
    public var quorum: Int
    /// The length of a window, in days, that every node derives its tokens with.
    public var windowDays: Int
    /// The most tokens one publication may hold.
    public var maximumTokens: Int
    /// The most publications an organisation may make in an hour.
    public var publicationsPerHour: Int
    /// The most tokens an organisation may publish in a day that it did not hold before: more
    /// is a scan of subjects, refused and logged.
    public var newTokensPerDay: Int

    /// Makes settings; the defaults are the protocol's (a quorum of 2, 90-day windows).
    public init(quorum: Int = 2, windowDays: Int = 90, maximumTokens: Int = 20_000, publicationsPerHour: Int = 120,
                newTokensPerDay: Int = 5_000) {
        self.quorum = quorum
        self.windowDays = windowDays
        self.maximumTokens = maximumTokens
        self.publicationsPerHour = publicationsPerHour
        self.newTokensPerDay = newTokensPerDay
    }

    /// Refuses settings that cannot work.
    public func validate() throws(HubError) {
        guard quorum >= 2 else { throw HubError(.invalidRequest, "match.quorum is at least 2: one organisation alone is no match") }
        guard (7...366).contains(windowDays) else { throw HubError(.invalidRequest, "match.windowDays is 7 to 366 days") }
        guard maximumTokens >= 1, publicationsPerHour >= 1, newTokensPerDay >= 1 else {
            throw HubError(.invalidRequest, "match.maximumTokens, match.publicationsPerHour and match.newTokensPerDay are at least 1")
        }
    }
}
