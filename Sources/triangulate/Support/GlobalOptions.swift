import ArgumentParser
import Foundation

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The node store file (default: $TRIANGULATE_STORE, else ./triangulate.sqlite).", valueName: "path"))
    var store: String?

    @Flag(name: .long, help: "Print one JSON value instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Who is recording this (default: $TRIANGULATE_USER, else the login name).", valueName: "name"))
    var user: String?

    /// The store path, resolved from the option, the environment, then the default.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TRIANGULATE_STORE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "triangulate.sqlite"
    }

    /// The user, resolved from the option, the environment, then the login name.
    var userName: String {
        if let user, !user.isEmpty { return user }
        let environment = ProcessInfo.processInfo.environment
        return environment["TRIANGULATE_USER"] ?? environment["USER"] ?? ProcessInfo.processInfo.userName
    }
}
