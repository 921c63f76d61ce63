import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate action`: actions agreed as a result of the protocol, and whether they were taken.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Record actions agreed and taken.",
        subcommands: [Add.self, List.self, Start.self, Done.self, NotDone.self, Supersede.self])

    struct Add: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record an action agreed on a concern.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(help: ArgumentHelp("The organisation that owns it.", valueName: "code")) var owner: String
        @Option(help: "The person who owns it.") var ownerName: String?
        @Option(help: "What is to be done.") var summary: String
        @Option(help: ArgumentHelp("When it is due.", valueName: "date")) var due: String
        @Option(help: ArgumentHelp("The panel that agreed it, e.g. ECP-2026-0001/P1.", valueName: "panel")) var panel: String?
        @Flag(help: "It is regulatory activity (inspection, fitness-to-practise referral, enforcement).") var regulatory = false
        @Option(help: ArgumentHelp("The day it was agreed (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let action = try store.addAction(concern, ActionInput(
                ownerOrg: try Parse.org(owner), owner: ownerName, summary: summary, agreedOn: try Parse.date(on),
                dueBy: try LocalDate(parsing: due), panel: panel, isRegulatoryActivity: regulatory), by: global.userName)
            return Rendered(json: action, text: "Agreed " + Describe.action(action) + "  id \(action.id)")
        }
    }

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List actions by due date.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only actions not yet done.") var open = false
        @Flag(help: "Only actions past their due date.") var overdue = false
        @Option(help: ArgumentHelp("With --overdue: the day to count from (default today).", valueName: "date")) var asOf: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let actions = try store.listActions(openOnly: open, overdueOn: overdue ? try Parse.date(asOf) : nil)
            return Rendered(json: actions, text: actions.isEmpty ? "No actions." : actions.map(Describe.action).joined(separator: "\n"))
        }
    }

    struct Start: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record that work on an action has started.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action, e.g. ECP-2026-0001/A1.") var action: String
        func execute(_ store: NodeStore) throws -> Rendered {
            try step(store, action, .start, nil, nil, global)
        }
    }

    struct Done: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record that an action was taken, with its evidence.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action.") var action: String
        @Option(help: "The evidence that it was taken.") var evidence: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?
        func execute(_ store: NodeStore) throws -> Rendered {
            try step(store, action, .complete, evidence, on, global)
        }
    }

    struct NotDone: NodeCommand {
        static let configuration = CommandConfiguration(commandName: "not-done", abstract: "Record that an action was not done, with the reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action.") var action: String
        @Option(help: "Why it was not done.") var reason: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?
        func execute(_ store: NodeStore) throws -> Rendered {
            try step(store, action, .abandon, reason, on, global)
        }
    }

    struct Supersede: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record that an action was superseded.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The action.") var action: String
        @Option(help: "By what.") var note: String?
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?
        func execute(_ store: NodeStore) throws -> Rendered {
            try step(store, action, .supersede, note, on, global)
        }
    }
}

private func step(_ store: NodeStore, _ reference: String, _ event: ActionLifecycle.Event, _ evidence: String?,
                  _ on: String?, _ global: GlobalOptions) throws -> Rendered {
    let action = try store.advanceAction(reference, event, on: try Parse.date(on), evidence: evidence, by: global.userName)
    return Rendered(json: action, text: Describe.action(action))
}
