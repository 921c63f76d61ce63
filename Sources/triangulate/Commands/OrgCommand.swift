import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate org`: the organisations this node knows.
struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "List or add the organisations this node knows.",
        subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List the organisations this node knows.")
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let organisations = try store.organisations()
            var table = TextTable("CODE", "ROLE", "KIND", "NAME")
            for org in organisations { table.add(org.code.rawValue, org.role.rawValue, org.kind.rawValue, org.name) }
            return Rendered(json: organisations, text: table.rendered)
        }
    }

    struct Add: NodeCommand {
        static var permission: StaffPermission { .administer }
        static let configuration = CommandConfiguration(
            abstract: "Add a local partner: a council's adult social services, an ICB, a local Healthwatch, a police force.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Its code: 2–24 capitals, digits or hyphens, e.g. KNOWSLEY-ASC.") var code: String
        @Option(help: "Its full name.") var name: String
        @Option(help: ArgumentHelp("What sort of body: \(Organisation.Kind.allCases.map(\.rawValue).joined(separator: "|")).", valueName: "kind"))
        var kind: String
        @Option(help: ArgumentHelp("partner (default), signatory, affiliated, aligned or secretariat.", valueName: "role"))
        var role: String = "partner"

        func execute(_ store: NodeStore) throws -> Rendered {
            let kind = try Organisation.Kind(parsing: kind)
            guard let role = Organisation.Role(rawValue: role.lowercased()) else {
                throw ModelError(.invalidValue, "unknown role '\(self.role)': use one of \(Organisation.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let org = try store.addOrganisation(
                Organisation(code: try Parse.org(code), name: name, kind: kind, role: role), by: global.userName)
            struct Added: Encodable { let id: String; let organisation: Organisation }
            return Rendered(json: Added(id: org.code.rawValue, organisation: org), text: "Added \(org.code) \(org.name)")
        }
    }
}
