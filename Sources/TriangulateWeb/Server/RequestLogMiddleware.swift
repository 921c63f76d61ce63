import Hummingbird
import Logging

/// Logs one line per request: the method, the route's pattern (`/cases/{id}`, never the path
/// as sent, and never the query), the status and the time taken. Nothing a person typed reaches
/// the log.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    private let logger: Logger

    /// Makes the middleware, logging to `logger` at info.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            logger.info("request", metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "unmatched")",
                "status": "\(status)",
                "ms": "\((milliseconds * 10).rounded() / 10)",
            ])
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}
