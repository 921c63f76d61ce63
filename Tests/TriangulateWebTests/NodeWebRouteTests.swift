import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The node's web application through its real router: sign-in, sessions, CSRF, roles, the
/// pages and their headers.
@Suite("Node web application through its router") struct NodeWebRouteTests {
    @Test func everyPageNeedsSignInAndCarriesTheSecurityHeaders() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            for path in ["/", "/cases", "/people"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/sign-in")
            }
            let page = try await browser.get("/sign-in")
            #expect(page.status == .ok)
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self';") && !csp.contains("unsafe"))
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            #expect(!page.text.contains("<script"))
            let stylesheet = try await browser.get("/assets/\(Stylesheet.fileName)")
            #expect(stylesheet.status == .ok)
            #expect(stylesheet.headers[.cacheControl]?.contains("immutable") == true)
        }
    }

    @Test func signingInOpensASessionInAStrictHttpOnlyCookie() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let response = try await browser.signIn("c.worker")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("triangulate-session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let worklist = try await browser.get("/")
            #expect(worklist.status == .ok)
            #expect(worklist.text.contains("Signed in as c.worker"))
            #expect(worklist.text.contains("<title>Worklist – Triangulate: Care Quality Commission</title>"))
        }
    }

    @Test func aWrongPasswordIsRefusedWithAnErrorSummaryThatDoesNotSayWhichWasWrong() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let wrongPassword = try await browser.signIn("c.worker", password: "not the password at all")
            let unknownName = try await browser.signIn("nobody.here")
            for response in [wrongPassword, unknownName] {
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("There is a problem"))
                #expect(response.text.contains("The name or password is not right"))
                #expect(response.text.contains("<title>Error: Sign in"))
            }
            let empty = try await browser.post("/sign-in", [("csrf", Browser.csrf(in: try await browser.get("/sign-in"))), ("name", ""), ("password", "")])
            #expect(empty.text.contains(##"<a href="#name">Enter your name</a>"##))
            #expect(empty.text.contains(##"<a href="#password">Enter your password</a>"##))
        }
    }

    @Test func repeatedFailuresLockAPersonOutUntilAnAdministratorResetsThem() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            for _ in 0..<SignInRules.failuresBeforeLockout {
                try await browser.signIn("c.worker", password: "guess guess guess")
            }
            let locked = try await browser.signIn("c.worker")
            #expect(locked.status == .unauthorized)
            #expect(locked.text.contains("Too many failed attempts"))
            _ = try fixture.store.resetPassword(of: StaffName(parsing: "c.worker"), to: "a brand new password", by: "a.admin")
            let afterReset = try await browser.signIn("c.worker", password: "a brand new password")
            #expect(afterReset.status == .seeOther)
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/sign-in")
            let forged = try await browser.post("/sign-in", [("name", "c.worker"), ("password", WebFixture.password)])
            #expect(forged.status == .forbidden)
            #expect(!browser.cookies.keys.contains("triangulate-session"))
            try await browser.signIn("c.worker")
            let search = try await browser.post("/cases", [("csrf", "0123456789"), ("words", "x")])
            #expect(search.status == .forbidden)
            let signOut = try await browser.post("/sign-out", [])
            #expect(signOut.status == .forbidden)
            #expect(try await browser.get("/").status == .ok, "a refused sign-out leaves the session as it was")
        }
    }

    @Test func signingOutEndsTheSessionOnTheServerToo() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let token = try #require(browser.cookies["triangulate-session"])
            let page = try await browser.get("/")
            let signOut = try await browser.post("/sign-out", [("csrf", Browser.csrf(in: page))])
            #expect(signOut.status == .seeOther)
            #expect(try fixture.store.session(token) == nil)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func theStoreHoldsNeitherPasswordsNorSessionTokens() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let token = try #require(browser.cookies["triangulate-session"])
            _ = try await browser.get("/")
            var bytes = Data()
            for suffix in ["", "-wal"] {
                bytes += (try? Data(contentsOf: URL(fileURLWithPath: fixture.store.path + suffix))) ?? Data()
            }
            #expect(bytes.range(of: Data(token.utf8)) == nil)
            #expect(bytes.range(of: Data(WebFixture.password.utf8)) == nil)
        }
    }

    @Test func onlyAnAdministratorSeesThePeople() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("v.viewer")
            let worklist = try await browser.get("/")
            #expect(!worklist.text.contains(#"href="/people""#))
            #expect(try await browser.get("/people").status == .forbidden)
        }
        try await fixture.test { browser in
            try await browser.signIn("a.admin")
            let people = try await browser.get("/people")
            #expect(people.status == .ok)
            #expect(people.text.contains("v.viewer") && people.text.contains("viewer (reads only)"))
        }
    }

    @Test func searchFindsCasesByLocationIdAndWordsSentByPost() async throws {
        let fixture = try WebFixture()
        try fixture.addConcern(title: "Night staffing at Oaktrees", location: "1-134558905")
        try fixture.addConcern(title: "Medicines at Elm House", location: "1-999999999")
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let all = try await browser.get("/cases")
            #expect(all.text.contains("2 cases"))
            let byLocation = try await browser.post("/cases", [("csrf", Browser.csrf(in: all)), ("identifier", "1-134558905")])
            #expect(byLocation.status == .ok)
            #expect(byLocation.text.contains("1 case") && byLocation.text.contains("Night staffing at Oaktrees"))
            #expect(!byLocation.text.contains("Elm House"))
            let byWords = try await browser.post("/cases", [("csrf", Browser.csrf(in: all)), ("words", "elm medicines")])
            #expect(byWords.text.contains("Medicines at Elm House") && !byWords.text.contains("Night staffing"))
            let drafts = try await browser.post("/cases", [("csrf", Browser.csrf(in: all)), ("state", "draft")])
            #expect(drafts.text.contains("2 cases") && drafts.text.contains(#"<option value="draft" selected>a draft</option>"#))
            let closed = try await browser.post("/cases", [("csrf", Browser.csrf(in: all)), ("state", "closed")])
            #expect(closed.text.contains("0 cases"))
            let badDate = try await browser.post("/cases", [("csrf", Browser.csrf(in: all)), ("from", "2026-02-30")])
            #expect(badDate.text.contains("There is a problem"))
            #expect(badDate.text.contains(##"<a href="#from">Enter the date identified from as a real date"##))
        }
    }

    @Test func aCasePageShowsItsTimelineAndTheSafeguardingBanner() async throws {
        let fixture = try WebFixture()
        let flagged = try fixture.addConcern(title: "Bruising seen at Oaktrees", location: "1-134558905", safeguarding: true)
        let plain = try fixture.addConcern(title: "Late records", location: "1-999999999")
        try await fixture.test { browser in
            try await browser.signIn("v.viewer")
            let page = try await browser.get("/cases/\(flagged.concern.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"class="banner""#) && page.text.contains("Safeguarding"))
            #expect(page.text.contains("Timeline") && page.text.contains("c.worker"))
            #expect(page.text.contains("<title>\(flagged.concern.reference) –"), "the title names the reference, not the case's words")
            let other = try await browser.get("/cases/\(plain.concern.id)")
            #expect(!other.text.contains(#"class="banner""#))
            #expect(try await browser.get("/cases/0190aaaa-0000-7000-8000-000000000000").status == .notFound)
            #expect(try await browser.get("/cases/not-an-id").status == .notFound)
            #expect(try await browser.get("/no/such/page").status == .notFound)
        }
    }

    @Test func healthNeedsNoSignIn() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let health = try await browser.get("/health")
            #expect(health.status == .ok)
            #expect(health.text == #"{"status":"ok"}"#)
        }
    }
}
