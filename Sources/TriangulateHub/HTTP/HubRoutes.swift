import Foundation
import HTTPTypes
import Logging
import Hummingbird
import NIOCore
import TriangulateModel
import TriangulateProtocol

/// The hub's HTTP API (Protocol/openapi.yaml). Every route but `/health` and `/v1/enrol` needs
/// a signed request; every error is a JSON body `{"error": "…"}` with the status of its code.
enum HubRoutes {
    /// The largest body the hub reads from an authenticated organisation.
    static let maximumBody = 32 << 20
    /// The largest body the hub reads before it knows who sends it (an enrolment).
    static let maximumUnauthenticatedBody = 16 << 10
    /// How long the hub waits for a request's body to arrive.
    static let bodyTimeout: Duration = .seconds(60)

    /// Every path the hub serves, with the one method it answers there (HEAD too, for a GET).
    static let paths: [String: HTTPRequest.Method] = [
        "/health": .get, "/health/live": .get, "/health/ready": .get, "/metrics": .get, "/v1/enrol": .post, "/v1/push": .post,
        "/v1/inbox": .get, "/v1/audit/checkpoint": .get, "/v1/audit/consistency": .get, "/v1/audit/inclusion": .get,
        "/v1/match/alerts": .get, "/v1/match/tokens": .post, "/v1/match/answers": .post,
    ]

