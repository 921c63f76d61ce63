import Hummingbird
import Logging
import TriangulateNode
import TriangulateWeb

/// The node's web application for the organisation's staff: sign-in, the worklist, the cases
/// and each case's page, over the node's store. `router` is what tests drive; `run` serves it.
public struct NodeWebApplication: Sendable {
    private let site: NodeSite
    private let listen: ListenSettings
    private let logger: Logger

    /// Makes the application over `store`, listening as `listen` says; refuses plain HTTP off
    /// loopback and unreadable TLS files before anything else.
    public init(store: NodeStore, listen: ListenSettings, logger: Logger) throws {
        _ = try listen.tlsConfiguration()
        site = try NodeSite(store: store, secureCookies: listen.usesTLS)
        self.listen = listen
        self.logger = logger
    }

    /// The application's routes and middleware.
    public func router() -> Router<NodeWebContext> {
        let router = Router(context: NodeWebContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware(tls: listen.usesTLS))
        router.add(middleware: ErrorPageMiddleware(site: site))
        AssetRoutes.add(to: router)
        HealthRoutes.add(to: router, site: site)
        let pages = router.group().add(middleware: SessionMiddleware(store: site.store, cookies: site.cookies))
        SignInRoutes.add(to: pages, site: site)
        WorklistRoutes.add(to: pages, site: site)
        CaseRoutes.add(to: pages, site: site)
        StepRoutes.add(to: pages, site: site)
        CorrectionRoutes.add(to: pages, site: site)
        ShareRoutes.add(to: pages, site: site)
        MatchRoutes.add(to: pages, site: site)
        RegisterRoutes.add(to: pages, site: site)
        ReportRoutes.add(to: pages, site: site)
        ReportRoutes.addFlowReports(to: pages, site: site)
        PeopleRoutes.add(to: pages, site: site)
        return router
    }

    /// Serves the application until a shutdown signal (SIGINT, SIGTERM), finishing requests
    /// in flight; `onListening` gets the URL once it listens.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let (server, _) = try listen.serverBuilder()
        let listen = self.listen
        let app = Application(
            router: router(), server: server,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "triangulate"),
            onServerRunning: { channel in onListening(listen.url(port: channel.localAddress?.port ?? 0)) },
            logger: logger)
        try await app.runService()
    }
}
