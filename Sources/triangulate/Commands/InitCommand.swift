import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate init`: creates the organisation's store.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create this organisation's node store.",
        discussion: """
            Refuses to touch an existing file. The store is seeded with the \(OrganisationRegistry.ecp2021.version) list of \
            organisations and the local panel agenda template. An organisation not on that list (a local \
            Healthwatch, a council, an ICB) gives its --name and --kind: \
            `triangulate init --org HWKENT --name "Healthwatch Kent" --kind healthwatch`.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("This node's organisation, e.g. CQC (see the list in docs/node-guide.md).", valueName: "code"))
    var org: String

    @Option(help: ArgumentHelp("For an organisation not on the list: its name.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("For an organisation not on the list: \(Organisation.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: String?

    func run() throws {
        do {
            let code = try Parse.org(org)
            var own: Organisation?
            if let name {
                let kind = try kind.map { text in
                    guard let kind = Organisation.Kind(rawValue: text.lowercased()) else {
                        throw NodeError(.invalidInput, "unknown kind '\(text)': use one of \(Organisation.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return kind
                } ?? .other
                own = Organisation(code: code, name: name.trimmingCharacters(in: .whitespaces), kind: kind, role: .partner)
            }
            let store = try NodeStore.create(at: global.storePath, organisation: code, own: own, by: global.userName)
            struct Created: Encodable { let store: String; let organisation: String; let registryVersion: String }
            Rendered(
                json: Created(store: store.path, organisation: code.rawValue, registryVersion: OrganisationRegistry.ecp2021.version),
                text: "Created \(store.path) for \(code). Next: triangulate concern add --help (or escalation open --help, for a local Healthwatch)"
            ).print(json: global.json)
        } catch {
            throw Failure.report(error)
        }
    }
}
