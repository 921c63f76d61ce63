import Foundation
import Testing
import TriangulateHub
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// Known answers for the policy's rules that the stores also ask inside their transactions:
/// a document's registration, and who has a purge to acknowledge.
@Suite("Hub policy: registration and purges")
struct HubPolicyRuleTests {
    static let document = DocumentHeader(id: "doc-1", type: .action, owner: "CQC")

    @Test func theFirstDeclarationFixesOwnerAndType() throws {
        try HubPolicy.register(Self.document, found: nil)
        try HubPolicy.register(Self.document, found: Self.document)
        try HubPolicy.register(Self.document, found: Self.document, registering: true)
        #expect(throws: HubError.self, "another owner") {
            try HubPolicy.register(Self.document, found: DocumentHeader(id: "doc-1", type: .action, owner: "NMC"))
        }
        #expect(throws: HubError.self, "another type") {
            try HubPolicy.register(Self.document, found: DocumentHeader(id: "doc-1", type: .panel, owner: "CQC"))
        }
        #expect(throws: HubError.self, "registered, yet hidden from the declarer: someone else's") {
            try HubPolicy.register(Self.document, found: nil, registering: true)
        }
    }

    @Test func onlyTheRemovedHaveAPurgeToAcknowledge() throws {
        let declaration = ShareDeclaration(id: "s1", document: Self.document, schema: DocumentType.action.schema,
                                           audience: ["NMC", "GMC"].map { AudienceMember(organisation: $0) }, purpose: "p", basis: "b",
                                           payloadClass: "metadata", fields: ["state"])
        let live = HubShare(declaration: declaration, withdrawnAt: nil, removed: ["GMC"])
        try HubPolicy.acknowledgePurge(of: live, id: "s1", by: "GMC")
        #expect(throws: HubError.self, "NMC is still in the audience") { try HubPolicy.acknowledgePurge(of: live, id: "s1", by: "NMC") }
        #expect(throws: HubError.self, "the owner purges nothing") { try HubPolicy.acknowledgePurge(of: live, id: "s1", by: "CQC") }
        #expect(throws: HubError.self, "no such share") { try HubPolicy.acknowledgePurge(of: nil, id: "s1", by: "GMC") }
        let withdrawn = HubShare(declaration: declaration, withdrawnAt: Date(timeIntervalSince1970: 0), removed: [])
        try HubPolicy.acknowledgePurge(of: withdrawn, id: "s1", by: "NMC")
        #expect(throws: HubError.self, "an outsider") { try HubPolicy.acknowledgePurge(of: withdrawn, id: "s1", by: "HCPC") }
    }
}
