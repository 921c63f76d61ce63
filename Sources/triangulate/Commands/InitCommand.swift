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
            organisations and the local panel agenda template. Any other organisation — a council's adult \
            social services, an ICB, an NHS trust, a police force, a local Healthwatch, a provider — gives \
            its --name and --kind: `triangulate init --org KNOWSLEY-ASC --name "Knowsley Council adult social \
            services" --kind council`. --nation sets whose bank holidays its deadlines count (default \
            england-and-wales; change it later with `calendar nation`).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("This node's organisation, e.g. CQC (see the list in docs/node-guide.md).", valueName: "code"))
    var org: String

    @Option(help: ArgumentHelp("For an organisation not on the list: its name.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("For an organisation not on the list: \(Organisation.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Whose bank holidays its deadlines count: england-and-wales (default), scotland or northern-ireland.", valueName: "nation"))
    var nation: String?

    func run() throws {
        do {
            let code = try Parse.org(org)
            var own: Organisation?
            switch (name, kind) {
            case (let name?, let kind?):
                own = Organisation(code: code, name: name.trimmingCharacters(in: .whitespaces), kind: try Organisation.Kind(parsing: kind), role: .partner)
            case (nil, nil):
                own = nil
            case (nil, _):
                throw NodeError(.invalidInput, "give the organisation's --name with its --kind")
            case (_, nil):
                throw NodeError(.invalidInput, "give the organisation's --kind with its --name: one of \(Organisation.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let nation = try nation.map { text throws(ModelError) in try Nation(parsing: text) }
            let store = try NodeStore.create(at: global.storePath, organisation: code, own: own, by: global.userName)
            if let nation { try store.setDefaultNation(nation, by: global.userName) }
            struct Created: Encodable { let store: String; let organisation: String; let registryVersion: String; let nation: String }
            Rendered(
                json: Created(store: store.path, organisation: code.rawValue, registryVersion: OrganisationRegistry.ecp2021.version,
                             nation: (nation ?? .englandAndWales).rawValue),
                text: "Created \(store.path) for \(code). Next: triangulate concern add --help (a council: case open --help; a local Healthwatch: escalation open --help)"
            ).print(json: global.json)
        } catch {
            throw Failure.report(error)
        }
    }
}
