import Foundation
import Synchronization
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// What a push carried, so that it can be marked as sent once the hub has answered.
struct OutgoingPush {
    var request = PushRequest()
    /// The new watermark of each share (own or received) whose changes were sent.
    var watermarks: [(share: String, own: Bool, stamp: HybridTimestamp)] = []
    /// The withdrawals sent, by row id.
    var withdrawalIDs: [Int64] = []
    /// How many changes the batches carried.
    var changeCount = 0
}

extension NodeStore {
    /// This node's signing key.
    public func signingKey() throws -> NodeSigningKey {
        try read { db in
            guard let raw = try Data.fetchOne(db, sql: "SELECT privateKey FROM nodeKey") else {
                throw NodeError(.storeForeign, "this store has no node key")
            }
            if let cached = signingKeyCache.withLock({ $0 }), cached.raw == raw { return cached.key }
            let key = try NodeSigningKey(rawRepresentation: raw)
            signingKeyCache.withLock { $0 = (raw, key) }
            return key
        }
    }

    /// The hub this node is enrolled with, if any.
    public func hubURL() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT url FROM hubLink") }
    }

    /// The PEM certificates of the private CA this node trusts for its hub, if it was given one.
    public func hubTrustRoots() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT trustRoots FROM hubLink") }
    }

    /// A client of the hub this node is enrolled with, signing with its key.
    func enrolledHubClient() throws -> HubClient {
        guard let url = try hubURL() else {
            throw NodeError(.notEnrolled, "this node is not enrolled with a hub: run `triangulate enrol --hub URL --token TOKEN` first")
        }
        return try hubClient(url: url, key: try signingKey(), trustRoots: try hubTrustRoots())
    }

    /// A client of the hub at `url` through the environment's transport (HTTP(S) unless the
    /// environment gives another), signing with `key` at the environment's clock.
    func hubClient(url: String, key: NodeSigningKey?, trustRoots: String?) throws -> HubClient {
        guard let transport = environment.hubTransport else { return try HubClient(url: url, key: key, trustRoots: trustRoots) }
        return try HubClient(url: url, key: key, transport: transport, now: environment.now)
    }

    /// Records that this node enrolled `key` with the hub at `url`, whose checkpoints `hubKey`
    /// signs and whose TLS certificate `trustRoots` (a private CA's PEM, if any) vouches for.
    func recordEnrolment(url: String, hubKey: String, key: NodeSigningKey, trustRoots: String? = nil, by user: String) throws {
        try perform(by: user) { command in
            try command.db.execute(sql: "UPDATE nodeKey SET privateKey = ?, keyID = ?", arguments: [key.rawRepresentation, key.publicKey.keyID])
            try command.db.execute(
                sql: "INSERT INTO hubLink (singleton, url, enrolledAt, cursor, hubKey, trustRoots) VALUES (1, ?, ?, 0, ?, ?) ON CONFLICT (singleton) DO UPDATE SET url = excluded.url, enrolledAt = excluded.enrolledAt, hubKey = excluded.hubKey, trustRoots = excluded.trustRoots, checkpoint = NULL",
                arguments: [url, command.at, hubKey, trustRoots])
            try command.log(nil, "hub", url, "enrolled")
        }
    }

    /// The hub's pinned checkpoint key and the last checkpoint accepted.
    func auditState() throws -> (hubKey: NodePublicKey?, checkpoint: SignedCheckpoint?) {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT hubKey, checkpoint FROM hubLink") else { return (nil, nil) }
            let key = try (row["hubKey"] as String?).map { try NodePublicKey(base64: $0) }
            let checkpoint = try (row["checkpoint"] as Data?).map { try WireJSON.decoder().decode(SignedCheckpoint.self, from: $0) }
            return (key, checkpoint)
        }
    }

    /// Keeps `checkpoint` as the last one accepted.
    func acceptCheckpoint(_ checkpoint: SignedCheckpoint) throws {
        try database.write { db in try Self.accept(checkpoint, in: db) }
    }

    /// Keeps `checkpoint` as the last one accepted, in `db`'s transaction.
    static func accept(_ checkpoint: SignedCheckpoint, in db: Database) throws {
        try db.execute(sql: "UPDATE hubLink SET checkpoint = ?", arguments: [try WireJSON.encoder().encode(checkpoint)])
    }

    /// Takes `checkpoint` of a hub restored from a backup in place of `previous`, which it no
    /// longer extends, as a person decided: pulls again from the start, and pushes again
    /// everything this node ever pushed — shares, changes, withdrawals, purge acknowledgements —
    /// since the hub may have lost any of it. All of it is idempotent on the hub and on every
    /// recipient.
    func recordRejoin(accepting checkpoint: SignedCheckpoint, inPlaceOf previous: SignedCheckpoint?, by user: String) throws {
        try perform(by: user) { command in
            let db = command.db
            try db.execute(sql: "UPDATE hubLink SET cursor = 0, checkpoint = ?", arguments: [try WireJSON.encoder().encode(checkpoint)])
            try db.execute(sql: "UPDATE share SET sentAt = NULL, pushedMillis = 0, pushedCounter = 0")
            try db.execute(sql: "UPDATE received SET pushedMillis = 0, pushedCounter = 0, purgeAcknowledgedAt = NULL")
            try db.execute(sql: "UPDATE shareWithdrawal SET sentAt = NULL")
            try command.log(nil, "hub", try String.fetchOne(db, sql: "SELECT url FROM hubLink") ?? "", "rejoined after a restore",
                            from: previous.map { "log of \($0.size) entries" }, to: "log of \(checkpoint.size) entries, root \(checkpoint.root)")
        }
    }

    /// The hub cursor: the last item pulled.
    func hubCursor() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT cursor FROM hubLink") ?? 0 }
    }

    /// Everything waiting to go to the hub: new shares, the minimised changes of every live share
    /// (own, and received ones this node co-edits), withdrawals and purge acknowledgements.
    /// Only the fields a share allows, of the document it names, are ever put in its batches.
    func outgoingPush(key: NodeSigningKey) throws -> OutgoingPush {
        try read { db in
            var push = OutgoingPush()
            // A node pushes changes only into a share it declared itself, of a document it owns,
            // or into a share it received of a document the declaration's owner really owns —
            // never its own document under another's name (Protocol/sync.md, "Ownership").
            let me = organisation.rawValue
            var own: [(declaration: ShareDeclaration, watermark: HybridTimestamp?)] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM share WHERE withdrawnAt IS NULL OR sentAt IS NULL ORDER BY createdAt") {
                let declaration = try WireJSON.decoder().decode(ShareDeclaration.self, from: row["declaration"] as Data)
                guard declaration.document.owner == me else { continue }
                if row["sentAt"] as Date? == nil { push.request.shares.append(declaration) }
                if row["withdrawnAt"] as Date? == nil { own.append((declaration, Self.watermark(row))) }
            }
            var coEdited: [(declaration: ShareDeclaration, watermark: HybridTimestamp?)] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM received WHERE withdrawnAt IS NULL AND declaration IS NOT NULL") {
                let declaration = try WireJSON.decoder().decode(ShareDeclaration.self, from: row["declaration"] as Data)
                let known = try SyncLedger.loadHeaderAndState(declaration.document.id, in: db)?.header
                guard declaration.document.owner != me, known == nil || known == declaration.document else { continue }
                coEdited.append((declaration, Self.watermark(row)))
            }
            // Read the node's own changes once, from the oldest watermark of any live share.
            let marks = (own + coEdited).map(\.watermark)
            let since = marks.contains { $0 == nil } ? nil : marks.compactMap { $0 }.min()
            let changes = marks.isEmpty ? ChangeSet() : try SyncLedger.ownChanges(after: since, in: db)
            for (isOwn, list) in [(true, own), (false, coEdited)] {
                for (declaration, watermark) in list {
                    let document = declaration.document
                    let schema = try ProcessRegistry.schema(document.type)
                    let selected = changes.changes.filter { change in
                        guard change.document == document.id, declaration.allows(change.field) else { return false }
                        // Into another's share go only the fields its audience may write.
                        guard isOwn || schema.field(change.field.split(separator: "/").first.map(String.init) ?? change.field)?.writer == .audience else { return false }
                        if case .purge = change.operation { return false }
                        guard let watermark else { return true }
                        return (change.stamp.milliseconds, change.stamp.counter) > (watermark.milliseconds, watermark.counter)
                    }
                    guard let last = selected.last else { continue }
                    let set = ChangeSet(headers: [document.id: document], changes: selected)
                    push.request.batches.append(try SignedBatch(share: declaration.id, changes: set, key: key))
                    push.watermarks.append((declaration.id, isOwn, last.stamp))
                    push.changeCount += selected.count
                }
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM shareWithdrawal WHERE sentAt IS NULL ORDER BY id") {
                push.request.withdrawals.append(WithdrawalRequest(
                    share: row["share"], organisations: try JSONDecoder().decode([String].self, from: Data((row["organisations"] as String).utf8)),
                    reason: row["reason"]))
                push.withdrawalIDs.append(row["id"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT share, purgedAt FROM received WHERE purgedAt IS NOT NULL AND purgeAcknowledgedAt IS NULL") {
                push.request.purges.append(PurgeAcknowledgement(share: row["share"], purgedAt: row["purgedAt"]))
            }
            return push
        }
    }

    /// Marks what a push carried as sent, but for the items the hub refused with a code that
    /// may yet succeed (an organisation not on the hub yet or suspended, a share its owner has not
    /// pushed yet): those stay waiting and go again on the next sync. Every refusal is kept in
    /// `pushRefusal` — shown by `share list` and `sync` — until the item is accepted. `checkpoint`,
    /// the hub's log after the push (checked), is accepted in the same transaction.
    func markPushed(_ push: OutgoingPush, answer: PushResponse, accepting checkpoint: SignedCheckpoint? = nil) throws {
        let refused = Dictionary(answer.refused.map { ("\($0.kind)/\($0.share)", $0) }, uniquingKeysWith: { first, _ in first })
        func retry(_ kind: String, _ share: String) -> Bool { refused["\(kind)/\(share)"]?.mayLaterSucceed ?? false }
        try database.write { db in
            let now = environment.now()
            if let checkpoint { try Self.accept(checkpoint, in: db) }
            for declaration in push.request.shares where !retry("share", declaration.id) {
                try db.execute(sql: "UPDATE share SET sentAt = ? WHERE id = ?", arguments: [now, declaration.id])
            }
            for (share, own, stamp) in push.watermarks where !retry("batch", share) {
                try db.execute(sql: "UPDATE \(own ? "share" : "received") SET pushedMillis = ?, pushedCounter = ? WHERE \(own ? "id" : "share") = ?",
                               arguments: [Int64(stamp.milliseconds), Int64(stamp.counter), share])
            }
            for (id, withdrawal) in zip(push.withdrawalIDs, push.request.withdrawals) where !retry("withdrawal", withdrawal.share) {
                try db.execute(sql: "UPDATE shareWithdrawal SET sentAt = ? WHERE id = ?", arguments: [now, id])
            }
            for purge in push.request.purges where !retry("purge", purge.share) {
                try db.execute(sql: "UPDATE received SET purgeAcknowledgedAt = ? WHERE share = ?", arguments: [now, purge.share])
            }
            let items = push.request.shares.map { ("share", $0.id) } + push.request.batches.map { ("batch", $0.share) }
                + push.request.withdrawals.map { ("withdrawal", $0.share) } + push.request.purges.map { ("purge", $0.share) }
            for (kind, share) in items {
                if let refusal = refused["\(kind)/\(share)"] {
                    try db.execute(sql: """
                        INSERT INTO pushRefusal (kind, share, code, reason, retrying, at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, share) DO UPDATE SET code = excluded.code, reason = excluded.reason, retrying = excluded.retrying, at = excluded.at
                        """, arguments: [kind, share, refusal.code, refusal.reason, refusal.mayLaterSucceed, now])
                } else {
                    try db.execute(sql: "DELETE FROM pushRefusal WHERE kind = ? AND share = ?", arguments: [kind, share])
                }
            }
        }
    }

    private static func watermark(_ row: Row) -> HybridTimestamp? {
        let millis: Int64 = row["pushedMillis"]
        guard millis > 0 else { return nil }
        return HybridTimestamp(milliseconds: UInt64(millis), counter: UInt32(row["pushedCounter"] as Int64), replica: ReplicaID(""))
    }
}
