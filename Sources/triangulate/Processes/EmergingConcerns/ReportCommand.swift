import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate report`: the protocol's five measures and the minimum-data check.
struct ReportCommand: NodeCommand {
    static var permission: StaffPermission { .read }
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the protocol's five measures and the minimum-data check for each concern.",
        discussion: """
            1 times this organisation initiated the protocol (and decided not to); 2 anonymised counts of information \
            shared, by month, direction, counterpart, category and payload class — never a subject; 3 panels convened; \
            4 panels attended; 5 actions agreed, taken and overdue, and outcomes. Overdue is counted on --to (default today).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The first day covered.", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The last day covered; overdue actions are counted on it (default today).", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("table, csv or json (--json also gives json).", valueName: "format")) var format: String = "table"

    enum Format: String, Choice {
        case table, csv, json
        static let choiceName = "report format"
    }

    func execute(_ store: NodeStore) throws -> Rendered {
        let format = try Format.parse(self.format)
        let start = try Parse.optionalDate(from)
        let end = try Parse.optionalDate(to)
        let report = try store.report(period: try ReportPeriod(from: start, to: end), asOf: end ?? LondonMoment(Date()).date)
        switch format {
        case .json: return Rendered(json: report, text: "")
        case .csv: return Rendered(json: report, text: ReportText.csv(report))
        case .table: return Rendered(json: report, text: ReportText.table(report))
        }
    }

    var printsJSON: Bool { global.json || (try? Format.parse(format)) == .json }
}
