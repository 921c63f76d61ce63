import ArgumentParser

/// The commands of each process, in registry order: with `ProcessRegistry` in the node, the
/// place a process is registered.
enum ProcessCommands {
    /// The Emerging Concerns Protocol's commands, then each later process's.
    static let all: [any ParsableCommand.Type] = [
        ConcernCommand.self, ContactCommand.self, RequestCommand.self, PanelCommand.self, ActionCommand.self, OutcomeCommand.self,
        ReviewCommand.self, ReportCommand.self, TemplateCommand.self, ForumCommand.self,
        EscalationCommand.self,
        MeetingCommand.self, SeriesCommand.self, CaseCommand.self,
        OmbudsmanCommand.self,
    ]
}
