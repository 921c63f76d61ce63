import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate init`: creates the organisation's store.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create this organisation's node store.",
        discussion: "Refuses to touch an existing file. The store is seeded with the \(OrganisationRegistry.ecp2021.version) list of organisations and the local panel agenda template."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("This node's organisation, e.g. CQC (see the list in docs/node-guide.md).", valueName: "code"))
    var org: String

    func run() throws {
        do {
            let code = try Parse.org(org)
            let store = try NodeStore.create(at: global.storePath, organisation: code, by: global.userName)
            struct Created: Encodable { let store: String; let organisation: String; let registryVersion: String }
            Rendered(
                json: Created(store: store.path, organisation: code.rawValue, registryVersion: OrganisationRegistry.ecp2021.version),
                text: "Created \(store.path) for \(code). Next: triangulate concern add --help"
            ).print(json: global.json)
        } catch {
            throw Failure.report(error)
        }
    }
}
