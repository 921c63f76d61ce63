import TriangulateProtocol

/// The matching itself, pure: which organisations hold each (window, token), and from that,
/// which alerts should stand — every organisation of a group of at least the quorum, with how
/// many others are in it. The stores give it the tokens of the groups a change touched; the
/// benchmark gives it a whole hub's.
public enum TokenMatcher {
    /// A group's key: the window and the token.
    public struct Key: Hashable, Sendable {
        public let window: Int
        public let value: String

        /// Makes a key.
        public init(window: Int, value: String) {
            self.window = window
            self.value = value
        }
    }

    /// One published token, as the stores hold it.
    public struct Entry: Hashable, Sendable {
        public let organisation: String
        public let kind: MatchKind
        public let key: Key

        /// Makes an entry.
        public init(organisation: String, kind: MatchKind, key: Key) {
            self.organisation = organisation
            self.kind = kind
            self.key = key
        }
    }

    /// An alert that should stand: to whom, for which group, of what kind, and how many others.
    public struct Standing: Hashable, Sendable {
        public let organisation: String
        public let key: Key
        public let kind: MatchKind
        public let others: Int
    }

    /// The distinct organisations holding one group's token: the first kept inline, so that the
    /// many groups of one organisation allocate nothing more.
    struct Holders {
        let kind: MatchKind
        var first: String?
        var rest: [String] = []

        var count: Int { first == nil ? 0 : 1 + rest.count }

        mutating func insert(_ organisation: String) {
            guard let first else { return self.first = organisation }
            if first != organisation, !rest.contains(organisation) { rest.append(organisation) }
        }

        var all: [String] { (first.map { [$0] } ?? []) + rest }
    }

    /// The alerts that should stand over `entries`: one for each organisation of each group of
    /// at least `quorum` organisations. Entries of organisations not `active` are left out.
    public static func standing(_ entries: some Collection<Entry>, quorum: Int, active: (String) -> Bool = { _ in true }) -> [Standing] {
        var groups = [Key: Holders](minimumCapacity: entries.count)
        for entry in entries where active(entry.organisation) {
            groups[entry.key, default: Holders(kind: entry.kind)].insert(entry.organisation)
        }
        var result: [Standing] = []
        for (key, holders) in groups where holders.count >= quorum {
            for organisation in holders.all {
                result.append(Standing(organisation: organisation, key: key, kind: holders.kind, others: holders.count - 1))
            }
        }
        return result
    }
}
