import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TriangulateProtocol

/// The hub's HTTP API (Protocol/openapi.yaml). Every route but `/health` and `/v1/enrol` needs
/// a signed request; every error is a JSON body `{"error": "…"}` with the status of its code.
enum HubRoutes {
    /// The largest body the hub reads.
    static let maximumBody = 32 << 20

    static func router(for hub: Hub) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in
            try json(["status": "ok"])
        }
        router.post("/v1/enrol") { request, _ in
            try await respond {
                let body = Data(try await request.body.collect(upTo: maximumBody).readableBytesView)
                let enrolment = try decode(EnrolmentRequest.self, body)
                return try json(await hub.enrol(enrolment))
            }
        }
        router.post("/v1/push") { request, _ in
            try await respond {
                let body = Data(try await request.body.collect(upTo: maximumBody).readableBytesView)
                let organisation = try await authenticate(request, body: body, hub: hub)
                return try json(await hub.push(try decode(PushRequest.self, body), from: organisation))
            }
        }
        router.get("/v1/inbox") { request, _ in
            try await respond {
                let organisation = try await authenticate(request, body: Data(), hub: hub)
                let after = request.uri.queryParameters.get("after", as: Int64.self) ?? 0
                let limit = request.uri.queryParameters.get("limit", as: Int.self) ?? 500
                let wait = min(max(request.uri.queryParameters.get("wait", as: Double.self) ?? 0, 0), 30)
                return try json(await hub.inbox(for: organisation, after: after, limit: limit, wait: .milliseconds(Int(wait * 1000))))
            }
        }
        router.get("/v1/audit/checkpoint") { _, _ in
            try await respond { try json(await hub.auditCheckpoint()) }
        }
        router.get("/v1/audit/consistency") { request, _ in
            try await respond {
                let from = request.uri.queryParameters.get("from", as: UInt64.self) ?? 0
                let to = request.uri.queryParameters.get("to", as: UInt64.self) ?? 0
                return try json(await hub.consistencyProof(from: from, to: to))
            }
        }
        router.get("/v1/audit/inclusion") { request, _ in
            try await respond {
                let index = request.uri.queryParameters.get("index", as: UInt64.self) ?? 0
                let size = request.uri.queryParameters.get("size", as: UInt64.self) ?? 0
                return try json(await hub.inclusionProof(index: index, size: size))
            }
        }
        return router
    }

    private static func authenticate(_ request: Request, body: Data, hub: Hub) async throws -> String {
        let headers = request.headers
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        let signature: RequestSignature
        do {
            signature = try RequestSignature(
                keyID: header(RequestSignature.keyHeader), timestamp: header(RequestSignature.timestampHeader),
                nonce: header(RequestSignature.nonceHeader), signature: header(RequestSignature.signatureHeader))
        } catch {
            throw HubError(.unauthorised, error.message)
        }
        return try await hub.authenticate(signature, method: request.method.rawValue, path: request.uri.path, body: body)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T {
        do {
            return try WireJSON.decoder().decode(type, from: body)
        } catch {
            throw HubError(.invalidRequest, "the body is not a valid \(type): \(error)")
        }
    }

    private static func respond(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as HubError {
            return try json(ErrorBody(error: error.message), status: .init(code: error.code.status))
        } catch {
            return try json(ErrorBody(error: "the hub could not do this: \(error)"), status: .internalServerError)
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try WireJSON.encoder().encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
