import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// Register suggestions through the real router (issue 16): a field that takes a provider or
/// location carries a datalist and the site's one script; the suggestions come by POST with the
/// form's token, for two characters or more, as JSON of the register's public data.
@Suite("Node web application: register suggestions")
struct NodeWebRegisterTests {
    static let directory = Data(("CQC Locations data\r\nThis data was produced on 01 December 2026\r\n\r\nOGL\r\n"
        + "Name,Also known as,Address,Postcode,Phone number,Service's website (if available),Service types,Date of latest check,"
        + "Specialisms/services,Provider name,Local authority,Region,Location URL,CQC Location ID (for office use only),CQC Provider ID (for office use only)\r\n"
        + "Oaktrees Care Home,,1 High Street,L34 1AA,0151,x,Care home,01/02/2026,Dementia,Oak Care Ltd,Knowsley,North West,u,1-100000001,1-200000001\r\n"
        + "Elm House,,2 High Street,L34 2BB,0151,x,Care home,01/02/2026,Dementia,Elm Ltd,Knowsley,North West,u,1-100000002,1-200000002\r\n").utf8)

    @Test func aProviderFieldSuggestsFromTheRegister() async throws {
        let fixture = try WebFixture()
        _ = try fixture.store.importCareDirectory(Self.directory, by: "tester")
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let form = try await browser.get("/new/pcp/initiate")
            #expect(form.text.contains(#"list="subject-register" data-suggest="description" autocomplete="off""#))
            #expect(form.text.contains(#"<datalist id="subject-register"></datalist>"#))
            #expect(form.text.contains(#"<script src="/assets/\#(Script.fileName)" defer></script>"#))
            let script = try await browser.get("/assets/\(Script.fileName)")
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("/register/suggest"))

            let csrf = Browser.csrf(in: form)
            let found = try await browser.post("/register/suggest", [("csrf", csrf), ("q", "oak")])
            #expect(found.status == .ok && found.headers[.contentType] == "application/json")
            let suggestions = try JSONDecoder().decode([[String: String]].self, from: Data(found.text.utf8))
            #expect(suggestions.map { $0["id"] } == ["1-100000001"])
            #expect(suggestions.first?["text"] == "Oaktrees Care Home, Oak Care Ltd 1-100000001")
            let short = try await browser.post("/register/suggest", [("csrf", csrf), ("q", "o")])
            #expect(short.text == "[]")
            let forged = try await browser.post("/register/suggest", [("q", "oak")])
            #expect(forged.status == .forbidden, "no token, no suggestions")
        }
    }

    @Test func concernsRollUpByProviderOnTheReportsPages() async throws {
        let fixture = try WebFixture()
        _ = try fixture.store.importCareDirectory(Self.directory, by: "tester")
        let dossier = try fixture.addConcern(title: "Night staffing at Oaktrees", location: "1-100000001")
        try await fixture.test { browser in
            try await browser.signIn("v.viewer")
            let reports = try await browser.get("/reports")
            #expect(reports.text.contains(#"<a href="/reports/providers">providers</a>"#))
            let page = try await browser.get("/reports/providers")
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>1-200000001</td><td>Oak Care Ltd</td><td>1</td><td>1</td><td>1</td>"))
            #expect(page.text.contains(dossier.concern.reference))
            let brands = try await browser.get("/reports/providers?by=brand")
            #expect(brands.text.contains("<td>Oak Care Ltd (no brand)</td>") && brands.text.contains("<strong>by brand</strong>"))
        }
    }
}
