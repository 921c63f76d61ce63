/// One token a node publishes: the kind of subject, the window, the keyed hash, and how many of
/// the organisation's open cases give it. Nothing else — no case, no reference, no content.
public struct MatchToken: Codable, Hashable, Sendable {
    /// What kind of subject it stands for.
    public var kind: MatchKind
    /// The window it was derived in.
    public var window: Int
    /// The token: 32 lowercase hex digits.
    public var value: String
    /// How many of the publisher's open cases give it, 1 to `maximumCount`.
    public var count: Int

    /// Makes a token.
    public init(kind: MatchKind, window: Int, value: String, count: Int = 1) {
        self.kind = kind
        self.window = window
        self.value = value
        self.count = count
    }

    /// The most cases one token may say it stands for.
    public static let maximumCount = 1_000

    /// Refuses a token whose value is not 32 lowercase hex digits or whose count is out of range.
    public func validate() throws(ProtocolError) {
        let bytes = Array(value.utf8)
        guard bytes.count == 32, bytes.allSatisfy(WireID.isLowerHex) else {
            throw ProtocolError(.malformed, "a match token is 32 lowercase hex digits, not '\(WireText.excerpt(value))'")
        }
        guard (1...Self.maximumCount).contains(count) else {
            throw ProtocolError(.malformed, "a match token's count is 1 to \(Self.maximumCount), not \(count)")
        }
    }
}

/// Everything an organisation holds for matching, replacing what it published before: a token
/// no longer in the list is withdrawn (its case closed or withdrawn, its window passed).
public struct MatchPublication: Codable, Hashable, Sendable {
    /// The window length the tokens were derived with; must be the hub's.
    public var windowDays: Int
    /// The tokens, each (window, value) once.
    public var tokens: [MatchToken]

    /// Makes a publication.
    public init(windowDays: Int, tokens: [MatchToken]) {
        self.windowDays = windowDays
        self.tokens = tokens
    }
}
