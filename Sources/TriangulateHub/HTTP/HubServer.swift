import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// Runs the hub's HTTP API in a service group with its store's own services (a database's
/// connection pools), with graceful shutdown on SIGINT and SIGTERM.
public struct HubServer: Sendable {
    /// Where to listen.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The PEM certificate chain and key for TLS; without them the hub serves plain HTTP, which
    /// it allows only on a loopback address.
    public var certificatePath: String?
    public var keyPath: String?

    /// Makes a server configuration.
    public init(host: String, port: Int, certificatePath: String? = nil, keyPath: String? = nil) {
        self.host = host
        self.port = port
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// Whether `host` is a loopback address.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The TLS configuration, or nil for plain HTTP; refuses plain HTTP off loopback and
    /// unreadable certificate or key files, before anything else is done.
    public func tlsConfiguration() throws -> TLSConfiguration? {
        switch (certificatePath, keyPath) {
        case let (certificate?, key?):
            let chain: [NIOSSLCertificate]
            do {
                chain = try NIOSSLCertificate.fromPEMFile(certificate)
            } catch {
                throw HubError(.invalidRequest, "cannot read a PEM certificate chain from \(certificate): \(error)")
            }
            let privateKey: NIOSSLPrivateKey
            do {
                privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            } catch {
                throw HubError(.invalidRequest, "cannot read a PEM private key from \(key): \(error)")
            }
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        case (nil, nil):
            guard Self.isLoopback(host) else {
                throw HubError(.invalidRequest, "plain HTTP is allowed on loopback only: give --tls-certificate and --tls-key to listen on \(host)")
            }
            return nil
        default:
            throw HubError(.invalidRequest, "give both --tls-certificate and --tls-key, or neither")
        }
    }

    /// Serves `hub` until a shutdown signal; `onListening` gets the URL once it listens.
    public func run(_ hub: Hub, onListening: @escaping @Sendable (String) -> Void) async throws {
        let router = HubRoutes.router(for: hub, logger: hub.logger)
        let server: HTTPServerBuilder
        let scheme: String
        // A connection that sends no complete request head for 30 s is closed (between requests, or
        // trickling its headers); a request being answered, a long poll included, is not idle. Headers are small.
        let http1 = HTTPServerBuilder.http1(configuration: .init(
            idleTimeout: .seconds(30),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 << 10, maxHeaderListSize: 32 << 10, maxHeaderFieldCount: 64)))
        if let tls = try tlsConfiguration() {
            server = try .tls(http1, tlsConfiguration: tls)
            scheme = "https"
        } else {
            server = http1
            scheme = "http"
        }
        let host = self.host
        var app = Application(
            router: router, server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "triangulate-hub"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onListening("\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            },
            logger: {
                var logger = Logger(label: "triangulate-hub")
                logger.logLevel = .warning
                return logger
            }())
        // The store's connections start first and stop last; it is made ready before the hub listens.
        if let service = hub.store.service { app.addServices(service) }
        app.beforeServerStarts { try await hub.store.prepare() }
        try await app.runService()
    }
}
