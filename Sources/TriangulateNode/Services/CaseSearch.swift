import TriangulateModel

/// How a `CaseQuery`'s words and identifier become a query of the search index (`caseSearch`,
/// FTS5): each word a prefix of a word in its columns, as `CaseQuery.matches` reads them.
enum CaseSearch {
    /// The FTS5 `MATCH` expression of `query`, or nil when it has neither words nor an identifier.
    static func matchExpression(for query: CaseQuery) -> String? {
        var parts: [String] = []
        if let words = query.words.map(CaseQuery.tokens), !words.isEmpty {
            parts.append("{reference title} : (\(prefixes(words)))")
        }
        if let identifier = query.identifier.map(CaseQuery.tokens), !identifier.isEmpty {
            parts.append("identifiers : (\(prefixes(identifier)))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    /// Each token as a quoted prefix: tokens hold letters, digits and hyphens only, so quoting
    /// needs no escape.
    private static func prefixes(_ tokens: [String]) -> String {
        tokens.map { "\"\($0)\"*" }.joined(separator: " AND ")
    }
}
