import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization
import TriangulateModel
import TriangulateProtocol

/// Talks to a hub: signs every request with the node's key, at the node's clock, sends it through
/// a transport (HTTP(S) with AsyncHTTPClient unless told otherwise) and turns the hub's error
/// bodies into one clear line. The node's `sync` uses it; so do tools such as the benchmark.
public struct HubClient: Sendable {
    /// The hub's base URL, without a trailing slash.
    public let baseURL: String
    /// The key that signs requests; `nil` for enrolment, which is not signed.
    public let key: NodeSigningKey?
    /// How requests reach the hub.
    let transport: any HubTransport
    /// The clock requests are signed at.
    let now: @Sendable () -> Date

    /// How long a request may take in all, long polls included, before the node gives up.
    public static let requestTimeout: TimeAmount = .seconds(90)
    /// How long connecting (TCP and TLS) may take.
    public static let connectTimeout: TimeAmount = .seconds(10)

    /// A client of the hub at `url` over HTTP(S). `trustRoots` is a PEM file's text with the
    /// certificates of the private CA the hub's certificate comes from; `nil` trusts the system's CAs.
    public init(url: String, key: NodeSigningKey?, trustRoots: String? = nil) throws {
        try self.init(url: url, key: key, http: try HubConnections.client(trusting: trustRoots))
    }

    /// A client of the hub at `url` through the connection pool `http`, which the caller owns
    /// and shuts down.
    public init(url: String, key: NodeSigningKey?, http: HTTPClient) throws {
        try self.init(url: url, key: key, transport: HTTPHubTransport(http: http))
    }

    /// A client of the hub at `url` through `transport`, signing at `now`.
    public init(url: String, key: NodeSigningKey?, transport: any HubTransport, now: @escaping @Sendable () -> Date = { Date() }) throws {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard let parsed = URL(string: trimmed), let scheme = parsed.scheme, ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty, parsed.path.isEmpty, parsed.query == nil else {
            throw NodeError(.invalidInput, "'\(url)' is not a hub URL: write it as https://HOST[:PORT] (http:// for a hub on this machine)")
        }
        baseURL = trimmed
        self.key = key
        self.transport = transport
        self.now = now
    }

    /// A connection pool for one caller (a benchmark node, say), with room for `connections`
    /// concurrent requests to one hub; the caller shuts it down.
    public static func makeConnectionPool(trustRoots: String? = nil, connections: Int = 8) throws -> HTTPClient {
        try HubConnections.make(trusting: trustRoots, connections: connections)
    }

    /// Sends a request and decodes the answer. The task's cancellation cancels the request.
    public func send<Answer: Decodable>(_ method: String, _ path: String, query: String = "", body: (some Encodable)? = Optional<Int>.none,
                                        as answer: Answer.Type) async throws -> Answer {
        let data = try body.map { try WireJSON.encoder().encode($0) } ?? Data()
        let target = path + (query.isEmpty ? "" : "?" + query)
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if let key {
            let signature = try RequestSignature.sign(method: method, path: target, body: data, key: key, at: now())
            headers += signature.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            headers.append((RequestSignature.digestHeader, sha256Hex(data)))
        }
        let answer = try await transport.exchange(HubTransportRequest(method: method, target: target, headers: headers,
                                                                      body: method == "GET" ? Data() : data), with: baseURL)
        guard (200..<300).contains(answer.status) else {
            let message = (try? WireJSON.decoder().decode(ErrorBody.self, from: answer.body).error) ?? String(decoding: answer.body.prefix(200), as: UTF8.self)
            throw NodeError(.hubRefused, "the hub refused (\(answer.status)): \(message)")
        }
        do {
            return try WireJSON.decoder().decode(Answer.self, from: answer.body)
        } catch {
            throw NodeError(.hubRefused, "the hub's answer to \(path) is not what this node understands: \(error)")
        }
    }
}

