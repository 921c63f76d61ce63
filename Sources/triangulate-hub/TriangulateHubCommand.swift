import ArgumentParser
import Foundation
import TriangulateHub
import TriangulateModel
import TriangulateProtocol
import TriangulateHubPostgres

/// The hub's command line: run the server, and the operator's commands on its store.
@main
struct TriangulateHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate-hub",
        abstract: "Run the Triangulate hub, which relays minimised, signed records between organisations on a need-to-know basis.",
        discussion: """
            Every command works on one hub store: --postgres URL (or $TRIANGULATE_HUB_POSTGRES) for a \
            PostgreSQL database shared by several hub processes, else the SQLite file --store PATH, \
            else $TRIANGULATE_HUB_STORE, else ./triangulate-hub.sqlite. Every command takes --json.
            Start with `triangulate-hub serve`, then `triangulate-hub org add CODE --name NAME` for each organisation.
            """,
        subcommands: [ServeCommand.self, OrgCommand.self, AuditCommand.self, MatchCommand.self, ConsoleCommand.self])
}

/// Options every hub command takes.
struct HubOptions: ParsableArguments {
    @Option(help: "The hub store file (default: $TRIANGULATE_HUB_STORE, else ./triangulate-hub.sqlite).")
    var store: String?

    @Option(help: "A PostgreSQL database for the hub store, postgres://USER:PASSWORD@HOST:PORT/DATABASE, as the hub's own role: not a superuser, which row-level security would not bind (ops/hub/postgres-setup.sql makes it). Default: $TRIANGULATE_HUB_POSTGRES.")
    var postgres: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    var storePath: String { store ?? ProcessInfo.processInfo.environment["TRIANGULATE_HUB_STORE"] ?? "triangulate-hub.sqlite" }

    /// The PostgreSQL URL, from the option or the environment.
    var postgresURL: String? { postgres ?? ProcessInfo.processInfo.environment["TRIANGULATE_HUB_POSTGRES"] }

    /// Opens the hub store: PostgreSQL when a URL is given, else the SQLite file, created only
    /// when `create` is true. `asService` leaves a PostgreSQL store unconnected, for the
    /// server's service group to run and prepare.
    func openStore(create: Bool = false, asService: Bool = false) async throws -> any HubStore {
        if let url = postgresURL { return asService ? try PostgresHubStore(url: url) : try await PostgresHubStore.connect(url: url) }
        let store = try SQLiteHubStore(path: storePath, create: create)
        PrivateFile.exposure(of: storePath).map { FileHandle.standardError.write(Data("triangulate-hub: \($0)\n".utf8)) }
        return store
    }

    /// Where the store is, for messages.
    var storeDescription: String { postgresURL.map { _ in "PostgreSQL" } ?? storePath }
}

/// Prints `value` as JSON or `text`.
func emit(_ value: some Encodable, text: String, json: Bool) {
    var output = text
    if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        output = String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
    // Written straight to the file descriptor, unbuffered: a script waiting for the hub's
    // "listening" line gets it at once.
    FileHandle.standardOutput.write(Data((output + "\n").utf8))
}

/// One line on standard error and exit code 1.
func fail(_ error: any Error) -> ExitCode {
    let message = (error as? HubError)?.message ?? "\(error)"
    FileHandle.standardError.write(Data("triangulate-hub: \(message)\n".utf8))
    return ExitCode(1)
}
