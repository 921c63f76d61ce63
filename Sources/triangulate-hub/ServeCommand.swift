import ArgumentParser
import Foundation
import Logging
import TriangulateHub
import TriangulateWeb

/// `triangulate-hub serve`: runs the HTTP API until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the hub's API (plain HTTP on loopback only; elsewhere give a TLS certificate and key).",
        discussion: """
            Every setting may also come from a TRIANGULATE_HUB_* environment variable or a JSON file \
            (--config FILE, or $TRIANGULATE_HUB_CONFIG), in that order after the options: \
            {"host": "0.0.0.0", "port": 8440, "store": "/var/lib/triangulate/hub.sqlite", \
            "tls": {"certificate": "/etc/triangulate/hub.crt", "key": "/etc/triangulate/hub.key"}, \
            "rate": {"limit": 200}, "log": {"level": "info"}, \
            "console": {"port": 8441, "operators": "/etc/triangulate/console-operators"}} (or "postgres": "postgres://…"); \
            the variables are TRIANGULATE_HUB_HOST, _PORT, _STORE, _POSTGRES, _TLS_CERTIFICATE, \
            _TLS_KEY, _RATE_LIMIT, _LOG_LEVEL, _CONSOLE_PORT, _CONSOLE_HOST and _CONSOLE_OPERATORS. \
            With --console-port and --console-operators, the operators' read-only console runs beside \
            the API on its own port (loopback unless the TLS certificate and key are given).
            """)

    @OptionGroup var options: HubOptions

    @Option(help: ArgumentHelp("A JSON file of settings (see above).", valueName: "file"))
    var config: String?

    @Option(help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on; 0 picks a free one and prints it (default 8440).")
    var port: Int?

    @Option(help: "A PEM file with the TLS certificate chain.")
    var tlsCertificate: String?

    @Option(help: "A PEM file with the TLS private key.")
    var tlsKey: String?

    @Option(help: ArgumentHelp("Run the operators' console on this port (0 picks a free one); it needs --console-operators.", valueName: "port"))
    var consolePort: Int?

    @Option(help: ArgumentHelp("The console's address (default 127.0.0.1; elsewhere it needs the TLS certificate and key).", valueName: "host"))
    var consoleHost: String?

    @Option(help: ArgumentHelp("The console's operators: a file of NAME:BCRYPT-HASH lines (triangulate-hub console add-operator).", valueName: "file"))
    var consoleOperators: String?

    @Option(help: "Requests a second each organisation may make on average (bursts of ten seconds' worth); more get 429 (default 200).")
    var rateLimit: Double?

    @Option(help: ArgumentHelp("What the hub logs on standard error: trace, debug, info (each request and push; the default), notice, warning, error or critical.",
                               valueName: "level"))
    var logLevel: String?

    func run() async throws {
        let server: HubServer
        let hub: Hub
        var console: HubConsole?
        var options = self.options
        do {
            let settings = try await HubSettings.read(file: config ?? ProcessInfo.processInfo.environment["TRIANGULATE_HUB_CONFIG"])
            options.store = options.store ?? settings.string("store")
            options.postgres = options.postgres ?? settings.string("postgres")
            server = HubServer(host: host ?? settings.string("host") ?? "127.0.0.1", port: try port ?? settings.int("port") ?? 8440,
                               certificatePath: tlsCertificate ?? settings.string("tls.certificate"), keyPath: tlsKey ?? settings.string("tls.key"))
            guard (0...65_535).contains(server.port) else { throw ValidationError("the port must be from 0 to 65535, not \(server.port)") }
            let rateLimit = try rateLimit ?? settings.double("rate.limit") ?? 200
            let logLevel = logLevel ?? settings.string("log.level") ?? "info"
            _ = try server.tlsConfiguration()  // refuse a bad configuration before creating any file
            guard rateLimit.isFinite, rateLimit >= 1 else { throw ValidationError("--rate-limit takes at least 1 request a second") }
            guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
                throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical, not '\(logLevel)'")
            }
            var logger = Logger(label: "triangulate-hub", factory: { label in StreamLogHandler.standardError(label: label) })
            logger.logLevel = level
            let consolePort = try consolePort ?? settings.int("console.port")
            let operatorsFile = consoleOperators ?? settings.string("console.operators")
            guard (consolePort == nil) == (operatorsFile == nil) else {
                throw ValidationError("the console needs both --console-port and --console-operators")
            }
            var consoleListen: ListenSettings?
            var operators: ConsoleOperators?
            if let consolePort, let operatorsFile {
                guard (0...65_535).contains(consolePort) else { throw ValidationError("the console's port must be from 0 to 65535, not \(consolePort)") }
                operators = try ConsoleOperators(file: operatorsFile)
                consoleListen = ListenSettings(host: consoleHost ?? settings.string("console.host") ?? "127.0.0.1", port: consolePort,
                                               certificatePath: server.listen.certificatePath, keyPath: server.listen.keyPath)
            }
            let defaults = MatchSettings()
            let matching = MatchSettings(
                quorum: try settings.int("match.quorum") ?? defaults.quorum, windowDays: try settings.int("match.windowDays") ?? defaults.windowDays,
                maximumTokens: try settings.int("match.maximumTokens") ?? defaults.maximumTokens,
                publicationsPerHour: try settings.int("match.publicationsPerHour") ?? defaults.publicationsPerHour,
                newTokensPerDay: try settings.int("match.newTokensPerDay") ?? defaults.newTokensPerDay)
            try matching.validate()
            hub = Hub(store: try await options.openStore(create: true, asService: true), requestsPerSecond: rateLimit, matching: matching, logger: logger)
            if let consoleListen, let operators {
                console = try HubConsole(hub: hub, operators: operators, listen: consoleListen, logger: logger)
            }
        } catch {
            throw fail(error)
        }
        let json = options.json
        let store = options.storeDescription
        do {
            try await server.run(hub, console: console, onListening: { url in
                emit(["url": url, "store": store], text: "triangulate-hub: listening on \(url) (store \(store))", json: json)
            }, onConsoleListening: { url in
                emit(["console": url], text: "triangulate-hub: the operators' console is at \(url)", json: json)
            })
        } catch {
            throw fail(error)
        }
    }
}
