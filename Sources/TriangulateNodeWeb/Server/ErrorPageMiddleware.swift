import Hummingbird
import Logging
import TriangulateNode
import TriangulateWeb

/// Turns a `PageError`, a record not found, or a route that does not exist into a page that
/// says what happened and where to go; sign-in is a redirect. Anything else is a 500 page that
/// shows nothing of the error (the log has its type).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = NodeWebContext
    let site: NodeSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return page(for: error, context)
        } catch let error as NodeError where error.code == .notFound {
            return page(for: .notFound, context)
        } catch let error as HTTPError where error.status == .notFound {
            return page(for: .notFound, context)
        } catch let error as HTTPError where error.status == .methodNotAllowed {
            return page(for: .notFound, context)
        } catch {
            context.logger.error("page failed", metadata: ["route": "\(context.endpointPath ?? "unmatched")", "error": "\(type(of: error))"])
            let frame = site.frame("Sorry, there is a problem with the service", for: context.signedIn)
            return site.page(frame, NodeTemplates.message, Message(text: "Try again later. What you entered has not been saved."),
                             status: .internalServerError)
        }
    }

    private func page(for error: PageError, _ context: Context) -> Response {
        switch error {
        case .signInNeeded:
            return .redirect(to: "/sign-in")
        case .forbidden:
            let frame = site.frame("You cannot do this", for: context.signedIn)
            return site.page(frame, NodeTemplates.message, Message(
                text: "Your role does not allow this, or the form had expired. Go back, reload the page and try again, or ask an administrator."),
                status: .forbidden)
        case .notFound:
            let frame = site.frame("Page not found", for: context.signedIn)
            return site.page(frame, NodeTemplates.message, Message(text: "If you typed the web address, check it is correct."), status: .notFound)
        case .tooLarge:
            let frame = site.frame("The form was too large", for: context.signedIn)
            return site.page(frame, NodeTemplates.message, Message(text: "Shorten what you entered and try again."), status: .contentTooLarge)
        }
    }
}

/// A page that only says something.
struct Message {
    let text: String
}
