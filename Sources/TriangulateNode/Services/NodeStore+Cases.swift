import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The cases of every process that match `query`, in its order.
    public func cases(matching query: CaseQuery = CaseQuery()) throws -> [CaseSummary] {
        let all = try read { db in try ProcessRegistry.processes.flatMap { try $0.cases(in: db) } }
        return query.results(all)
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
