import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TriangulateProtocol

/// Logs and measures every request: one log line and one count per request, by route (a known
/// path, or `other`: never a query, a body or an id), status and duration. A request for a route
/// the hub does not have gets a JSON error body, not an empty one.
struct ObservingMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes the hub serves: any other path is counted as `other`.
    let routes: Set<String>
    let metrics: HubMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = routes.contains(request.uri.path) ? request.uri.path : "other"
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own answers (no such route, a method not allowed): said in JSON.
            let words = error.status == .notFound
                ? "there is no \(request.method.rawValue) \(WireText.excerpt(request.uri.path)) on this hub: see Protocol/openapi.yaml"
                : "the hub cannot answer \(request.method.rawValue) \(WireText.excerpt(request.uri.path)): \(error.status.reasonPhrase)"
            response = try HubRoutes.json(ErrorBody(error: words), status: error.status)
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
