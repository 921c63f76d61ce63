import ArgumentParser

/// The node's command-line interface: one command for every step of the Emerging Concerns
/// Protocol, recorded in this organisation's own store.
@main
struct Triangulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triangulate",
        abstract: "Record your organisation's use of the Emerging Concerns Protocol, offline, and report on it.",
        discussion: """
            Every command works on one store file: --store PATH, else $TRIANGULATE_STORE, else \
            ./triangulate.sqlite. Every command takes --json. Dates are YYYY-MM-DD and default to today.
            Start with `triangulate init --org CODE`, or try `triangulate demo`. To share with other \
            organisations: `triangulate enrol`, `triangulate share`, `triangulate sync`.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, OrgCommand.self, ConcernCommand.self, ContactCommand.self,
            RequestCommand.self, PanelCommand.self, ActionCommand.self, OutcomeCommand.self, ReviewCommand.self,
            ReportCommand.self, TemplateCommand.self, EnrolCommand.self, ShareCommand.self, SyncCommand.self, RejoinCommand.self,
            ReceivedCommand.self, DueCommand.self, CalendarCommand.self,
        ]
    )

    static func main() async {
        await main(GlobalArguments.reordered(Array(CommandLine.arguments.dropFirst())))
    }
}
