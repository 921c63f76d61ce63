import Foundation
import GRDB
import TriangulateSync

/// Deltas: the changes a partner's document received here since its state was last saved whole.
///
/// Rewriting a document's state row for each remote change scatters writes across the whole
/// `syncDocument` table: a few thousand edits to a filled store dirty most of its pages, which
/// SQLite writes twice (to the write-ahead log, then back into the file). The changes are
/// appended to `syncDelta` instead, a small table written at its end, and folded into the
/// stored states later — all at once and in document order once `deltaFoldThreshold` have
/// gathered, so that each page is rewritten once for many changes, or one document's when the
/// node writes that document. Every read of a document's state folds its pending deltas in,
/// so nobody sees the difference. (Yjs's stores keep appended updates and merge them the same way.)
extension SyncLedger {
    /// How many deltas may wait before all are folded in: about 5 MB of changes at most.
    public static let deltaFoldThreshold = 50_000

    /// Appends one document's new changes (with its header) as a delta; nothing when there are none.
    mutating func appendDelta(_ changes: ChangeSet) throws {
        guard let document = changes.changes.first?.document else { return }
        try DocumentRows(db: db).appendDelta(to: document, changes.encoded())
        mayHaveDeltas = true
    }

    /// Saves a stored document's whole state, in which its deltas are folded (`hadDeltas`,
    /// deleted with it) or dropped: the one way a stored state is replaced.
    static func replaceState(of id: String, with state: DocumentState, hadDeltas: Bool, in db: Database) throws {
        try DocumentRows(db: db).update(id, state: state.encoded())
        if hadDeltas { try db.execute(sql: "DELETE FROM syncDelta WHERE document = ?", arguments: [id]) }
    }

    /// Removes a document's state and its pending deltas for good (a purge).
    static func removeDocument(_ id: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM syncDocument WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM syncDelta WHERE document = ?", arguments: [id])
    }

    /// Folds the deltas in when at least `deltaFoldThreshold` may be waiting (counted by their
    /// sequence numbers, which never undercount).
    mutating func foldDeltasIfDue() throws {
        guard mayHaveDeltas,
              let span = try Int.fetchOne(db, sql: "SELECT max(seq) - min(seq) + 1 FROM syncDelta"),
              span >= Self.deltaFoldThreshold else { return }
        try Self.foldDeltas(in: db)
        mayHaveDeltas = false
    }

    /// Folds every pending delta into its document's stored state, document by document in id
    /// order, so that the state rows are rewritten in the order they are stored; returns how
    /// many deltas were folded.
    @discardableResult
    public static func foldDeltas(in db: Database) throws -> Int {
        var folded = 0
        var current: (id: String, state: DocumentState)?
        func save() throws {
            if let current { try DocumentRows(db: db).update(current.id, state: current.state.encoded()) }
        }
        let deltas = try Row.fetchCursor(db, sql: "SELECT document, changes FROM syncDelta ORDER BY document, seq")
        while let delta = try deltas.next() {
            let id: String = delta["document"]
            if current?.id != id {
                try save()
                current = try DocumentRows(db: db).row(id).map { (id, try DocumentState(decoding: $0.state)) }
            }
            current?.state.apply(try ChangeSet(decoding: [UInt8](delta["changes"] as Data)).changes)
            folded += 1
        }
        try save()
        try db.execute(sql: "DELETE FROM syncDelta")
        return folded
    }
}
