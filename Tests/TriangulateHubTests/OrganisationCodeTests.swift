import Foundation
import Testing
import TriangulateHub
import TriangulateModel

/// One rule for organisation codes on the node and the hub (`OrganisationCode`): a council's
/// long code enrols at the hub exactly as its node accepts it.
@Suite("Organisation codes")
struct OrganisationCodeTests {
    @Test func theHubTakesWhatTheNodeTakes() async throws {
        let hub = Hub(store: try SQLiteHubStore.inMemory())
        for code in ["CQC", "KNOWSLEY-ASC", "ST-HELENS-ADULT-CARE-024"] {
            #expect((try? OrganisationCode(parsing: code)) != nil)
            _ = try await hub.addOrganisation(code: code, name: code, role: "partner")
        }
        for code in ["ST-HELENS-ADULT-CARE-0025", "knowsley-asc", "1CQC", "C", "KNOWSLEY ASC", "KNOWSLEY_ASC"] {
            let node = try? OrganisationCode(parsing: code)
            await #expect(throws: HubError.self, "\(code)") { try await hub.addOrganisation(code: code, name: code, role: "partner") }
            // Lower case is the one difference: the node accepts it and stores capitals, which the hub takes.
            #expect(node == nil || node?.rawValue != code)
        }
    }
}
