import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateModel
import TriangulateNode

/// Corrections through the real router: a date corrected with a reason, kept in the case's
/// history; a date that cannot be right refused saying why; a caseworker cannot correct.
@Suite("Node web application: corrections")
struct NodeWebCorrectionTests {
    @Test func anApproverCorrectsADateWithAReasonAndTheCaseKeepsBoth() async throws {
        let fixture = try WebFixture()
        let dossier = try fixture.addConcern(title: "Late records", location: "1-999999999")
        let id = dossier.concern.id.description
        let today = fixture.store.today
        let earlier = try #require(today.adding(days: -3)).description
        try await fixture.test { browser in
            try await browser.signIn("a.admin")
            let page = try await browser.get("/cases/\(id)")
            #expect(page.text.contains(#"href="/cases/\#(id)/corrections""#))
            let list = try await browser.get("/cases/\(id)/corrections")
            #expect(list.status == .ok && list.text.contains("Date the concern was identified"))
            let form = try await browser.get("/cases/\(id)/corrections/concern.identifiedOn")
            #expect(form.status == .ok)
            let noReason = try await browser.post("/cases/\(id)/corrections/concern.identifiedOn", [("csrf", Browser.csrf(in: form)), ("value", earlier)])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains(##"<a href="#reason">Say why the value is corrected</a>"##))
            let future = try await browser.post("/cases/\(id)/corrections/concern.identifiedOn",
                                                [("csrf", Browser.csrf(in: form)), ("value", "2099-01-01"), ("reason", "typo")])
            #expect(future.status == .unprocessableContent && future.text.contains("is in the future"))
            let saved = try await browser.post("/cases/\(id)/corrections/concern.identifiedOn",
                                               [("csrf", Browser.csrf(in: form)), ("value", earlier), ("reason", "The referral's date was typed")])
            #expect(saved.status == .seeOther)
            let after = try await browser.get(try #require(saved.headers[.location]))
            #expect(after.text.contains("The correction is saved"))
            #expect(after.text.contains("<td>\(today)</td><td>\(earlier)</td><td>The referral&#39;s date was typed</td><td>a.admin</td>"))
        }
        #expect(try fixture.store.caseDetail(id: id).summary.openedOn.description == earlier)
    }

    @Test func aCaseworkerCannotCorrect() async throws {
        let fixture = try WebFixture()
        let dossier = try fixture.addConcern(title: "Late records", location: "1-999999999")
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let page = try await browser.get("/cases/\(dossier.concern.id)")
            #expect(!page.text.contains("/corrections"))
            #expect(try await browser.get("/cases/\(dossier.concern.id)/corrections").status == .forbidden)
            let refused = try await browser.post("/cases/\(dossier.concern.id)/corrections/concern.title",
                                                 [("csrf", Browser.csrf(in: page)), ("value", "x"), ("reason", "y")])
            #expect(refused.status == .forbidden)
        }
        #expect(try fixture.store.corrections(on: dossier.concern.id.description).isEmpty)
    }
}
