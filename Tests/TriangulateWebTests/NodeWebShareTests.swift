import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateModel
import TriangulateNode
import TriangulateProtocol

/// Sharing through the real router: the preview shows exactly what will leave, field by field,
/// and who will see it; nothing is recorded until the share is confirmed.
@Suite("Node web application: sharing")
struct NodeWebShareTests {
    @Test func thePreviewShowsWhatLeavesAndNothingIsSharedUntilConfirmed() async throws {
        let fixture = try WebFixture()
        let dossier = try fixture.addConcern(title: "Night staffing at Oaktrees", location: "1-134558905")
        let id = dossier.concern.id.description
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let form = try await browser.get("/cases/\(id)/share")
            #expect(form.status == .ok && form.text.contains("Nursing and Midwifery Council"))
            let csrf = Browser.csrf(in: form)
            let empty = try await browser.post("/cases/\(id)/share", [("csrf", csrf)])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(##"<a href="#to">Select the organisations to share with</a>"##))
            let answers = [("csrf", csrf), ("to", "NMC"), ("to", "GMC"), ("purpose", "Emerging concern"), ("basis", "ECP 2021")]
            let preview = try await browser.post("/cases/\(id)/share", answers)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("<li>NMC</li>") && preview.text.contains("<li>GMC</li>"))
            #expect(preview.text.contains(#"<td>title</td><td>Night staffing at Oaktrees</td><td><strong class="tag green">Sent</strong>"#))
            #expect(preview.text.contains(#"<td>summary</td><td>Staffing at night.</td><td><strong class="tag grey">Not sent</strong> personal data"#))
            #expect(try fixture.store.listShares().isEmpty, "a preview records nothing")
            let shared = try await browser.post("/cases/\(id)/share", answers + [("confirmed", "yes")])
            #expect(shared.status == .seeOther)
            #expect(try await browser.get(try #require(shared.headers[.location])).text.contains("The share is recorded"))
        }
        let shares = try fixture.store.listShares()
        #expect(shares.count == 1 && shares[0].createdBy == "c.worker")
        #expect(shares[0].declaration.audience.map(\.organisation).sorted() == ["GMC", "NMC"])
        #expect(!shares[0].declaration.fields.contains("summary"))
    }

    @Test func nothingSharedYetSaysSo() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("v.viewer")
            let page = try await browser.get("/received")
            #expect(page.status == .ok && page.text.contains("Nothing has been shared with your organisation yet"))
            #expect(try await browser.get("/received/0190aaaa-0000-7000-8000-000000000000").status == .notFound)
        }
    }
}