    static func router(for hub: Hub, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ObservingMiddleware(routes: paths, metrics: hub.metrics, logger: logger))
        router.get("/metrics") { _, _ in
            // The audit log's size as the store says now; the rest as counted since start.
            let size = try? await hub.auditCheckpoint().size
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: hub.metrics.exposition(auditSize: size))))
        }
        router.get("/health") { _, _ in
            try json(["status": "ok"])
        }
        router.get("/health/live") { _, _ in
            try json(["status": "ok"])
        }
        router.get("/health/ready") { _, _ in
            // Ready when the store answers: a read of the audit log's head.
            do {
                let checkpoint = try await hub.auditCheckpoint()
                return try json(["status": "ok", "auditSize": String(checkpoint.size)])
            } catch {
                return try json(ErrorBody(error: "the hub's store does not answer: see the hub's log"), status: .serviceUnavailable)
            }
        }
        router.post("/v1/enrol") { request, _ in
            try await respond {
                let body = try await collect(request, upTo: maximumUnauthenticatedBody)
                let enrolment = try decode(EnrolmentRequest.self, body)
                return try json(await hub.enrol(enrolment))
            }
        }
        router.post("/v1/push") { request, _ in
            try await respond {
                // -1: not asked (a query value is digits only, so no node can send it).
                let auditFrom = try parse { () throws(ProtocolError) in try QueryValues(request.uri.query).integer("auditFrom", in: -1...Int64.max, default: -1) }
                let (organisation, body) = try await signedBody(of: request, hub: hub)
                var answer = try await hub.push(try decode(PushRequest.self, body), from: organisation)
                if auditFrom >= 0 { answer.audit = try await hub.receipt(from: UInt64(auditFrom)) }
                return try json(answer)
            }
        }
        router.get("/v1/match/alerts") { request, _ in
            try await respond {
                let wait = try parse { () throws(ProtocolError) in try QueryValues(request.uri.query).integer("wait", in: 0...30, default: 0) }
                let organisation = try await hub.authenticate(try signature(of: request), method: request.method.rawValue,
                                                              path: target(of: request), body: Data())
                return try json(await hub.matchAlerts(for: organisation, wait: .seconds(wait)))
            }
        }
        router.post("/v1/match/tokens") { request, _ in
            try await respond {
                let (organisation, body) = try await signedBody(of: request, hub: hub)
                return try json(await hub.publish(try decode(MatchPublication.self, body), from: organisation))
            }
        }
        router.post("/v1/match/answers") { request, _ in
            try await respond {
                let (organisation, body) = try await signedBody(of: request, hub: hub)
                return try json(await hub.answer(try decode(MatchConsentRequest.self, body), from: organisation))
            }
        }
        router.get("/v1/inbox") { request, _ in
            try await respond {
                let (after, limit, wait, auditFrom) = try parse { () throws(ProtocolError) in
                    let query = try QueryValues(request.uri.query)
                    return (try query.integer("after", in: 0...Int64.max, default: 0), try query.integer("limit", in: 1...1_000, default: 500),
                            try query.integer("wait", in: 0...30, default: 0), try query.integer("auditFrom", in: -1...Int64.max, default: -1))
                }
                let organisation = try await hub.authenticate(try signature(of: request), method: request.method.rawValue,
                                                              path: target(of: request), body: Data())
                var page = try await hub.inbox(for: organisation, after: after, limit: Int(limit), wait: .seconds(wait))
                if auditFrom >= 0 { page.audit = try await hub.receipt(from: UInt64(auditFrom)) }
                return try json(page)
            }
        }
        router.get("/v1/audit/checkpoint") { _, _ in
            try await respond { try json(await hub.auditCheckpoint()) }
        }
        router.get("/v1/audit/consistency") { request, _ in
            try await respond {
                let (from, to) = try parse { () throws(ProtocolError) in
                    let query = try QueryValues(request.uri.query)
                    return (try query.integer("from", in: 0...Int64.max), try query.integer("to", in: 0...Int64.max))
                }
                return try json(await hub.consistencyProof(from: UInt64(from), to: UInt64(to)))
            }
        }
        router.get("/v1/audit/inclusion") { request, _ in
            try await respond {
                let (index, size) = try parse { () throws(ProtocolError) in
                    let query = try QueryValues(request.uri.query)
                    return (try query.integer("index", in: 0...Int64.max), try query.integer("size", in: 1...Int64.max))
                }
                return try json(await hub.inclusionProof(index: UInt64(index), size: UInt64(size)))
            }
        }
        return router
    }

    /// The organisation that signed `request` and its body. Who signs is checked from the
    /// headers, the body's digest among them, before the body is read; the body must then have
    /// that digest.
    private static func signedBody(of request: Request, hub: Hub) async throws -> (String, Data) {
        guard let digest = HTTPField.Name(RequestSignature.digestHeader).flatMap({ request.headers[$0] }),
              RequestSignature.isDigest(digest) else {
            throw HubError(.unauthorised, "send the body's SHA-256 (64 lowercase hex digits) in \(RequestSignature.digestHeader)")
        }
        let organisation = try await hub.authenticate(try signature(of: request), method: request.method.rawValue,
                                                      path: target(of: request), bodyDigest: digest)
        let body = try await collect(request, upTo: maximumBody)
        guard sha256Hex(body) == digest else {
            throw HubError(.unauthorised, "the body's SHA-256 is not the one signed in \(RequestSignature.digestHeader)")
        }
        return (organisation, body)
    }

    /// A query value, or 400 with the reason.
    private static func parse<T>(_ body: () throws(ProtocolError) -> T) throws(HubError) -> T {
        do {
            return try body()
        } catch {
            throw HubError(.invalidRequest, error.message)
        }
    }

    /// What the signature covers of the URL: the path, and `?` and the query exactly as sent.
    private static func target(of request: Request) -> String {
        request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    }

    /// The request's signature headers, checked for form.
    private static func signature(of request: Request) throws -> RequestSignature {
        let headers = request.headers
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        do {
            return try RequestSignature(
                keyID: header(RequestSignature.keyHeader), timestamp: header(RequestSignature.timestampHeader),
                nonce: header(RequestSignature.nonceHeader), signature: header(RequestSignature.signatureHeader))
        } catch {
            throw HubError(.unauthorised, error.message)
        }
    }

    /// The request's body, refused with 413 when it says or turns out to be longer than
    /// `limit`, and with 408 when it does not arrive in `bodyTimeout`.
    private static func collect(_ request: Request, upTo limit: Int) async throws -> Data {
        if let declared = request.headers[.contentLength], let length = Int(declared), length > limit {
            throw HubError(.payloadTooLarge, "the body is \(length) bytes; this hub reads at most \(limit) here")
        }
        let body = request.body
        return try await withThrowingTaskGroup(of: Data?.self) { group in
            group.addTask {
                do {
                    return Data(try await body.collect(upTo: limit).readableBytesView)
                } catch is NIOTooManyBytesError {
                    throw HubError(.payloadTooLarge, "the body is longer than the \(limit) bytes this hub reads here")
                }
            }
            group.addTask {
                try await Task.sleep(for: bodyTimeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let data = first else {
                throw HubError(.requestTimeout, "the body did not arrive within \(bodyTimeout)")
            }
            return data
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T {
        do {
            return try WireJSON.decoder().decode(type, from: body)
        } catch {
            throw HubError(.invalidRequest, "the body is not a valid \(type): \(error)")
        }
    }

    private static let logger = Logger(label: "triangulate-hub.http")

    private static func respond(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as HubError {
            return try json(ErrorBody(error: error.message), status: .init(code: error.code.status))
        } catch {
            // The cause stays in the hub's own log: the caller learns only that it failed.
            let reference = UUID().uuidString.prefix(8).lowercased()
            logger.error("request failed", metadata: ["reference": "\(reference)", "error": "\(String(describing: type(of: error)))"])
            return try json(ErrorBody(error: "the hub could not do this (reference \(reference)): try again, or tell the hub operator"),
                            status: .internalServerError)
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try WireJSON.encoder().encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
