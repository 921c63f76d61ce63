import Foundation
import Logging
import NIOSSL
import PostgresNIO
import TriangulateHub

/// Where a hub's database is, parsed from
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE&sslrootcert=FILE`. Its description
/// never shows the password.
///
/// `sslmode` is libpq's, narrowed to what a hub should choose between: `disable` (plain TCP,
/// the default on a loopback address only), `require` (TLS, certificate not checked) and
/// `verify-full` (TLS, the server's certificate checked against `sslrootcert`, else the
/// system's roots, and its name against the host: the default anywhere else).
struct PostgresAddress: CustomStringConvertible, Sendable {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?
    let tlsMode: TLSMode
    let rootCertificatePath: String?

    /// How the connection is protected.
    enum TLSMode: String, Sendable {
        case disable
        case require
        case verifyFull = "verify-full"
    }

    init(url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user else {
            throw HubError(.invalidRequest, "'\(Self.redacted(url))' is not a PostgreSQL URL: write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        self.host = host
        port = parts.port ?? 5432
        self.user = user
        password = parts.password
        let path = String(parts.path.drop { $0 == "/" })
        database = path.isEmpty ? nil : path
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        for name in query.keys where !["sslmode", "sslrootcert"].contains(name) {
            throw HubError(.invalidRequest, "'\(name)' is not a parameter the hub reads in a PostgreSQL URL: use sslmode and sslrootcert")
        }
        let isLoopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        if let mode = query["sslmode"] {
            guard let parsed = TLSMode(rawValue: mode) else {
                throw HubError(.invalidRequest, "sslmode=\(mode) is not one the hub takes: use disable (loopback or a trusted network only), require or verify-full")
            }
            tlsMode = parsed
        } else {
            tlsMode = isLoopback ? .disable : .verifyFull
        }
        rootCertificatePath = query["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
        if let rootCertificatePath, tlsMode != .verifyFull {
            throw HubError(.invalidRequest, "sslrootcert=\(rootCertificatePath) is read only with sslmode=verify-full")
        }
        _ = try tlsConfiguration()  // a CA file that cannot be read is refused now, not at the first connection
    }

    var description: String { "\(user)@\(host):\(port)/\(database ?? user) (\(tlsMode.rawValue))" }

    /// A URL with its password replaced, for messages.
    static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: ":[^:@/]*@", with: ":***@", options: .regularExpression)
    }

    /// The TLS the mode asks for, nil for none; refuses a CA file it cannot read.
    func tlsConfiguration() throws -> TLSConfiguration? {
        guard tlsMode != .disable else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = tlsMode == .require ? .none : .fullVerification
        if let rootCertificatePath {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootCertificatePath))
            } catch {
                throw HubError(.invalidRequest, "cannot read the CA certificates in sslrootcert=\(rootCertificatePath): \(error)")
            }
        }
        return configuration
    }

    /// The configuration of a pool of connections to this address; with `actingForHub`, every
    /// connection says from its start that it acts for the hub itself (row-level security then
    /// shows it every organisation's rows), so that each hub-wide read is one round trip.
    func clientConfiguration(actingForHub: Bool = false) throws -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database,
                                                         tls: try tlsConfiguration().map { .require($0) } ?? .disable)
        if actingForHub { configuration.options.additionalStartupParameters = [("options", "-c triangulate.scope=hub")] }
        return configuration
    }

    /// Opens one connection and closes it, so that a wrong address, database, user or password
    /// fails at once with PostgreSQL's own words, rather than after a pool's minute of retries.
    func probe(logger: Logger) async throws {
        let configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: try tlsConfiguration().map { .require(try NIOSSLContext(configuration: $0)) } ?? .disable)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw explain(error)
        }
    }

    /// A PostgreSQL error in words an operator can act on (the driver's own description hides
    /// everything, so that no query or value leaks into logs).
    func explain(_ error: any Error) -> HubError {
        guard let error = error as? PSQLError else { return HubError(.storeFailure, "PostgreSQL at \(self): \(error)") }
        if let message = error.serverInfo?[.message] {
            return HubError(.storeFailure, "PostgreSQL at \(self) refused: \(message)")
        }
        if let underlying = error.underlying {
            return HubError(.storeFailure, "cannot reach PostgreSQL at \(self): \(underlying)")
        }
        return HubError(.storeFailure, "PostgreSQL at \(self) failed: \(error.code)")
    }
}
