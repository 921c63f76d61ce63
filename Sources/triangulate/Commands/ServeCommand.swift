import ArgumentParser
import Foundation
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateNodeWeb
import TriangulateWeb

/// `triangulate serve`: the organisation's web application over this node's store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run this node's web application for the organisation's staff.",
        discussion: """
            Listens on loopback (127.0.0.1:8080) by default. To listen on another address give \
            --tls-certificate and --tls-key (PEM files): plain HTTP is allowed on loopback only. People \
            sign in with the names and passwords of `triangulate user`. Stops cleanly on Ctrl-C or SIGTERM, \
            finishing requests in flight. Logs one line per request on standard error, never what anyone typed.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "host")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port")) var port = 8080
    @Option(help: ArgumentHelp("A PEM certificate chain for TLS.", valueName: "file")) var tlsCertificate: String?
    @Option(help: ArgumentHelp("The PEM private key of that certificate.", valueName: "file")) var tlsKey: String?
    @Option(help: ArgumentHelp("What is logged: trace, debug, info (each request; the default), notice, warning, error or critical.",
                               valueName: "level"))
    var logLevel = "info"

    func run() async throws {
        let application: NodeWebApplication
        do {
            guard (0...65_535).contains(port) else { throw ValidationError("the port must be from 0 to 65535, not \(port)") }
            guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
                throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical, not '\(logLevel)'")
            }
            let store = try NodeStore.open(at: global.storePath)
            store.fileWarning.map { FileHandle.standardError.write(Data("triangulate: \($0)\n".utf8)) }
            if try !store.hasPeople() {
                FileHandle.standardError.write(Data("triangulate: nobody can sign in yet: add an administrator with `triangulate user add NAME --role admin`\n".utf8))
            }
            var logger = Logger(label: "triangulate", factory: { label in StreamLogHandler.standardError(label: label) })
            logger.logLevel = level
            let listen = ListenSettings(host: host, port: port, certificatePath: tlsCertificate, keyPath: tlsKey)
            application = try NodeWebApplication(store: store, listen: listen, logger: logger)
        } catch let error as WebError {
            throw Failure.report(NodeError(.invalidInput, error.message), json: global.json)
        } catch let error as ValidationError {
            throw Failure.report(NodeError(.invalidInput, error.message), json: global.json)
        } catch {
            throw Failure.report(error, json: global.json)
        }
        let json = global.json
        let store = global.storePath
        do {
            try await application.run { url in
                let line = json
                    ? (try? JSONSerialization.data(withJSONObject: ["url": url, "store": store], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
                    : Data("triangulate: the web application is at \(url) (store \(store)); stop it with Ctrl-C".utf8)
                FileHandle.standardOutput.write(line + Data("\n".utf8))
            }
        } catch {
            throw Failure.report(error, json: global.json)
        }
    }
}
