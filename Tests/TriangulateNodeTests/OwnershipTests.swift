import Foundation
import GRDB
import Testing
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// A node trusts no declaration about its own documents, nor one that contradicts what it
/// knows, and pushes changes only into shares of documents their declared owner really owns
/// (Protocol/sync.md, "Ownership") — the defence that holds even against a hub that let a
/// forged declaration through.
@Suite("Ownership on the node")
struct OwnershipTests {
    /// A declaration as a dishonest NMC would send it: CQC's panel claimed as NMC's, to CQC and
    /// LGSCO, identifiable, with the minutes.
    static func forgedPanelShare(of panel: DocumentHeader, owner: String = "NMC") -> ShareDeclaration {
        var generator = SystemRandomNumberGenerator()
        return ShareDeclaration(
            id: UUIDv7.make(at: Date(), using: &generator).uuidString.lowercased(),
            document: DocumentHeader(id: panel.id, type: panel.type, owner: owner), schema: panel.type.schema,
            audience: [AudienceMember(organisation: "CQC", people: [NamedRecipient(name: "A. Chair", needToKnow: "chairs it")]),
                       AudienceMember(organisation: "LGSCO", people: [NamedRecipient(name: "E. Ombud", needToKnow: "curious")])],
            purpose: "Regulatory Review Panel", basis: "ECP 2021", payloadClass: "identifiable",
            fields: ["agenda", "attendance", "minutes"], panel: "ECP-2026-0001/P1", approvedBy: "NMC IG")
    }

    static func page(_ declarations: [ShareDeclaration]) -> InboxPage {
        InboxPage(items: declarations.enumerated().map { InboxItem(seq: Int64($0.offset + 1), kind: "share", share: $0.element.id, declaration: $0.element) },
                  cursor: Int64(declarations.count), more: false)
    }

    @Test func aDeclarationClaimingThisNodesDocumentIsRefusedAndNothingGoesIntoIt() throws {
        let node = try TemporaryStore()
        try ReportFixture.build(node.store)
        let store = node.store
        let panel = try #require(try store.sharedDocuments().first { $0.type == .panel && $0.owner == "CQC" })
        let forged = Self.forgedPanelShare(of: panel)
        var summary = SyncSummary()
        try store.applyInbox(Self.page([forged]), into: &summary)
        #expect(summary.rejected.count == 1 && summary.rejected[0].contains("ALARM") && summary.rejected[0].contains("which this organisation owns"))
        #expect(summary.sharesReceived == 0)
        #expect(try store.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM received") } == 0, "nothing of it is kept")
        // CQC's panel changes, minutes included, go into no share but its own.
        let push = try store.outgoingPush(key: store.signingKey())
        #expect(!push.request.batches.contains { $0.share == forged.id })
    }

    /// Even held in the store — as by a node before this check existed — such a declaration
    /// gets none of the owner's changes.
    @Test func aStoredForgedDeclarationGetsNoChanges() throws {
        let node = try TemporaryStore()
        try ReportFixture.build(node.store)
        let store = node.store
        let panel = try #require(try store.sharedDocuments().first { $0.type == .panel && $0.owner == "CQC" })
        let forged = Self.forgedPanelShare(of: panel)
        try store.database.write { db in
            try db.execute(sql: "INSERT INTO received (share, documentId, owner, declaration, receivedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [forged.id, panel.id, "NMC", try WireJSON.encoder().encode(forged), Date()])
        }
        let push = try store.outgoingPush(key: store.signingKey())
        #expect(!push.request.batches.contains { $0.share == forged.id })
    }

    /// A partner's document keeps the owner it first came with: a later declaration of it under
    /// another owner is refused, as is a malformed one.
    @Test func aPartnersDocumentKeepsItsFirstOwner() throws {
        let node = try TemporaryStore(org: "LGSCO")
        var generator = SystemRandomNumberGenerator()
        func id() -> String { UUIDv7.make(at: Date(), using: &generator).uuidString.lowercased() }
        let document = DocumentHeader(id: id(), type: .concernSummary, owner: "CQC")
        let genuine = ShareDeclaration(id: id(), document: document, schema: document.type.schema, audience: [AudienceMember(organisation: "LGSCO")],
                                       purpose: "Emerging concern", basis: "ECP 2021", payloadClass: "metadata", fields: ["title"])
        var claimed = genuine
        claimed.id = id()
        claimed.document.owner = "NMC"
        var malformed = genuine
        malformed.id = "not-a-uuid"
        var summary = SyncSummary()
        try node.store.applyInbox(Self.page([genuine, claimed, malformed]), into: &summary)
        #expect(summary.sharesReceived == 1)
        #expect(summary.rejected.count == 2 && summary.rejected.allSatisfy { $0.contains("ALARM") })
    }
}
