import ArgumentParser
import Foundation
import Logging
import TriangulateHub

/// `triangulate-hub serve`: runs the HTTP API until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the hub's API (plain HTTP on loopback only; elsewhere give a TLS certificate and key).")

    @OptionGroup var options: HubOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one and prints it.")
    var port = 8440

    @Option(help: "A PEM file with the TLS certificate chain.")
    var tlsCertificate: String?

    @Option(help: "A PEM file with the TLS private key.")
    var tlsKey: String?

    @Option(help: "Requests a second each organisation may make on average (bursts of ten seconds' worth); more get 429.")
    var rateLimit: Double = 200

    @Option(help: ArgumentHelp("What the hub logs on standard error: trace, debug, info (each request and push), notice, warning, error or critical.",
                               valueName: "level"))
    var logLevel = "info"

    func run() async throws {
        let server = HubServer(host: host, port: port, certificatePath: tlsCertificate, keyPath: tlsKey)
        let hub: Hub
        do {
            _ = try server.tlsConfiguration()  // refuse a bad configuration before creating any file
            guard rateLimit.isFinite, rateLimit >= 1 else { throw ValidationError("--rate-limit takes at least 1 request a second") }
            guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
                throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical, not '\(logLevel)'")
            }
            var logger = Logger(label: "triangulate-hub", factory: { label in StreamLogHandler.standardError(label: label) })
            logger.logLevel = level
            hub = Hub(store: try await options.openStore(create: true), requestsPerSecond: rateLimit, logger: logger)
        } catch {
            throw fail(error)
        }
        let json = options.json
        let store = options.storeDescription
        do {
            try await server.run(hub) { url in
                emit(["url": url, "store": store], text: "triangulate-hub: listening on \(url) (store \(store))", json: json)
            }
        } catch {
            throw fail(error)
        }
    }
}
