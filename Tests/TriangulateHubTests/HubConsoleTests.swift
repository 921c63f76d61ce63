import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TriangulateHub
import TriangulateProtocol
import TriangulateWeb

/// The hub's console through its real router, over a real SQLite hub store: operators sign in;
/// the overview shows organisations, checkpoints proved consistent and the log's recent events;
/// the audit explorer's entries each carry a checked inclusion proof; nothing can be changed.
@Suite("Hub console")
struct HubConsoleTests {
    static let password = "a long enough password"

    static func console() throws -> (HubConsole, Hub, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let operators = directory.appendingPathComponent("operators")
        try (ConsoleOperators.line(name: "ops.one", password: password, cost: 4) + "\n").write(to: operators, atomically: true, encoding: .utf8)
        let hub = Hub(store: try SQLiteHubStore(path: directory.appendingPathComponent("hub.sqlite").path))
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let console = try HubConsole(hub: hub, operators: try ConsoleOperators(file: operators.path),
                                     listen: ListenSettings(host: "127.0.0.1", port: 0), logger: logger)
        return (console, hub, directory)
    }

    @Test func operatorsSignInAndSeeTheHubWithEveryEntryProved() async throws {
        let (console, hub, directory) = try Self.console()
        defer { try? FileManager.default.removeItem(at: directory) }
        for code in ["CQC", "NMC", "GMC"] { _ = try await hub.addOrganisation(code: code, name: "\(code) (test)", role: "signatory") }
        try await hub.setStatus(of: "GMC", to: "suspended")
        let app = Application(router: console.router())
        try await app.test(.router) { client in
            var cookies: [String: String] = [:]
            func send(_ uri: String, _ method: HTTPRequest.Method = .get, form: [(String, String)]? = nil) async throws -> TestResponse {
                var headers = HTTPFields()
                if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
                var body: ByteBuffer?
                if let form {
                    headers[.contentType] = "application/x-www-form-urlencoded"
                    body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&"))
                }
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                for value in response.headers[values: .setCookie] {
                    let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                    cookies[pair[0]] = value.contains("Max-Age=0") ? nil : (pair.count > 1 ? pair[1] : nil)
                }
                return response
            }
            func csrf(_ page: TestResponse) -> String {
                let html = String(buffer: page.body)
                return html.range(of: #"name="csrf" value=""#).map { String(html[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
            }
            #expect(try await send("/").headers[.location] == "/sign-in")
            let form = try await send("/sign-in")
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let wrong = try await send("/sign-in", .post, form: [("csrf", csrf(form)), ("name", "ops.one"), ("password", "not the password")])
            #expect(wrong.status == .unauthorized)
            let signedIn = try await send("/sign-in", .post, form: [("csrf", csrf(wrong)), ("name", "ops.one"), ("password", Self.password)])
            #expect(signedIn.status == .seeOther)

            let overview = String(buffer: try await send("/").body)
            #expect(overview.contains("Signed in as ops.one"))
            #expect(overview.contains("<td>GMC</td><td>GMC (test)</td><td>signatory</td><td><strong class=\"tag grey\">suspended</strong>"))
            #expect(overview.contains("signed by the hub's key"))
            #expect(overview.contains("Proved consistent") && !overview.contains("NOT consistent"))
            #expect(overview.contains("organisation-status") && !overview.contains("Proof does not check"))

            let audit = String(buffer: try await send("/audit?organisation=GMC").body)
            #expect(audit.contains("GMC: 2 entries"), "added, then suspended")
            #expect(audit.components(separatedBy: "Included: proof checks").count - 1 == 2)
            let badDate = String(buffer: try await send("/audit?organisation=GMC&from=2026-13-01").body)
            #expect(badDate.contains(##"<a href="#from">Enter the first day as a real date"##))
            #expect(try await send("/no/such/page").status == .notFound)
            #expect(try await send("/sign-out", .post, form: [("csrf", "forged")]).status == .forbidden)
            #expect(String(buffer: try await send("/").body).contains("Signed in as ops.one"), "a forged sign-out changes nothing")
        }
        #expect(try await hub.store.organisations().count == 3, "the console changes nothing")
    }
}
