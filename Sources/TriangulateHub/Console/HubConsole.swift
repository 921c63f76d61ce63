import Foundation
import Hummingbird
import Logging
import TriangulateWeb

/// The hub's console: a read-only web application for its operators and auditors, on a port of
/// its own (loopback by default, TLS by the same rules as the hub) — the organisations and
/// their status, the signed checkpoints and their consistency, refusals by code, recent events,
/// and an audit explorer whose every entry carries its checked inclusion proof. It changes
/// nothing: operators act with `triangulate-hub org …`.
public struct HubConsole: Sendable {
    let hub: Hub
    let operators: ConsoleOperators
    let sessions: ConsoleSessions
    let cookies: SessionCookie
    let listen: ListenSettings
    let renderer: PageRenderer
    private let logger: Logger

    /// Makes the console over `hub`, for `operators`, listening as `listen` says.
    public init(hub: Hub, operators: ConsoleOperators, listen: ListenSettings, logger: Logger) throws {
        do {
            _ = try listen.tlsConfiguration()
        } catch {
            throw HubError(.invalidRequest, "the console: \(error.message)")
        }
        self.hub = hub
        self.operators = operators
        self.listen = listen
        self.logger = logger
        sessions = ConsoleSessions(now: hub.now)
        cookies = SessionCookie(secure: listen.usesTLS)
        renderer = try PageRenderer(templates: ConsoleTemplates.all)
    }

    /// The console's routes and middleware.
    public func router() -> Router<ConsoleContext> {
        let router = Router(context: ConsoleContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware(tls: listen.usesTLS))
        router.add(middleware: ConsoleErrorPages(console: self))
        AssetRoutes.add(to: router)
        router.get("/health") { _, _ in Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#))) }
        let pages = router.group().add(middleware: ConsoleSessionMiddleware(console: self))
        ConsoleRoutes.add(to: pages, console: self)
        return router
    }

    /// The console as a service, to run beside the hub's API; `onListening` gets its URL.
    public func application(onListening: @escaping @Sendable (String) -> Void) throws -> some ApplicationProtocol {
        let (server, _) = try listen.serverBuilder()
        let listen = self.listen
        return Application(router: router(), server: server,
                           configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "triangulate-hub-console"),
                           onServerRunning: { channel in onListening(listen.url(port: channel.localAddress?.port ?? 0)) }, logger: logger)
    }

    /// The frame of a console page; `section` is the current one of the navigation (0 overview, 1 audit).
    func frame(_ title: String, heading: String? = nil, for session: ConsoleSessions.Session?, section: Int? = nil,
               errors: [FieldError] = []) -> PageFrame {
        let links = [("/", "Overview"), ("/audit", "Audit explorer")].enumerated().map { index, link in
            NavigationLink(href: link.0, label: link.1, current: index == section)
        }
        return PageFrame(serviceName: "Triangulate hub console", title: title, heading: heading ?? title, signedInAs: session?.name,
                         csrfToken: session?.csrfToken, navigation: links, errors: errors)
    }

    /// A page: `template` with `context` in `frame`.
    func page(_ frame: PageFrame, _ template: String, _ context: Any, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(frame, template: template, context: context, status: status)
    }
}

/// Finds the operator signed in from the session cookie, and checks every POST's form token.
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = ConsoleContext
    let console: HubConsole

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[console.cookies.sessionName]?.value, !token.isEmpty,
           let session = await console.sessions.session(token) {
            context.session = session
            context.sessionToken = token
        }
        if request.method == .post {
            let form = try await FormFields(request: request)
            let expected = context.session?.csrfToken ?? request.cookies[console.cookies.formName]?.value ?? ""
            guard FormToken.matches(form.raw("csrf"), expected) else { throw ConsolePageError.forbidden }
            context.form = form
        }
        return try await next(request, context)
    }
}

/// Turns the console's errors into pages; sign-in is a redirect.
struct ConsoleErrorPages: RouterMiddleware {
    typealias Context = ConsoleContext
    let console: HubConsole

    struct Message { let text: String }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch ConsolePageError.signInNeeded {
            return .redirect(to: "/sign-in")
        } catch ConsolePageError.forbidden {
            return console.page(console.frame("You cannot do this", for: context.session), ConsoleTemplates.message,
                                Message(text: "The form had expired: go back, reload the page and try again."), status: .forbidden)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return console.page(console.frame("Page not found", for: context.session), ConsoleTemplates.message,
                                Message(text: "If you typed the web address, check it is correct."), status: .notFound)
        } catch ConsolePageError.notFound {
            return console.page(console.frame("Page not found", for: context.session), ConsoleTemplates.message,
                                Message(text: "If you typed the web address, check it is correct."), status: .notFound)
        } catch {
            context.logger.error("console page failed", metadata: ["error": "\(type(of: error))"])
            return console.page(console.frame("Sorry, there is a problem with the console", for: context.session), ConsoleTemplates.message,
                                Message(text: "Try again later."), status: .internalServerError)
        }
    }
}
