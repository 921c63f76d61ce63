import Foundation
import Logging
import PostgresNIO

/// Makes throw-away databases on a test PostgreSQL server.
enum PostgresTestDatabase {
    /// Creates database `name` through the server at `url`.
    static func create(_ name: String, on url: String) async throws {
        guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else {
            throw PostgresTestError(description: "TRIANGULATE_POSTGRES_URL is not postgres://USER@HOST:PORT/DATABASE: \(url)")
        }
        let configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: String(parts.path.drop { $0 == "/" }).isEmpty ? nil : String(parts.path.drop { $0 == "/" }), tls: .disable)
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "test"))
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
    }

    /// `url` with its database replaced by `database`.
    static func url(_ url: String, database: String) -> String {
        var parts = URLComponents(string: url)!
        parts.path = "/" + database
        return parts.string!
    }
}

struct PostgresTestError: Error, CustomStringConvertible {
    let description: String
}
