import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The cases of every process that match `query`, in its order. Words and identifiers are
    /// looked up in the search index first, so that only the cases they name are read; the
    /// query's own rule then decides, as it would over every case.
    public func cases(matching query: CaseQuery = CaseQuery()) throws -> [CaseSummary] {
        let candidates = try read { db -> [CaseSummary] in
            guard let match = CaseSearch.matchExpression(for: query) else {
                return try ProcessRegistry.processes.flatMap { try $0.cases(in: db, only: nil) }
            }
            let ids = try String.fetchAll(db, sql: "SELECT caseId FROM caseSearch WHERE caseSearch MATCH ?", arguments: [match])
            guard !ids.isEmpty else { return [] }
            return try ProcessRegistry.processes.flatMap { try $0.cases(in: db, only: ids) }
        }
        return query.results(candidates)
    }

    /// The ids of the cases whose references are `references` (a record's own reference, such as
    /// `ECP-2026-0001/R1`, names its case's), by reference.
    public func caseIDs(references: [String]) throws -> [String: String] {
        let wanted = Set(references.map { String($0.prefix { $0 != "/" }) })
        guard !wanted.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT caseId, reference FROM caseSearch WHERE reference IN (\(databaseQuestionMarks(count: wanted.count)))
                """, arguments: StatementArguments(Array(wanted)))
            return Dictionary(rows.map { ($0["reference"] as String, $0["caseId"] as String) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The case with record id `id`, of whichever process, in full.
    public func caseDetail(id: String) throws -> CaseDetail {
        let id = id.lowercased()
        guard let detail = try read({ db in try ProcessRegistry.processes.lazy.compactMap { try $0.caseDetail(id: id, in: db) }.first }) else {
            throw NodeError(.notFound, "there is no case with id \(id)")
        }
        return detail
    }

    /// The case whose reference (any case) or id is `text`.
    public func caseSummary(_ text: String) throws -> CaseSummary {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = try cases().first(where: { $0.reference.lowercased() == wanted || $0.id == wanted }) else {
            throw NodeError(.notFound, "no case matches '\(text)': give its reference, e.g. ECP-2026-0001")
        }
        return found
    }

    /// Every line of a case's history, its own records' included (`ECP-2026-0001/R1`), oldest first.
    public func timeline(of summary: CaseSummary) throws -> [HistoryEntry] {
        try read { db in
            try HistoryEntry.fetchAll(db, sql: """
                SELECT * FROM history
                WHERE concernId = ? OR reference = ? OR reference LIKE ? ESCAPE '\\'
                ORDER BY id
                """, arguments: [summary.id, summary.reference, Self.likePrefix(summary.reference + "/")])
        }
    }

    /// `text` as a LIKE pattern matching everything that starts with it.
    private static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
