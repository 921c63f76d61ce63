import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateNodeWeb
import TriangulateWeb

/// A node store in a fresh temporary file with a concern or two and people of every role,
/// and its web application's router.
final class WebFixture: Sendable {
    static let password = "correct horse battery"
    let directory: URL
    let store: NodeStore
    let application: NodeWebApplication

    /// The live clock and ids, with the cheapest password hashes bcrypt allows.
    static let fastHashing: NodeEnvironment = {
        var environment = NodeEnvironment.live
        environment.passwordCost = 4
        return environment
    }()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try NodeStore.create(at: directory.appendingPathComponent("node.sqlite").path, organisation: OrganisationCode(parsing: "CQC"),
                                     by: "setup", environment: Self.fastHashing)
        for (name, role) in [("a.admin", StaffRole.admin), ("c.worker", .caseworker), ("v.viewer", .viewer)] {
            _ = try store.addPerson(StaffName(parsing: name), role: role, password: Self.password, by: "setup")
        }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        application = try NodeWebApplication(store: store, listen: ListenSettings(host: "127.0.0.1", port: 0), logger: logger)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Records a concern about `location`, with a safeguarding flag when asked.
    @discardableResult
    func addConcern(title: String, location: String, safeguarding: Bool = false) throws -> ConcernDossier {
        let today = store.today
        return try store.addConcern(NewConcern(
            category: .systems, setting: .socialCare, title: title, summary: "Staffing at night.",
            identifiedOn: today, source: Source(type: .whistleblower, isThirdParty: false),
            subjects: [.location(id: try CQCIdentifier(parsing: location), name: "Oaktrees")],
            safeguarding: safeguarding ? NewSafeguardingFlag(raisedOn: today) : nil), by: "c.worker")
    }

    /// Runs `test` against the application's router with a fresh browser.
    func test(_ test: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let app = Application(router: application.router())
        try await app.test(.router) { client in try await test(Browser(client)) }
    }
}

extension Browser {
    /// Signs in as `name` with the fixture's password; returns the page the sign-in led to.
    @discardableResult
    func signIn(_ name: String, password: String = WebFixture.password) async throws -> TestResponse {
        let form = try await get("/sign-in")
        return try await post("/sign-in", [("csrf", Browser.csrf(in: form)), ("name", name), ("password", password)])
    }
}
