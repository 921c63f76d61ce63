import Foundation
import GRDB
import TriangulateModel

/// One line of a concern's history: who changed what, and when. Every change of state is
/// recorded here in the same transaction as the change, so the protocol's dates can always be
/// shown. Holds ids and state names only, never free text.
public struct HistoryEntry: Hashable, Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "history"

    /// The entry's sequence number in this store.
    public var id: Int64?
    /// The concern the change belongs to, if any.
    public var concernId: ConcernID?
    /// The kind of record changed: `concern`, `panel`, `action`…
    public var entity: String
    /// The record's reference.
    public var reference: String
    /// What happened, e.g. `trigger` or `recorded`.
    public var event: String
    /// The state before, if the record had one.
    public var fromState: String?
    /// The state after, if the record has one.
    public var toState: String?
    /// Who did it.
    public var actor: String
    /// When.
    public var at: Date

    /// Makes an entry.
    public init(concernId: ConcernID?, entity: String, reference: String, event: String, fromState: String?,
                toState: String?, actor: String, at: Date) {
        self.concernId = concernId
        self.entity = entity
        self.reference = reference
        self.event = event
        self.fromState = fromState
        self.toState = toState
        self.actor = actor
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
