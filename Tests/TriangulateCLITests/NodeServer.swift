import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `triangulate serve` process on a loopback port, and a client that keeps its cookies.
final class NodeServer: @unchecked Sendable {
    let process = Process()
    let url: String
    private let output = Pipe()
    private let errors = Pipe()

    /// Starts the web application over the store at `store`; waits until it listens.
    init(store: String, in directory: URL, arguments: [String] = []) throws {
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--store", store, "--port", "0", "--json"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRIANGULATE_") }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let line = output.fileHandleForReading.availableLine(timeout: 30)
        guard let object = line.flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) }) as? [String: Any],
              let url = object["url"] as? String else {
            process.terminate()
            throw ExchangeError("triangulate serve did not start: \(line ?? "no output")")
        }
        self.url = url
    }

    /// Stops the server with SIGTERM and returns its exit status and what it logged.
    func stop() -> (status: Int32, log: String) {
        process.terminate()
        process.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, log)
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// A browser over HTTP: cookies kept, forms sent with the last page's CSRF token.
final class WebClient: @unchecked Sendable {
    let base: String
    private(set) var cookies: [String: String] = [:]
    private var lastPage = ""
    private let session = URLSession(configuration: .ephemeral)

    init(_ base: String) { self.base = base }

    /// Fetches `path`; returns the status, the body and the `Location` header.
    @discardableResult
    func get(_ path: String) async throws -> (status: Int, body: String, location: String?) {
        try await send(URLRequest(url: URL(string: base + path)!))
    }

    /// Posts `fields` as a form, with the CSRF token of the last page seen.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)]) async throws -> (status: Int, body: String, location: String?) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let token = lastPage.range(of: #"name="csrf" value=""#).map { String(lastPage[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
        request.httpBody = Data(([("csrf", token)] + fields).map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&").utf8)
        return try await send(request)
    }

    /// Signs in as `name` with `password`.
    func signIn(_ name: String, _ password: String) async throws {
        try await get("/sign-in")
        try await post("/sign-in", [("name", name), ("password", password)])
    }

    private func send(_ request: URLRequest) async throws -> (status: Int, body: String, location: String?) {
        var request = request
        if !cookies.isEmpty { request.setValue(cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        for (name, value) in http?.allHeaderFields ?? [:] where (name as? String)?.lowercased() == "set-cookie" {
            for cookie in "\(value)".components(separatedBy: ", ") {
                let pair = cookie.split(separator: ";").first.map(String.init) ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count >= 1 else { continue }
                if parts.count == 1 || cookie.contains("Max-Age=0") { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
            }
        }
        let body = String(decoding: data, as: UTF8.self)
        if body.contains(#"name="csrf""#) { lastPage = body }
        return (http?.statusCode ?? 0, body, http?.value(forHTTPHeaderField: "Location"))
    }
}

extension FileHandle {
    /// The first line written, or nil after `timeout` seconds.
    func availableLine(timeout: TimeInterval) -> String? {
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let chunk = availableData
            if chunk.isEmpty { return data.isEmpty ? nil : String(decoding: data, as: UTF8.self) }
            data.append(chunk)
            if let newline = data.firstIndex(of: 10) { return String(decoding: data[..<newline], as: UTF8.self) }
        }
        return nil
    }
}
