import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate outcome`: the outcome of a concern and its sharing.
struct OutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Record a concern's outcome (no further action included) and share it.",
        subcommands: [Record.self, Share.self], defaultSubcommand: Record.self)

    struct Record: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record the outcome, including no further action.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(help: ArgumentHelp(OutcomeType.acceptedValues, valueName: "type")) var type: String
        @Option(help: "A summary of the outcome.") var summary: String
        @Option(help: ArgumentHelp("The day it was decided (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let outcome = try store.recordOutcome(concern, type: try .parse(type), summary: summary, on: try Parse.date(on), by: global.userName)
            return Rendered(json: outcome, text: "Outcome \(outcome.type.rawValue) recorded on \(outcome.decidedOn), id \(outcome.id). Next: triangulate outcome share \(concern)")
        }
    }

    struct Share: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the outcome went to all partners and the Forum secretariat.",
            discussion: "Without --with it goes to every organisation involved in the concern, and the Forum secretariat.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(name: .customLong("with"), help: ArgumentHelp("Comma-separated organisation codes; must include the Forum secretariat (HSCRF).", valueName: "codes"))
        var recipients: String?
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let outcome = try store.shareOutcome(concern, with: try Parse.orgs(recipients), on: try Parse.date(on), by: global.userName)
            return Rendered(json: outcome, text: "Outcome shared on \(outcome.sharedOn?.description ?? "") with \(outcome.sharedWith.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
