import ArgumentParser

/// The node's command-line interface: one command for every step of each process
/// (`ProcessCommands`), recorded in this organisation's own store, and the node's own commands.
@main
struct Triangulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate",
        abstract: "Record your organisation's use of the Emerging Concerns Protocol and its neighbouring processes, offline, and report on it.",
        discussion: """
            Every command works on one store file: --store PATH, else $TRIANGULATE_STORE, else \
            ./triangulate.sqlite. Every command takes --json. Dates are YYYY-MM-DD and default to today.
            Start with `triangulate init --org CODE`, or try `triangulate demo`. To share with other \
            organisations: `triangulate enrol`, `triangulate share`, `triangulate sync`.
            """,
        subcommands: [InitCommand.self, DemoCommand.self, OrgCommand.self, ProviderCommand.self] + ProcessCommands.all + [
            EnrolCommand.self, ShareCommand.self, SyncCommand.self, MatchCommand.self, RejoinCommand.self, ReceivedCommand.self, DueCommand.self,
            CalendarCommand.self, CorrectCommand.self, UserCommand.self, ServeCommand.self,
        ]
    )

    static func main() async {
        await main(GlobalArguments.reordered(Array(CommandLine.arguments.dropFirst())))
    }
}
