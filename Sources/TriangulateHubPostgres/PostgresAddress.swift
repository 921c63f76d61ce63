import Foundation
import Logging
import PostgresNIO
import TriangulateHub

/// Where a hub's database is, parsed from `postgres://USER:PASSWORD@HOST:PORT/DATABASE`. Its
/// description never shows the password.
struct PostgresAddress: CustomStringConvertible, Sendable {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?

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
    }

    var description: String { "\(user)@\(host):\(port)/\(database ?? user)" }

    /// A URL with its password replaced, for messages.
    static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: ":[^:@/]*@", with: ":***@", options: .regularExpression)
    }

    /// The configuration of a pool of connections to this address; with `actingForHub`, every
    /// connection says from its start that it acts for the hub itself (row-level security then
    /// shows it every organisation's rows), so that each hub-wide read is one round trip.
    func clientConfiguration(actingForHub: Bool = false) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
        if actingForHub { configuration.options.additionalStartupParameters = [("options", "-c triangulate.scope=hub")] }
        return configuration
    }

    /// Opens one connection and closes it, so that a wrong address, database, user or password
    /// fails at once with PostgreSQL's own words, rather than after a pool's minute of retries.
    func probe(logger: Logger) async throws {
        let configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: .disable)
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
