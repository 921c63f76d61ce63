import GRDB
import TriangulateModel
import TriangulateSync

extension NodeStore {
    /// The Forum secretariat's report over `period`: every forum record the signatories sent this
    /// node (withdrawn ones left out), counted by quarter, category and signatory — counts only.
    public func forumReport(period: ReportPeriod) throws -> ForumReport {
        try read { db in
            var records: [ForumRecord] = []
            let received = try String.fetchAll(db, sql: """
                SELECT received.documentId FROM received JOIN syncDocument ON syncDocument.id = received.documentId
                WHERE syncDocument.type = ? AND received.withdrawnAt IS NULL
                """, arguments: [DocumentType.forumRecord.rawValue])
            for documentId in Set(received) {
                guard let (_, state) = try SyncLedger.loadHeaderAndState(documentId, in: db) else { continue }
                let view = state.view
                guard let record = ForumRecord(registers: view.registers.compactMapValues(\.value),
                                               sets: view.sets.mapValues { $0.sorted() }) else { continue }
                records.append(record)
            }
            return ForumReport(records, period: period)
        }
    }
}
