import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TriangulateProtocol

/// Logs and measures every request: one log line and one count per request, by route (a known
/// path, or `other`: never a query, a body or an id), status and duration. A request for a route
/// the hub does not have gets a JSON error body, not an empty one; a known path asked with
/// another method gets 405 and the `Allow` header.
struct ObservingMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes the hub serves, with their method: any other path is counted as `other`.
    let routes: [String: HTTPRequest.Method]
    let metrics: HubMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        let route = routes[path] == nil ? "other" : path
        var response: Response
        if let allowed = routes[path], request.method != allowed, !(allowed == .get && request.method == .head) {
            response = try HubRoutes.json(ErrorBody(error: "\(path) answers \(allowed.rawValue) only, not \(WireText.excerpt(request.method.rawValue)): see Protocol/openapi.yaml"),
                                          status: .methodNotAllowed)
            response.headers[.allow] = allowed == .get ? "GET, HEAD" : allowed.rawValue
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                // Hummingbird's own answers (no such route, a method not allowed): said in JSON.
                let words = error.status == .notFound
                    ? "there is no \(request.method.rawValue) \(WireText.excerpt(request.uri.path)) on this hub: see Protocol/openapi.yaml"
                    : "the hub cannot answer \(request.method.rawValue) \(WireText.excerpt(request.uri.path)): \(error.status.reasonPhrase)"
                response = try HubRoutes.json(ErrorBody(error: words), status: error.status)
            }
        }
        let elapsed = ContinuousClock.now - start
        metrics.request(route: route, status: response.status.code, duration: elapsed)
        logger.info("request", metadata: [
            "http.method": "\(request.method.rawValue)",
            "http.route": "\(route)",
            "http.status": "\(response.status.code)",
            "http.duration_ms": "\(Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1_000 + Double(elapsed.components.seconds) * 1_000)",
        ])
        return response
    }
}
