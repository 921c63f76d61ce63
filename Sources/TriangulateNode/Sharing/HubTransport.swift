import Foundation

/// One request to the hub as it goes on the wire: what a `HubTransport` carries.
public struct HubTransportRequest: Sendable {
    /// `GET` or `POST`.
    public var method: String
    /// The path with its query, as signed: `/v1/inbox?after=0&limit=500`.
    public var target: String
    /// The headers: content type, and the request's signature when it is signed.
    public var headers: [(name: String, value: String)]
    /// The body's bytes (empty for a `GET`).
    public var body: Data

    /// Makes a request.
    public init(method: String, target: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }
}

/// The hub's answer to one request: its status and its body's bytes.
public struct HubTransportAnswer: Sendable {
    /// The HTTP status.
    public var status: UInt
    /// The body's bytes.
    public var body: Data

    /// Makes an answer.
    public init(status: UInt, body: Data) {
        self.status = status
        self.body = body
    }
}

/// How a node's requests reach its hub and come back: over HTTP(S) in production
/// (`HTTPHubTransport`), inside one process in the whole-system simulator. Everything above it —
/// signing, encoding, the hub's refusals — is the same code either way. A transport that gets
/// no answer throws `NodeError(.hubUnreachable)` (or the task's cancellation).
public protocol HubTransport: Sendable {
    /// Sends `request` to the hub at `baseURL` and returns its answer.
    func exchange(_ request: HubTransportRequest, with baseURL: String) async throws -> HubTransportAnswer

    /// Whether a request may be in flight while the node works on another's answer: a sync asks
    /// for the next inbox page while it applies this one. HTTP(S) carries both at once; the
    /// simulator's transport carries one at a time, because it decides every interleaving itself.
    var carriesRequestsWhileTheNodeWorks: Bool { get }
}

extension HubTransport {
    /// A transport carries a request while the node works, unless it says otherwise.
    public var carriesRequestsWhileTheNodeWorks: Bool { true }
}
