import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate forum`: the Forum secretariat's side of the protocol.
struct ForumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forum", abstract: "The Forum secretariat's report across every signatory's panel records and outcomes.",
        subcommands: [Report.self])

    struct Report: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(
            abstract: "Report the uses of the protocol the signatories sent this node, for a Forum meeting.",
            discussion: """
                Counts the forum records received (each signatory's panel records and outcomes, no further action \
                included), by quarter, category and signatory: uses, decisions to call a panel or not, panels held, \
                outcomes by type, actions by state. Anonymised: counts only, never a reference, a name or a concern's text. \
                A use counts in the period its concern was identified in.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The first day covered.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("The last day covered.", valueName: "date")) var to: String?
        @Option(help: ArgumentHelp("table, csv or json (--json also gives json).", valueName: "format")) var format: String = "table"

        func execute(_ store: NodeStore) throws -> Rendered {
            let format = try ReportCommand.Format.parse(self.format)
            let report = try store.forumReport(period: try ReportPeriod(from: try Parse.optionalDate(from), to: try Parse.optionalDate(to)))
            switch format {
            case .json: return Rendered(json: report, text: "")
            case .csv: return Rendered(json: report, text: ForumReportTable(report).csv)
            case .table: return Rendered(json: report, text: Self.table(report))
            }
        }

        var printsJSON: Bool { global.json || (try? ReportCommand.Format.parse(format)) == .json }

        /// The report as a text table: one column per group, one row per measure that is not zero everywhere.
        static func table(_ report: ForumReport) -> String {
            guard report.total.uses > 0 else { return "No panel records or outcomes received for this period." }
            let groups = [("all", report.total)] + (report.byQuarter + report.byCategory + report.bySignatory).map { ($0.key, $0.counts) }
            let columns = groups.map { ForumReportTable.measures($0.1) }
            let rows = ForumReportTable.measures(report.total).indices.compactMap { index -> [String]? in
                guard columns.contains(where: { $0[index].1 > 0 }) else { return nil }
                return [columns[0][index].0] + columns.map { String($0[index].1) }
            }
            return TextTable.render(["MEASURE"] + groups.map { $0.0.uppercased() }, rows)
        }
    }
}
