import AsyncHTTPClient
import Foundation
import GRDB
import Logging
import NIOCore
import NIOHTTP1
import TriangulateModel
import TriangulateNode
import TriangulateNodeWeb
import TriangulateSync
import TriangulateWeb

/// The figures of issue 14's item 5: the web application's search, worklist and case page on a
/// store with many cases, each request timed from the client over loopback.
struct WebFigures: Encodable {
    /// Cases in the store (four fifths ECP concerns with a request and an action each, the
    /// rest Healthwatch escalations with a stage each).
    var cases: Int
    /// Requests timed per page.
    var requests: Int
    /// Search by a location id (`POST /cases`): p50 and p95.
    var searchP50: Figure
    var searchP95: Figure
    /// The worklist (`GET /`): p50 and p95.
    var worklistP50: Figure
    var worklistP95: Figure
    /// A case's page (`GET /cases/{id}`): p50 and p95.
    var casePageP50: Figure
    var casePageP95: Figure
}

/// Builds a store like the worklist benchmark's, each concern about its own location with its own
/// title, serves the web application over it on loopback, signs in, and times `requests`
/// searches by location id, worklists and case pages.
struct WebBenchmarks {
    let cases: Int
    let requests: Int
    let seed: UInt64

    func run() async throws -> WebFigures {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-bench-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("node.sqlite").path
        let store = try NodeStore.create(at: path, organisation: try OrganisationCode(parsing: "CQC"), by: "bench")
        let asOf = store.today
        let builder = WorklistBenchmarks(cases: cases, repeats: 1, seed: seed)
        let (concern, escalation) = try builder.makeTemplates(
            in: store, asOf: asOf, subjects: [.location(id: try CQCIdentifier(parsing: "1-100000000"), name: "Home")])
        let subjects = try Self.storedSubjects(of: concern.id.description, in: path)
        progress("(web) copying the template concern \(builder.concerns - 1) times and the template escalation \(builder.escalations - 1) times")
        try builder.copyTemplate(concern.id.description, escalation: escalation.id.description, into: path, asOf: asOf) { index in
            ["title": "Night staffing at home \(index)", "subjects": subjects.replacingOccurrences(of: "1-100000000", with: Self.location(index))]
        }
        let password = "bench password, long enough"
        var environment = NodeEnvironment.live
        environment.passwordCost = 4
        let served = try NodeStore.open(at: path, environment: environment)
        _ = try served.addPerson(try StaffName(parsing: "bench"), role: .admin, password: password, by: "bench")
        let ids = try served.cases().map(\.id)

        var logger = Logger(label: "triangulate-bench")
        logger.logLevel = .error
        let application = try NodeWebApplication(store: served, listen: ListenSettings(host: "127.0.0.1", port: 0), logger: logger)
        let (urls, listening) = AsyncStream.makeStream(of: String.self)
        let server = Task { try await application.run { url in listening.yield(url) } }
        defer { server.cancel() }
        var iterator = urls.makeAsyncIterator()
        guard let base = await iterator.next() else { throw BenchError("the web application did not start") }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        defer { _ = client.shutdown() }
        let session = WebSession(client: client, base: base)
        try await session.signIn("bench", password)

        var random = SeededGenerator(seed: seed)
        progress("(web) timing \(requests) searches, worklists and case pages on \(cases) cases")
        var search: [Duration] = [], worklist: [Duration] = [], casePage: [Duration] = []
        for _ in 0..<requests {
            let location = Self.location(1 + Int(random.next() % UInt64(max(1, builder.concerns - 1))))
            search.append(try await session.timed("POST", "/cases", form: [("identifier", location)], expecting: "1 case"))
            worklist.append(try await session.timed("GET", "/", expecting: "What is due"))
            let id = ids[Int(random.next() % UInt64(ids.count))]
            casePage.append(try await session.timed("GET", "/cases/\(id)", expecting: "Timeline"))
        }
        return WebFigures(cases: cases, requests: requests,
                          searchP50: .atMost(Self.percentile(search, 0.5), 50, "ms"), searchP95: .atMost(Self.percentile(search, 0.95), 50, "ms"),
                          worklistP50: .atMost(Self.percentile(worklist, 0.5), 50, "ms"),
                          worklistP95: .atMost(Self.percentile(worklist, 0.95), 50, "ms"),
                          casePageP50: .atMost(Self.percentile(casePage, 0.5), 50, "ms"),
                          casePageP95: .atMost(Self.percentile(casePage, 0.95), 50, "ms"))
    }

    /// The subjects column of concern `id` as stored, to copy with another location.
    static func storedSubjects(of id: String, in path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT subjects FROM concern WHERE id = ?", arguments: [id]) } ?? ""
    }

    /// Copy `index`'s CQC location id.
    static func location(_ index: Int) -> String { "1-\(200_000_000 + index)" }

    /// The `fraction` percentile of `durations`, in milliseconds.
    static func percentile(_ durations: [Duration], _ fraction: Double) -> Double {
        let sorted = durations.sorted()
        let duration = sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
        return Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// A signed-in session with the web application: its cookie and its form token.
final class WebSession: @unchecked Sendable {
    let client: HTTPClient
    let base: String
    private var cookie = ""
    private var csrf = ""

    init(client: HTTPClient, base: String) {
        self.client = client
        self.base = base
    }

    func signIn(_ name: String, _ password: String) async throws {
        _ = try await send("GET", "/sign-in")
        _ = try await send("POST", "/sign-in", form: [("name", name), ("password", password)])
        guard try await send("GET", "/").contains("Signed in as") else { throw BenchError("could not sign in") }
    }

    /// Times one request, checking that its page says `expecting`.
    func timed(_ method: String, _ path: String, form: [(String, String)] = [], expecting: String) async throws -> Duration {
        var body = ""
        let elapsed = try await measureAsync { body = try await send(method, path, form: form) }
        guard body.contains(expecting) else { throw BenchError("\(method) \(path) did not answer as expected") }
        return elapsed
    }

    private func send(_ method: String, _ path: String, form: [(String, String)] = []) async throws -> String {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        if !cookie.isEmpty { request.headers.add(name: "Cookie", value: cookie) }
        if method == "POST" {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let encoded = ([("csrf", csrf)] + form).map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: encoded.joined(separator: "&")))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        for value in response.headers["Set-Cookie"] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            if !value.contains("Max-Age=0") { cookie = [cookie, pair].filter { !$0.isEmpty }.joined(separator: "; ") }
        }
        let body = String(buffer: try await response.body.collect(upTo: 16 << 20))
        if let range = body.range(of: #"name="csrf" value=""#) { csrf = String(body[range.upperBound...].prefix { $0 != "\"" }) }
        return body
    }
}

/// A benchmark that could not run as set up.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
