import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

extension NodeStore {
    /// This node's replica id, made at the first write.
    public func replicaID() throws -> ReplicaID? {
        try read { db in try String.fetchOne(db, sql: "SELECT replica FROM syncReplica").map(ReplicaID.init) }
    }

    /// This node's own changes after `stamp`, or all of them: what it has to send.
    public func ownChanges(after stamp: HybridTimestamp? = nil) throws -> ChangeSet {
        try read { db in try SyncLedger.ownChanges(after: stamp, in: db) }
    }

    /// Applies changes from other replicas in one transaction. Duplicates are skipped and
    /// owner-only fields written by others refused (both counted in the report); a malformed set
    /// or a change stamped more than a day ahead refuses the whole set, with nothing applied.
    public func applyRemote(_ changes: ChangeSet) throws -> RemoteApplyReport {
        let at = environment.now()
        do {
            return try database.write { db in
                var ledger = try SyncLedger(db, organisation: organisation)
                let report = try ledger.applyRemote(changes, at: at)
                try ledger.trackPending(at: at)
                try ledger.finish()
                return report
            }
        } catch let error as SyncError {
            throw NodeError(.syncRefused, "changes refused, nothing applied: \(error.message)")
        }
    }

    /// The highest stamp applied from each other replica.
    public func syncVector() throws -> [ReplicaID: HybridTimestamp] {
        try read { db in try SyncLedger.loadVector(in: db) }
    }

    /// A shared document's header and merged view, local or received.
    public func sharedDocument(_ id: String) throws -> (header: DocumentHeader, view: DocumentView)? {
        try read { db in try SyncLedger.loadHeaderAndState(id, in: db).map { ($0.header, $0.state.view) } }
    }

    /// The headers of every shared document this node holds, local or received.
    public func sharedDocuments() throws -> [DocumentHeader] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, type, owner FROM syncDocument ORDER BY id").compactMap { row in
                DocumentType(rawValue: row["type"]).map { DocumentHeader(id: row["id"], type: $0, owner: row["owner"]) }
            }
        }
    }
}
