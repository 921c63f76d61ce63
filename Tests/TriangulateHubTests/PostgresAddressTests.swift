import Foundation
import Testing
import TriangulateHub
import TriangulateHubPostgres

/// The PostgreSQL URL's TLS settings: refused when they make no sense, before any connection;
/// TLS asked of a server that has none fails, never falls back to plain TCP.
@Suite("PostgreSQL addresses and TLS")
struct PostgresAddressTests {
    @Test(arguments: [
        ("postgres://hub@db.example/hub?sslmode=bogus", "sslmode=bogus is not one the hub takes"),
        ("postgres://hub@db.example/hub?sslmode=prefer", "sslmode=prefer is not one the hub takes"),
        ("postgres://hub@db.example/hub?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "cannot read the CA certificates"),
        ("postgres://hub@127.0.0.1/hub?sslrootcert=/etc/ca.pem", "read only with sslmode=verify-full"),
        ("postgres://hub@db.example/hub?application_name=x", "'application_name' is not a parameter"),
        ("mysql://hub@db.example/hub", "is not a PostgreSQL URL"),
    ])
    func nonsenseIsRefusedBeforeConnecting(_ url: String, _ message: String) async {
        do {
            _ = try await PostgresHubStore.connect(url: url)
            Issue.record("\(url) was accepted")
        } catch let error as HubError {
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("\(url): \(error)")
        }
    }

    /// The test server speaks no TLS: asked for it, the hub refuses to connect rather than
    /// fall back to plain TCP.
    @Test(.enabled(if: HubStoreConformanceTests.postgresURL != nil, "needs TRIANGULATE_POSTGRES_URL"))
    func tlsAskedOfAServerWithoutItFails() async throws {
        let server = try #require(HubStoreConformanceTests.postgresURL)
        for mode in ["require", "verify-full"] {
            do {
                _ = try await PostgresHubStore.connect(url: server + (server.contains("?") ? "&" : "?") + "sslmode=\(mode)")
                Issue.record("sslmode=\(mode) connected to a server without TLS")
            } catch let error as HubError {
                #expect(error.message.lowercased().contains("ssl") || error.message.contains("TLS"), "sslmode=\(mode): \(error.message)")
            }
        }
    }
}
