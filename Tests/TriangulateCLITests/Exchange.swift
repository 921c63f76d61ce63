import TriangulateModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Testing
import TriangulateHubPostgres
import TriangulateProtocol

/// A real exchange on this machine: a `triangulate-hub` process on loopback with its own store —
/// a SQLite file, or a fresh PostgreSQL database when given a server — and node stores driven
/// through the built `triangulate` executable, all in a temporary folder.
final class Exchange {
    let directory: URL
    /// The URL of the first hub process.
    private(set) var url: String
    /// How operator commands reach the hub's store.
    let storeArguments: [String]
    /// Further `serve` options (TLS, say) every hub process starts with.
    let serveArguments: [String]
    /// The hub processes running, the first one first.
    private var hubs: [Process] = []

    /// The PostgreSQL server the tests may use, if any.
    static let postgresServer = ProcessInfo.processInfo.environment["TRIANGULATE_POSTGRES_URL"]

    /// An exchange on PostgreSQL: a new database on `server`.
    static func onPostgres(_ server: String) async throws -> Exchange {
        let database = try await PostgresDatabase.create("triangulate_e2e_\(UUID().uuidString.prefix(8).lowercased())", on: server)
        return try Exchange(storeArguments: ["--postgres", database])
    }

    /// An exchange whose folder `prepare` may fill (with store files written earlier) before the
    /// hub starts.
    init(storeArguments: [String]? = nil, serveArguments: [String] = [], prepare: (URL) throws -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-exchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try prepare(directory)
        self.storeArguments = storeArguments ?? ["--store", directory.appendingPathComponent("hub.sqlite").path]
        self.serveArguments = serveArguments
        let (hub, output) = try Self.startHub(self.storeArguments + serveArguments, in: directory)
        hubs = [hub]
        url = try Self.listeningURL(output)
    }

    /// Starts another hub process on the same store (PostgreSQL only) and returns its URL.
    func startAnotherHub() throws -> String {
        let (process, pipe) = try Self.startHub(storeArguments + serveArguments, in: directory)
        hubs.append(process)
        return try Self.listeningURL(pipe)
    }

    /// Stops every hub process (each finishes what it is doing); the store stays as it is.
    func stopHubs() {
        for process in hubs {
            process.terminate()
            process.waitUntilExit()
        }
        hubs = []
    }

    /// Kills every hub process at once, as a power cut would (SIGKILL): nothing it was doing is
    /// finished, and its store stays as of its last commit.
    func killHubs() {
        for process in hubs {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        hubs = []
    }

    /// Starts a hub process on the store again, on a new port, and points `nodes` at it.
    func restartHub(for nodes: [String]) throws {
        let (hub, output) = try Self.startHub(storeArguments + serveArguments, in: directory)
        hubs = [hub]
        url = try Self.listeningURL(output)
        for node in nodes { try point(node, at: url) }
    }

    private static func startHub(_ storeArguments: [String], in directory: URL) throws -> (Process, Pipe) {
        let hub = Process()
        hub.executableURL = CLI.executable(named: "triangulate-hub")
        hub.arguments = ["serve"] + storeArguments + ["--port", "0", "--json"]
        hub.currentDirectoryURL = directory
        let output = Pipe()
        hub.standardOutput = output
        // The hub's log, for tests that read what it says (`hubLog`).
        let log = directory.appendingPathComponent("hub.log")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        hub.standardError = handle
        try hub.run()
        return (hub, output)
    }

    private static func listeningURL(_ output: Pipe) throws -> String {
        var buffer = Data()
        var found: String?
        while found == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") where line.hasPrefix("{") {
                found = ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["url"] as? String
            }
        }
        guard let found else { throw ExchangeError("the hub did not start: \(String(decoding: buffer, as: UTF8.self))") }
        return found
    }

    deinit {
        stopHubs()
        try? FileManager.default.removeItem(at: directory)
    }

    /// What the hub processes have logged so far.
    var hubLog: String { (try? String(contentsOf: directory.appendingPathComponent("hub.log"), encoding: .utf8)) ?? "" }

    /// The path of `organisation`'s node store.
    func store(_ organisation: String) -> String { directory.appendingPathComponent("\(organisation).sqlite").path }

    /// Runs `triangulate-hub` against the hub's store.
    @discardableResult
    func operator_(_ arguments: String...) throws -> CLI.Result {
        try CLI.launch(arguments + storeArguments + ["--json"], in: directory, executable: CLI.executable(named: "triangulate-hub"))
    }

