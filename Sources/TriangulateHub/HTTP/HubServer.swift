import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import TriangulateWeb

/// Runs the hub's HTTP API in a service group with its store's own services (a database's
/// connection pools), with graceful shutdown on SIGINT and SIGTERM.
public struct HubServer: Sendable {
    /// Where and how to listen: TLS, or plain HTTP on loopback only.
    public var listen: ListenSettings
    /// The port; 0 picks a free one.
    public var port: Int { listen.port }

    /// Makes a server configuration.
    public init(host: String, port: Int, certificatePath: String? = nil, keyPath: String? = nil) {
        listen = ListenSettings(host: host, port: port, certificatePath: certificatePath, keyPath: keyPath)
    }

    /// The TLS configuration, or nil for plain HTTP; refuses plain HTTP off loopback and
    /// unreadable certificate or key files, before anything else is done.
    public func tlsConfiguration() throws -> TLSConfiguration? {
        do {
            return try listen.tlsConfiguration()
        } catch {
            throw HubError(.invalidRequest, error.message)
        }
    }

    /// Serves `hub` until a shutdown signal; `onListening` gets the URL once it listens. With a
    /// `console`, the console runs beside the API on its own port, and `onConsoleListening` gets its URL.
    public func run(_ hub: Hub, console: HubConsole? = nil, onListening: @escaping @Sendable (String) -> Void,
                    onConsoleListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let router = HubRoutes.router(for: hub, logger: hub.logger)
        _ = try tlsConfiguration()
        let (server, _) = try listen.serverBuilder()
        let listen = self.listen
        var app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "triangulate-hub"),
            onServerRunning: { channel in onListening(listen.url(port: channel.localAddress?.port ?? 0)) },
            logger: {
                var logger = Logger(label: "triangulate-hub")
                logger.logLevel = .warning
                return logger
            }())
        // The store's connections start first and stop last; it is made ready before the hub listens.
        if let service = hub.store.service { app.addServices(service) }
        if let console { app.addServices(try console.application(onListening: onConsoleListening)) }
        app.beforeServerStarts { try await hub.store.prepare() }
        try await app.runService()
    }
}
