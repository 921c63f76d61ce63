/// What someone looks for among the cases: words, an identifier, and filters, with an order.
/// Pure: it says which summaries match, and in what order they come.
public struct CaseQuery: Hashable, Sendable {
    /// How the results are ordered.
    public enum Order: String, CaseIterable, Sendable {
        case newest, oldest, reference, title, state
    }

    /// Words that must each begin a word of the title or reference (any case).
    public var words: String?
    /// A CQC provider or location id, a register number or an organisation named: each of its
    /// words must begin one of the case's identifiers' words.
    public var identifier: String?
    /// Only this process's cases.
    public var process: String?
    /// Only cases in this state (stored form).
    public var state: String?
    /// Only open cases, or only closed ones.
    public var closed: Bool?
    /// Only this category or type.
    public var category: String?
    /// Only cases identified on or after, or on or before, these days.
    public var from: LocalDate?
    public var through: LocalDate?
    /// Only cases with a safeguarding indicator.
    public var safeguardingOnly: Bool
    /// The order of the results.
    public var order: Order

    /// Makes a query; with no arguments, every case, newest first.
    public init(words: String? = nil, identifier: String? = nil, process: String? = nil, state: String? = nil, closed: Bool? = nil,
                category: String? = nil, from: LocalDate? = nil, through: LocalDate? = nil, safeguardingOnly: Bool = false,
                order: Order = .newest) {
        self.words = words
        self.identifier = identifier
        self.process = process
        self.state = state
        self.closed = closed
        self.category = category
        self.from = from
        self.through = through
        self.safeguardingOnly = safeguardingOnly
        self.order = order
    }

    /// Whether `summary` matches every part of the query given.
    public func matches(_ summary: CaseSummary) -> Bool {
        if let process, summary.process != process { return false }
        if let state, summary.state != state { return false }
        if let closed, summary.isClosed != closed { return false }
        if let category, summary.category != category { return false }
        if let from, summary.openedOn < from { return false }
        if let through, summary.openedOn > through { return false }
        if safeguardingOnly, !summary.safeguarding { return false }
        if let identifier, !Self.everyWordBegins(Self.tokens(identifier), Self.tokens(summary.subjectIdentifiers.joined(separator: " "))) {
            return false
        }
        if let words, !Self.everyWordBegins(Self.tokens(words), Self.tokens(summary.title + " " + summary.reference)) {
            return false
        }
        return true
    }

    /// The words of `text` as search reads them (and the node's search index stores them):
    /// lowercased, split at anything that is not a letter, a digit or a hyphen, so that
    /// `1-134558905` and `ECP-2026-0001` are one word each.
    public static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }

    /// Whether each of `wanted` begins one of `words`.
    private static func everyWordBegins(_ wanted: [String], _ words: [String]) -> Bool {
        wanted.allSatisfy { prefix in words.contains { $0.hasPrefix(prefix) } }
    }

    /// The summaries that match, in the query's order; ties by reference.
    public func results(_ summaries: [CaseSummary]) -> [CaseSummary] {
        summaries.filter(matches).sorted { left, right in
            switch order {
            case .newest where left.openedOn != right.openedOn: return left.openedOn > right.openedOn
            case .oldest where left.openedOn != right.openedOn: return left.openedOn < right.openedOn
            case .title where left.title.lowercased() != right.title.lowercased(): return left.title.lowercased() < right.title.lowercased()
            case .state where left.stateLabel != right.stateLabel: return left.stateLabel < right.stateLabel
            default: return order == .newest ? left.reference > right.reference : left.reference < right.reference
            }
        }
    }
}
