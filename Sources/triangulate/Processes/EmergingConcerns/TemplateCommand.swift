import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate template`: the editable panel agenda template.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Show or replace the panel agenda template (a local template until you paste in Annex F).",
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    struct Show: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "Show the agenda template.")
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let template = try store.agendaTemplate()
            return Rendered(json: template, text: ([template.label] + template.items.enumerated().map { "  \($0 + 1). \($1)" }).joined(separator: "\n"))
        }
    }

    struct Set: NodeCommand {
        static var permission: StaffPermission { .administer }
        static let configuration = CommandConfiguration(abstract: "Replace the agenda template: one item per line.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("A file with one item per line, or - for standard input.", valueName: "path")) var file: String
        @Option(help: "Where the template comes from, e.g. \"ECP Annex F (2021)\".") var label: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let items = try Parse.file(file).split(whereSeparator: \.isNewline).map(String.init)
            let template = try store.setAgendaTemplate(AgendaTemplate(label: label, items: items), by: global.userName)
            return Rendered(json: template, text: "Agenda template replaced: \(template.items.count) items.")
        }
    }
}