/// Requests to the hub over HTTP(S), through an AsyncHTTPClient connection pool.
struct HTTPHubTransport: HubTransport {
    /// The connection pool requests go through.
    let http: HTTPClient
    /// The largest answer the node accepts (an inbox page of 500 items is far below it).
    static let largestAnswer = 256 << 20

    func exchange(_ request: HubTransportRequest, with baseURL: String) async throws -> HubTransportAnswer {
        var outgoing = HTTPClientRequest(url: baseURL + request.target)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.replaceOrAdd(name: name, value: value) }
        if request.method != "GET" { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        do {
            let response = try await http.execute(outgoing, timeout: HubClient.requestTimeout)
            let body = try await response.body.collect(upTo: Self.largestAnswer)
            return HubTransportAnswer(status: response.status.code, body: Data(body.readableBytesView))
        } catch {
            throw Self.explain(error, reaching: baseURL)
        }
    }

    /// One line for a request that got no answer: a certificate this node does not trust is a
    /// setting to fix; anything else (refused, timed out, cut off) is worth trying again later.
    static func explain(_ error: any Error, reaching url: String) -> any Error {
        if error is CancellationError { return error }
        if let error = error as? HTTPClientError, error == .cancelled { return CancellationError() }
        let detail = String(describing: error)
        if isUntrustedCertificate(error) {
            return NodeError(.hubUntrusted, "the hub at \(url) presented a certificate this node does not trust (\(detail)). If the hub's certificate comes from a private CA, enrol again with `--hub-ca FILE` (the CA's PEM file)")
        }
        let timeout = HubClient.requestTimeout.nanoseconds / 1_000_000_000
        let reason = (error as? HTTPClientError).map { $0 == .deadlineExceeded || $0 == .readTimeout ? "no answer within \(timeout) s" : "\($0)" } ?? detail
        return NodeError(.hubUnreachable, "cannot reach the hub at \(url): \(reason). Nothing was lost: run `triangulate sync` again later")
    }

    /// Whether the TLS handshake failed on the hub's certificate (its chain, or its name), rather
    /// than on the connection.
    static func isUntrustedCertificate(_ error: any Error) -> Bool {
        if case NIOSSLError.handshakeFailed = error { return true }
        return error is NIOSSLExtraError
    }
}

/// The node's connection pools to hubs: one per set of trusted CAs, made when first needed and
/// kept for the life of the process (as AsyncHTTPClient's own shared client is).
enum HubConnections {
    private static let pools = Mutex<[String: HTTPClient]>([:])

    /// The process's pool for hubs whose certificates `trustRoots` (PEM text; `nil`: the
    /// system's CAs) vouches for.
    static func client(trusting trustRoots: String?) throws -> HTTPClient {
        try pools.withLock { pools in
            if let pool = pools[trustRoots ?? ""] { return pool }
            let pool = try make(trusting: trustRoots, connections: 8)
            pools[trustRoots ?? ""] = pool
            return pool
        }
    }

    /// A new pool with the node's timeouts, HTTP/1.1 (the hub speaks it) and up to `connections`
    /// connections to one hub.
    static func make(trusting trustRoots: String?, connections: Int) throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let trustRoots {
            tls.trustRoots = .certificates(try certificates(in: trustRoots))
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: HubClient.connectTimeout, read: HubClient.requestTimeout),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections))
        configuration.httpVersion = .http1Only
        // A hub that refuses the connection or the handshake is reported at once, not retried
        // until the deadline: `sync` then says so and ends, and the next sync tries again.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// The certificates in a PEM text, or a clear error.
    static func certificates(in pem: String) throws -> [NIOSSLCertificate] {
        let certificates = (try? NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))) ?? []
        guard !certificates.isEmpty else {
            throw NodeError(.invalidInput, "the hub CA file holds no PEM certificate (it should contain -----BEGIN CERTIFICATE-----)")
        }
        return certificates
    }
}
