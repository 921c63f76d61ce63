import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

extension NodeStore {
    /// Takes in one page from the hub's inbox in one transaction, cursor included, so that a
    /// page is applied whole or not at all and a restart resumes after the last page applied.
    /// Every batch is checked before it is applied: signed by the key pinned for its
    /// organisation, made by that organisation's replicas, about the share's own document.
    /// A withdrawal purges the document for good and leaves a stub. `checkpoint`, the hub's log
    /// after the page was delivered (checked), is accepted in the same transaction. `documents`
    /// keeps the shares' documents read for earlier pages of the same sync.
    func applyInbox(_ page: InboxPage, accepting checkpoint: SignedCheckpoint? = nil, documents: SharedDocuments = SharedDocuments(),
                    into summary: inout SyncSummary) throws {
        var purged = false
        try database.write { db in
            let now = environment.now()
            if let checkpoint { try Self.accept(checkpoint, in: db) }
            var ledger = try SyncLedger(db, organisation: organisation)
            for item in page.items {
                summary.itemsPulled += 1
                switch item.kind {
                case "share":
                    guard let declaration = item.declaration,
                          declaration.audience.contains(where: { $0.organisation == organisation.rawValue }) else {
                        summary.rejected.append("share \(WireText.excerpt(item.share)) does not name \(organisation) in its audience: ignored")
                        continue
                    }
                    if let contradiction = try contradiction(in: declaration, db) {
                        summary.rejected.append("ALARM: share \(WireText.excerpt(declaration.id)) from \(WireText.excerpt(declaration.document.owner)) refused: \(contradiction)")
                        continue
                    }
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO received (share, documentId, owner, declaration, receivedAt) VALUES (?, ?, ?, ?, ?)",
                        arguments: [declaration.id, declaration.document.id, declaration.document.owner,
                                    try WireJSON.encoder().encode(declaration), now])
                    summary.sharesReceived += 1
                case "batch":
                    do {
                        let changes = try verifiedChanges(item, documents: documents, in: db)
                        let report = try ledger.applyRemote(changes, at: now)
                        summary.changesApplied += report.applied
                        summary.rejected += report.refused
                    } catch let error as NodeError {
                        summary.rejected.append(error.message)
                    }
                case "withdrawal":
                    if try purgeReceived(item, at: now, in: db) {
                        summary.withdrawalsPurged += 1
                        purged = true
                    }
                default:
                    summary.rejected.append("item \(item.seq) is of an unknown kind '\(item.kind)': ignored")
                }
            }
            try ledger.trackPending(at: now)
            try ledger.finish()
            try db.execute(sql: "UPDATE hubLink SET cursor = ?", arguments: [page.cursor])
            summary.cursor = page.cursor
        }
        if purged {
            // Take the purged pages out of the write-ahead log too: with secure_delete the freed
            // cells are already zeroed in the pages; the checkpoint makes that true of the file.
            try truncateLog()
        }
    }

    /// What is wrong with a declaration received from the hub, or nil when it agrees with all
    /// this node knows: it must be well formed, must not claim this organisation's own documents
    /// for another, and must give a document the owner and type it had in every declaration
    /// received before (Protocol/sync.md, "Ownership"). Its document must be of a process this
    /// node runs, and a schema of the version this node knows must be this node's.
    private func contradiction(in declaration: ShareDeclaration, _ db: Database) throws -> String? {
        do {
            try declaration.validate()
        } catch {
            return error.message
        }
        let document = declaration.document
        guard let own = ProcessRegistry.catalog.schema(document.type) else {
            return "it shares a \(document.type), a document of a process this node does not run: update Triangulate to receive it"
        }
        guard declaration.schema.version != own.version || declaration.schema == own else {
            return "it declares \(own.name) with fields other than this node's definition of it"
        }
        guard document.owner != organisation.rawValue else {
            return "it names this organisation as the owner of a share it never made"
        }
        if let known = try SyncLedger.loadHeaderAndState(document.id, in: db)?.header, known != document {
            return known.owner == organisation.rawValue
                ? "it claims document \(document.id), which this organisation owns, as \(document.owner)'s"
                : "it gives document \(document.id) as \(document.owner)'s \(document.type.rawValue), but it is \(known.owner)'s \(known.type.rawValue)"
        }
        let owners = try String.fetchAll(db, sql: "SELECT DISTINCT owner FROM received WHERE documentId = ? AND share <> ? AND declaration IS NOT NULL",
                                         arguments: [document.id, declaration.id])
        if let other = owners.first(where: { $0 != document.owner }) {
            return "it gives document \(document.id) as \(document.owner)'s, but an earlier share gave it as \(other)'s"
        }
        if let earlier = try Data.fetchOne(db, sql: "SELECT declaration FROM received WHERE share = ? AND declaration IS NOT NULL", arguments: [declaration.id]),
           try WireJSON.decoder().decode(ShareDeclaration.self, from: earlier) != declaration {
            return "share \(declaration.id) was received before with another declaration"
        }
        return nil
    }

    /// A batch's changes once checked; refuses with a reason anything that does not fit.
    /// `documents` holds the shares' documents this sync has already read.
    private func verifiedChanges(_ item: InboxItem, documents: SharedDocuments, in db: Database) throws -> ChangeSet {
        guard let batch = item.batch, let organisation = item.signerOrganisation, let offered = item.signerKey else {
            throw NodeError(.syncRefused, "item \(item.seq) is a batch without its signer: ignored")
        }
        let key: NodePublicKey
        if let pinned = try Row.fetchOne(db, sql: "SELECT organisation, publicKey FROM pinnedKey WHERE keyID = ?", arguments: [batch.signer]) {
            guard pinned["organisation"] == organisation, pinned["publicKey"] == offered else {
                throw NodeError(.syncRefused, "ALARM: the hub presented a different key or organisation for key \(batch.signer) than the one pinned here; batch \(item.seq) refused")
            }
            key = try NodePublicKey(base64: pinned["publicKey"])
        } else {
            key = try NodePublicKey(base64: offered)
            guard key.keyID == batch.signer else {
                throw NodeError(.syncRefused, "ALARM: key \(batch.signer) offered by the hub does not hash to its id; batch \(item.seq) refused")
            }
            try db.execute(sql: "INSERT INTO pinnedKey (keyID, organisation, publicKey, pinnedAt) VALUES (?, ?, ?, ?)",
                           arguments: [batch.signer, organisation, offered, environment.now()])
        }
        let changes: ChangeSet
        do {
            changes = try batch.verified(with: key)
        } catch {
            throw NodeError(.syncRefused, "batch \(item.seq) refused: \(error.message)")
        }
        let expected: DocumentHeader
        if let row = try Row.fetchOne(db, sql: "SELECT declaration FROM received WHERE share = ? AND withdrawnAt IS NULL", arguments: [batch.share]),
           let data = row["declaration"] as Data? {
            expected = try documents.document(of: batch.share, declaredIn: data)
        } else if let row = try Row.fetchOne(db, sql: "SELECT declaration FROM share WHERE id = ? AND withdrawnAt IS NULL", arguments: [batch.share]) {
            expected = try documents.document(of: batch.share, declaredIn: row["declaration"] as Data)
        } else {
            throw NodeError(.syncRefused, "batch \(item.seq) is for share \(batch.share), which this node does not hold: ignored")
        }
        for change in changes.changes {
            guard change.document == expected.id, changes.headers[change.document] == expected else {
                throw NodeError(.syncRefused, "batch \(item.seq) changes a document other than its share's: refused")
            }
            guard SyncLedger.organisation(of: change.stamp.replica) == organisation else {
                throw NodeError(.syncRefused, "batch \(item.seq) signed by \(organisation) carries changes made by \(change.stamp.replica): refused")
            }
        }
        return changes
    }

    /// Purges a withdrawn share: its document's content, this node's own edits of it, and the
    /// declaration (which names people) go; a stub saying what was withdrawn, by whom and when
    /// stays. When another live share of the same document still reaches this node, only what
    /// that share does not allow goes. Returns whether there was anything to purge.
    private func purgeReceived(_ item: InboxItem, at now: Date, in db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT documentId, withdrawnAt FROM received WHERE share = ?", arguments: [item.share]) else {
            // Withdrawn before it was ever pulled: keep a stub all the same, and acknowledge.
            try db.execute(
                sql: "INSERT INTO received (share, documentId, owner, receivedAt, withdrawnBy, withdrawnAt, withdrawalReason, purgedAt) VALUES (?, '', ?, ?, ?, ?, ?, ?)",
                arguments: [item.share, item.withdrawnBy ?? "", now, item.withdrawnBy, item.withdrawnAt ?? now, item.reason, now])
            return true
        }
        guard row["withdrawnAt"] as Date? == nil else { return false }
        let document: String = row["documentId"]
        let remaining = try Data.fetchAll(
            db, sql: "SELECT declaration FROM received WHERE documentId = ? AND share <> ? AND withdrawnAt IS NULL AND declaration IS NOT NULL",
            arguments: [document, item.share]).map { try WireJSON.decoder().decode(ShareDeclaration.self, from: $0) }
        let kept = { (path: String) in remaining.contains { $0.allows(path) } }
        if remaining.isEmpty {
            try db.execute(sql: "DELETE FROM syncDocument WHERE id = ?", arguments: [document])
        } else if let (_, state) = try SyncLedger.loadHeaderAndState(document, in: db) {
            try db.execute(sql: "UPDATE syncDocument SET state = ? WHERE id = ?", arguments: [Data(state.keeping(kept).encoded()), document])
        }
        for commit in try Row.fetchAll(db, sql: "SELECT seq, changes FROM syncCommit") {
            var set = try ChangeSet(decoding: [UInt8](commit["changes"] as Data))
            guard set.changes.contains(where: { $0.document == document && !kept($0.field) }) else { continue }
            set.changes.removeAll { $0.document == document && !kept($0.field) }
            if !set.changes.contains(where: { $0.document == document }) { set.headers[document] = nil }
            if set.changes.isEmpty {
                try db.execute(sql: "DELETE FROM syncCommit WHERE seq = ?", arguments: [commit["seq"] as Int64])
            } else {
                try db.execute(sql: "UPDATE syncCommit SET changes = ?, changeCount = ? WHERE seq = ?",
                               arguments: [Data(set.encoded()), set.changes.count, commit["seq"] as Int64])
            }
        }
        try db.execute(
            sql: "UPDATE received SET declaration = NULL, withdrawnBy = ?, withdrawnAt = ?, withdrawalReason = ?, purgedAt = ? WHERE share = ?",
            arguments: [item.withdrawnBy, item.withdrawnAt ?? now, item.reason, now, item.share])
        try db.execute(sql: "INSERT INTO history (entity, reference, event, actor, at) VALUES ('received', ?, 'withdrawn and purged', ?, ?)",
                       arguments: [item.share, item.withdrawnBy ?? "hub", now])
        return true
    }
}

/// The documents of the shares whose batches a sync pulls, each share's declaration decoded
/// once: a sync carries many batches of each share, and a declaration carries its document's
/// whole schema, so decoding it for every batch was most of a catch-up's checking. Kept by the
/// exact bytes stored, so a share declared again is decoded afresh. It lives for one sync, so
/// nothing a withdrawal purges stays in memory after it.
final class SharedDocuments {
    private var documents: [String: (declaration: Data, document: DocumentHeader)] = [:]

    /// The document that `declaration`, the stored declaration of share `share`, names.
    func document(of share: String, declaredIn declaration: Data) throws -> DocumentHeader {
        if let known = documents[share], known.declaration == declaration { return known.document }
        let document = try WireJSON.decoder().decode(ShareDeclaration.self, from: declaration).document
        documents[share] = (declaration, document)
        return document
    }
}
