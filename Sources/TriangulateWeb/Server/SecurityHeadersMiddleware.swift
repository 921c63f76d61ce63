import HTTPTypes
import Hummingbird

/// Adds the headers every Triangulate page carries: a Content-Security-Policy that allows only
/// the site's own stylesheet, its one script file (no inline script), requests to itself and
/// forms to itself, no framing, no referrer, no sniffing, and no caching of pages (they hold
/// case data); HSTS over TLS.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    private let strictTransport: Bool

    /// Makes the middleware; `tls` adds Strict-Transport-Security.
    public init(tls: Bool) {
        strictTransport = tls
    }

    /// The Content-Security-Policy of every response.
    public static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        if strictTransport {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        return response
    }
}
