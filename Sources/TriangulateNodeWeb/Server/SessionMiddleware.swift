import Hummingbird
import Logging
import NIOCore
import TriangulateNode
import TriangulateWeb

/// Finds who is signed in from the session cookie, and for every POST reads the form and checks
/// its CSRF token against the session's (or, for signing in, against the sign-in form's own
/// cookie). A form that fails the check never reaches a route.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = NodeWebContext
    let store: NodeStore
    let cookies: SessionCookie

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[cookies.sessionName]?.value, !token.isEmpty {
            context.signedIn = try store.session(token)
            context.sessionToken = context.signedIn == nil ? nil : token
        }
        if request.method == .post {
            let form: FormFields
            do {
                form = try await FormFields(request: request)
            } catch {
                throw PageError.tooLarge
            }
            let expected = context.signedIn?.csrfToken ?? request.cookies[cookies.formName]?.value ?? ""
            guard FormToken.matches(form.raw("csrf"), expected) else {
                context.logger.notice("form refused: its token does not match", metadata: ["route": "\(context.endpointPath ?? "unmatched")"])
                throw PageError.forbidden
            }
            context.form = form
        }
        return try await next(request, context)
    }
}
