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

    /// The organisations of each group, and its kind.
    public static func groups(_ entries: some Sequence<Entry>) -> [Key: (kind: MatchKind, organisations: Set<String>)] {
        var groups: [Key: (kind: MatchKind, organisations: Set<String>)] = [:]
        for entry in entries {
            groups[entry.key, default: (entry.kind, [])].organisations.insert(entry.organisation)
        }
        return groups
    }

    /// The alerts that should stand over `entries`: one for each organisation of each group of
    /// at least `quorum` organisations. Entries of organisations not `active` are left out first.
    public static func standing(_ entries: some Sequence<Entry>, quorum: Int, active: (String) -> Bool = { _ in true }) -> [Standing] {
        var result: [Standing] = []
        for (key, group) in groups(entries.filter { active($0.organisation) }) where group.organisations.count >= quorum {
            for organisation in group.organisations {
                result.append(Standing(organisation: organisation, key: key, kind: group.kind, others: group.organisations.count - 1))
            }
        }
        return result
    }
}
