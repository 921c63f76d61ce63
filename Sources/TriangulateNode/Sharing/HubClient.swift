import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TriangulateModel
import TriangulateProtocol

/// Talks to a hub over HTTP(S): signs every request with the node's key and turns the hub's
/// error bodies into one clear line. The node's `sync` uses it; so do tools such as the benchmark.
public struct HubClient: @unchecked Sendable {
    /// The hub's base URL.
    public let baseURL: URL
    /// The key that signs requests; `nil` for enrolment, which is not signed.
    public let key: NodeSigningKey?
    /// The session requests go through (URLSession is thread-safe).
    let session: URLSession

    /// A client of the hub at `url`, through `session` (by default the shared one, which holds at
    /// most a few connections to one host).
    public init(url: String, key: NodeSigningKey?, session: URLSession = .shared) throws {
        self.session = session
        guard let parsed = URL(string: url.hasSuffix("/") ? String(url.dropLast()) : url),
              let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw NodeError(.invalidInput, "'\(url)' is not a hub URL: write it as https://HOST[:PORT] (http:// for a hub on this machine)")
        }
        baseURL = parsed
        self.key = key
    }

    /// Sends a request and decodes the answer.
    public func send<Answer: Decodable>(_ method: String, _ path: String, query: String = "", body: (some Encodable)? = Optional<Int>.none,
                                 as answer: Answer.Type) async throws -> Answer {
        let data = try body.map { try WireJSON.encoder().encode($0) } ?? Data()
        guard let url = URL(string: baseURL.absoluteString + path + (query.isEmpty ? "" : "?" + query)) else {
            throw NodeError(.invalidInput, "cannot make a URL from \(baseURL) and \(path)")
        }
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if method != "GET" { request.httpBody = data }
        if let key {
            let signature = try RequestSignature.sign(method: method, path: path + (query.isEmpty ? "" : "?" + query), body: data, key: key, at: Date())
            for (name, value) in signature.headers { request.setValue(value, forHTTPHeaderField: name) }
            request.setValue(sha256Hex(data), forHTTPHeaderField: RequestSignature.digestHeader)
        }
        let (answer, response): (Data, URLResponse)
        do {
            (answer, response) = try await session.data(for: request)
        } catch {
            throw NodeError(.hubUnreachable, "cannot reach the hub at \(baseURL): \(error.localizedDescription). Nothing was lost: run `triangulate sync` again later")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let message = (try? WireJSON.decoder().decode(ErrorBody.self, from: answer).error) ?? String(decoding: answer.prefix(200), as: UTF8.self)
            throw NodeError(.hubRefused, "the hub refused (\(status)): \(message)")
        }
        do {
            return try WireJSON.decoder().decode(Answer.self, from: answer)
        } catch {
            throw NodeError(.hubRefused, "the hub's answer to \(path) is not what this node understands: \(error)")
        }
    }
}
