import Foundation
import Logging
import PostgresNIO
import TriangulateHub

/// Creating a database for a hub on a PostgreSQL server: for setting up a hub, and for tests
/// that give each run a database of its own.
public enum PostgresDatabase {
    /// Creates database `name` (letters, digits and underscores) through the server at `url`,
    /// whose user must be allowed to create roles and databases, owned by a new login role of
    /// the same name with a random password — an ordinary role, which row-level security binds.
    /// Returns the URL through which a hub connects to the new database as that role.
    public static func create(_ name: String, on url: String) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let password = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let address = try await run(["CREATE ROLE \(name) LOGIN PASSWORD '\(password)'", "CREATE DATABASE \(name) OWNER \(name)"],
                                    naming: name, on: url)
        return "postgres://\(name):\(password)@\(address.host):\(address.port)/\(name)"
    }

    /// Drops database `name` and its role, as `create` made them, through the server at `url`;
    /// connections still open to it are ended.
    public static func drop(_ name: String, on url: String) async throws {
        try await run(["DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "DROP ROLE IF EXISTS \(name)"], naming: name, on: url)
    }

    /// Runs `statements`, about database and role `name`, through the server at `url`, after
    /// checking the name and that the server answers; returns the server's address.
    @discardableResult
    private static func run(_ statements: [String], naming name: String, on url: String) async throws -> PostgresAddress {
        guard name.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw HubError(.invalidRequest, "'\(name)' is not a database name: use lower-case letters, digits and underscores")
        }
        let address = try PostgresAddress(url: url)
        var logger = Logger(label: "triangulate-hub.postgres")
        logger.logLevel = .error
        try await address.probe(logger: logger)
        let client = PostgresClient(configuration: try address.clientConfiguration(), backgroundLogger: logger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        do {
            for statement in statements { try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
        } catch {
            throw address.explain(error)
        }
        return address
    }
}
