import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate series`: standing series of meetings (seed 003) — a council area's CQC–ADASS
/// information-sharing meetings, a region's, the first meeting with a new DASS.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Run a standing series of meetings: CQC–ADASS local, regional, or a new DASS's first.",
        discussion: """
            Defaults follow seed 003: a local series (adass-local) meets at least every 2 months, its \
            chair rotating among --chairs every 6 months, each invited agency's template due 2 calendar \
            days before each meeting; a regional series (adass-regional) at least every 6 months; a new \
            DASS's first meeting (adass-new-dass) within 3 months of their start (--starts). Change them \
            with --cadence, --chair-period and --template-lead (\"2 working days\", \"10 calendar days\", \
            \"3 months\"). The worklist shows each series' next meeting, templates due and overdue actions.
            """,
        subcommands: [Create.self, Show.self, List.self, Meeting.self])

    struct Create: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Set up a series.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("adass-local, adass-regional or adass-new-dass.", valueName: "kind")) var kind: String
        @Option(help: "Its name, e.g. \"Knowsley CQC–ADASS information sharing\".") var title: String
        @Option(help: ArgumentHelp("The day it starts (the first chair's term starts then).", valueName: "date")) var starts: String
        @Option(help: ArgumentHelp("The chairs in turn, comma-separated, e.g. CQC,KNOWSLEY-ASC.", valueName: "codes")) var chairs: String
        @Option(help: ArgumentHelp("The other organisations invited, comma-separated.", valueName: "codes")) var invite: String?
        @Option(help: ArgumentHelp("The longest gap between meetings, e.g. \"2 months\".", valueName: "span")) var cadence: String?
        @Option(name: .customLong("chair-period"), help: ArgumentHelp("How long each chair serves, e.g. \"6 months\".", valueName: "span"))
        var chairPeriod: String?
        @Option(name: .customLong("template-lead"), help: ArgumentHelp("How long before a meeting templates are due, e.g. \"2 working days\".", valueName: "span"))
        var templateLead: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            func span(_ text: String?) throws -> ClockSpan? { try text.map { try ClockSpan(parsing: $0) } }
            let dossier = try store.createSeries(NewSeries(
                kind: kind, title: title, startsOn: try LocalDate(parsing: starts), chairs: try Parse.orgs(chairs)?.map(\.rawValue) ?? [],
                invitees: try Parse.orgs(invite)?.map(\.rawValue) ?? [], cadence: try span(cadence), chairPeriod: try span(chairPeriod),
                templateLead: try span(templateLead)), by: global.userName)
            return Rendered(json: dossier, text: "Set up " + SeriesCommand.describe(dossier))
        }
    }

    struct Show: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Show a series: its chair now and for the next year, its next meeting due, its meetings.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The series, e.g. SER-2026-0001.") var series: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.series(series)
            var lines = [SeriesCommand.describe(dossier), "  Chairs for the next year:"]
            lines += dossier.chairTerms.map { "    \($0.from) to \($0.to): \($0.chair)" }
            lines += dossier.meetings.map { "  \($0.reference) \($0.date), chaired by \($0.chair), minutes \($0.minutesState.rawValue)" }
            return Rendered(json: dossier, text: lines.joined(separator: "\n"))
        }
    }

    struct List: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List the series.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let all = try store.seriesList()
            let rows = all.map { [$0.series.reference, $0.series.kind, $0.chairToday.rawValue, $0.nextDue?.description ?? "met", $0.series.title] }
            return Rendered(json: all, text: all.isEmpty ? "No series." : TextTable.render(["REFERENCE", "KIND", "CHAIR NOW", "NEXT DUE", "TITLE"], rows))
        }
    }

    struct Meeting: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Set up the series' meeting on a day: chaired by whoever's turn it is, its invitees invited.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The series.") var series: String
        @Option(help: ArgumentHelp("The meeting's day.", valueName: "date")) var on: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.scheduleSeriesMeeting(series, on: try LocalDate(parsing: on), by: global.userName)
            return Rendered(json: dossier, text: "Set up " + MeetingCommand.describe(dossier))
        }
    }

    static func describe(_ dossier: SeriesDossier) -> String {
        let series = dossier.series
        return """
            \(series.reference) \(series.title) (\(series.kind))
              Every \(series.cadence) at most\(series.repeats ? "" : ", once"); chairs \(series.chairs.map(\.rawValue).joined(separator: ", ")) in turn, \(series.chairPeriod) each; templates \(series.templateLead) before
              Chair today: \(dossier.chairToday); next meeting due: \(dossier.nextDue?.description ?? "none (met)")
            """
    }
}
