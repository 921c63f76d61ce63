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
        "Who you are: a person of this node (`triangulate user list`); default: $TRIANGULATE_USER.", valueName: "name"))
    var user: String?

    /// The store path, resolved from the option, the environment, then the default.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TRIANGULATE_STORE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "triangulate.sqlite"
    }

    /// The person acting, from the option, then the environment; empty when neither says.
    /// Never the login name: a step is recorded under a person of the node, not an account.
    var userName: String {
        if let user, !user.isEmpty { return user }
        return ProcessInfo.processInfo.environment["TRIANGULATE_USER"] ?? ""
    }
}
