import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol

/// The tables of sharing through a hub (migration `v3-sharing`).
///
/// - `nodeKey`: this node's Ed25519 key, made with the store. The private key is in the file:
///   protect the file as you protect the records in it.
/// - `hubLink`: the hub this node is enrolled with, and the cursor of what it has pulled.
/// - `share`: shares this organisation made; `shareWithdrawal`: their withdrawals;
///   `shareDecision`: decisions not to share, which the protocol asks to record.
/// - `received`: shares others made with this organisation; after a withdrawal, a stub that says
///   what was withdrawn, by whom and when, the content itself purged.
/// - `pinnedKey`: the public keys of other nodes, pinned the first time they are seen.
enum SharingSchema {
    /// The hub's checkpoint key, pinned at enrolment, and the last audit checkpoint accepted.
    /// `pushRefusal`: the hub's latest refusal of each item this node pushed (by kind and
    /// share), until the item is accepted; `retrying` when it is sent again on each sync.
    static func addPushRefusals(_ db: Database) throws {
        try db.create(table: "pushRefusal", options: .withoutRowID) { t in
            t.column("kind", .text).notNull()
            t.column("share", .text).notNull()
            t.column("code", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("retrying", .boolean).notNull()
            t.column("at", .datetime).notNull()
            t.primaryKey(["kind", "share"])
        }
    }

    /// The private CA (PEM) the hub's TLS certificate comes from, when it is not a public one.
    static func addHubTrustRoots(_ db: Database) throws {
        try db.alter(table: "hubLink") { t in t.add(column: "trustRoots", .text) }
    }

    static func addAuditCheckpoints(_ db: Database) throws {
        try db.alter(table: "hubLink") { t in
            t.add(column: "hubKey", .text)
            t.add(column: "checkpoint", .blob)
        }
    }

    static func create(_ db: Database) throws {
        try db.create(table: "nodeKey") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("privateKey", .blob).notNull()
            t.column("keyID", .text).notNull()
        }
        let key = NodeSigningKey()
        try db.execute(sql: "INSERT INTO nodeKey (singleton, privateKey, keyID) VALUES (1, ?, ?)",
                       arguments: [key.rawRepresentation, key.publicKey.keyID])
        try db.create(table: "hubLink") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("url", .text).notNull()
            t.column("enrolledAt", .datetime).notNull()
            t.column("cursor", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "share") { t in
            t.primaryKey("id", .text)
            t.column("documentId", .text).notNull()
            t.column("declaration", .blob).notNull()
            t.column("createdBy", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("sentAt", .datetime)
            t.column("pushedMillis", .integer).notNull().defaults(to: 0)
            t.column("pushedCounter", .integer).notNull().defaults(to: 0)
            t.column("withdrawnAt", .datetime)
        }
        try db.create(table: "shareWithdrawal") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("share", .text).notNull().references("share")
            t.column("organisations", .jsonText).notNull()
            t.column("reason", .text)
            t.column("withdrawnBy", .text).notNull()
            t.column("withdrawnAt", .datetime).notNull()
            t.column("sentAt", .datetime)
        }
        try db.create(table: "shareDecision") { t in
            t.primaryKey("id", .text)
            t.column("documentId", .text).notNull()
            t.column("organisations", .jsonText).notNull()
            t.column("reason", .text).notNull()
            t.column("decidedBy", .text).notNull()
            t.column("decidedAt", .datetime).notNull()
        }
        try db.create(table: "received") { t in
            t.primaryKey("share", .text)
            t.column("documentId", .text).notNull()
            t.column("owner", .text).notNull()
            t.column("declaration", .blob)
            t.column("receivedAt", .datetime).notNull()
            t.column("pushedMillis", .integer).notNull().defaults(to: 0)
            t.column("pushedCounter", .integer).notNull().defaults(to: 0)
            t.column("withdrawnBy", .text)
            t.column("withdrawnAt", .datetime)
            t.column("withdrawalReason", .text)
            t.column("purgedAt", .datetime)
            t.column("purgeAcknowledgedAt", .datetime)
        }
        try db.create(table: "pinnedKey") { t in
            t.primaryKey("keyID", .text)
            t.column("organisation", .text).notNull()
            t.column("publicKey", .text).notNull()
            t.column("pinnedAt", .datetime).notNull()
        }
    }
}
