import Foundation
import Logging
import PostgresNIO
import TriangulateHub

/// Creating a database for a hub on a PostgreSQL server: for setting up a hub, and for tests
/// that give each run a database of its own.
public enum PostgresDatabase {
    /// Creates database `name` (letters, digits and underscores) through the server at `url`,
    /// whose user must be allowed to create databases; returns the URL of the new database.
    public static func create(_ name: String, on url: String) async throws -> String {
        guard name.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw HubError(.invalidRequest, "'\(name)' is not a database name: use lower-case letters, digits and underscores")
        }
        guard var parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
            throw HubError(.invalidRequest, "'\(url)' is not a PostgreSQL URL: write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        let database = String(parts.path.drop { $0 == "/" })
        let configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        var logger = Logger(label: "triangulate-hub.postgres")
        logger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        parts.path = "/" + name
        return parts.string ?? url
    }
}
