import Foundation
import Hummingbird
import TriangulateNode

/// `GET /health`: whether the application can read its store.
enum HealthRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/health") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            do {
                _ = try site.store.hasPeople()
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
            } catch {
                return Response(status: .serviceUnavailable, headers: headers,
                                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"unavailable","reason":"the store cannot be read"}"#)))
            }
        }
    }
}