    /// Runs `triangulate` on `organisation`'s node as `user`.
    @discardableResult
    func node(_ organisation: String, _ arguments: String..., user: String = "Tester") throws -> CLI.Result {
        try CLI.launch(arguments + ["--store", store(organisation), "--user", user, "--json"], in: directory)
    }

    /// Runs a node command that must succeed.
    @discardableResult
    func ok(_ organisation: String, _ arguments: String..., user: String = "Tester",
            sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        try ok(organisation, arguments, user: user, sourceLocation: sourceLocation)
    }

    /// Runs a node command that must succeed, its arguments as an array.
    @discardableResult
    func ok(_ organisation: String, _ arguments: [String], user: String = "Tester",
            sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        let result = try CLI.launch(arguments + ["--store", store(organisation), "--user", user, "--json"], in: directory)
        #expect(result.status == 0, "\(organisation): \(arguments) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Adds each organisation to the hub, makes its node and enrols it.
    func join(_ organisations: String...) throws {
        try join(organisations)
    }

    /// Adds each organisation to the hub, makes its node and enrols it.
    func join(_ organisations: [String]) throws {
        for organisation in organisations {
            let token = try operator_("org", "add", organisation, "--name", "\(organisation) (test)").object["token"] as? String ?? ""
            try ok(organisation, "init", "--org", organisation)
            try ok(organisation, "enrol", "--hub", url, "--token", token)
        }
    }

    /// The bytes of a node's files: the store and its write-ahead log.
    func bytes(of organisation: String) -> Data {
        ["", "-wal"].reduce(into: Data()) { data, suffix in
            data.append(FileManager.default.contents(atPath: store(organisation) + suffix) ?? Data())
        }
    }

    /// Whether `marker` appears anywhere in a node's files.
    func files(of organisation: String, contain marker: String) -> Bool {
        bytes(of: organisation).range(of: Data(marker.utf8)) != nil
    }

    /// Points a node at another hub process of the same exchange, as a load balancer would.
    func point(_ organisation: String, at url: String) throws {
        let queue = try DatabaseQueue(path: store(organisation))
        try queue.write { try $0.execute(sql: "UPDATE hubLink SET url = ?", arguments: [url]) }
        try queue.close()
    }

    /// The node's signing key, read from its store as the node itself does.
    func key(of organisation: String) throws -> NodeSigningKey {
        let queue = try DatabaseQueue(path: store(organisation), configuration: { var c = Configuration(); c.readonly = true; return c }())
        let raw = try queue.read { try Data.fetchOne($0, sql: "SELECT privateKey FROM nodeKey") }
        return try NodeSigningKey(rawRepresentation: raw ?? Data())
    }

    /// The process id of the first hub process, to watch its memory.
    var hubProcessIdentifier: Int32? { hubs.first?.processIdentifier }

    /// Whether every hub process still runs.
    var hubsRunning: Bool { !hubs.isEmpty && hubs.allSatisfy(\.isRunning) }

    /// Sends a request signed with `key`, as any holder of the key could: the body's digest in
    /// its header, the signature over it.
    func signed(_ method: String, _ path: String, query: String = "", body: Data = Data(), key: NodeSigningKey,
                at date: Date = Date()) async throws -> (Int, String) {
        let signature = try RequestSignature.sign(method: method, path: path + (query.isEmpty ? "" : "?" + query), body: body, key: key, at: date)
        var headers = signature.headers
        headers[RequestSignature.digestHeader] = sha256Hex(body)
        return try await request(method, path + (query.isEmpty ? "" : "?" + query), body: body, headers: headers)
    }

    /// Pushes `push` signed with `key`, and decodes the hub's answer when it is one.
    func push(_ push: PushRequest, key: NodeSigningKey) async throws -> (status: Int, body: String, answer: PushResponse?) {
        let (status, body) = try await signed("POST", "/v1/push", body: try WireJSON.encoder().encode(push), key: key)
        return (status, body, try? WireJSON.decoder().decode(PushResponse.self, from: Data(body.utf8)))
    }

    /// Whether the hub answers `/health`.
    func healthy() async -> Bool {
        guard let (status, _) = try? await request("GET", "/health", headers: [:]) else { return false }
        return status == 200
    }

    /// Sends a raw request to the hub and returns the status and body.
    func request(_ method: String, _ path: String, body: Data = Data(), headers: [String: String]) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if method != "GET" { request.httpBody = body }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

struct ExchangeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
