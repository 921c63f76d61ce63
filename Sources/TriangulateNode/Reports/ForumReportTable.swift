import TriangulateModel

/// The Forum secretariat's report as one long table — what `forum report --format csv` prints:
/// one row per grouping, group and measure, counts only.
public struct ForumReportTable: Sendable {
    /// The column headings.
    public static let headings = ["grouping", "group", "measure", "count"]

    /// The rows, in the report's order.
    public let rows: [[String]]

    /// The table of `report`.
    public init(_ report: ForumReport) {
        var rows: [[String]] = []
        func add(_ grouping: String, _ group: String, _ counts: ForumReport.Counts) {
            for (measure, count) in Self.measures(counts) { rows.append([grouping, group, measure, String(count)]) }
        }
        add("all", "all", report.total)
        for group in report.byQuarter { add("quarter", group.key, group.counts) }
        for group in report.byCategory { add("category", group.key, group.counts) }
        for group in report.bySignatory { add("signatory", group.key, group.counts) }
        self.rows = rows
    }

    /// The measures of `counts`, in order: uses, panel decisions, panels held, outcomes by type
    /// (no further action included), uses awaiting an outcome, actions and actions by state.
    public static func measures(_ counts: ForumReport.Counts) -> [(String, Int)] {
        var measures: [(String, Int)] = [("uses", counts.uses), ("panels_called", counts.panelsCalled),
                                         ("panels_not_called", counts.panelsNotCalled), ("panels_held", counts.panelsHeld)]
        measures += OutcomeType.allCases.map { ("outcome:\($0.rawValue)", counts.outcomes[$0.rawValue] ?? 0) }
        measures += [("awaiting_outcome", counts.awaitingOutcome), ("actions", counts.actions)]
        measures += ActionLifecycle.State.allCases.map { ("actions:\($0.rawValue)", counts.actionStates[$0.rawValue] ?? 0) }
        return measures
    }

    /// The table as CSV (RFC 4180), headings first.
    public var csv: String {
        ([Self.headings] + rows).map { $0.map(ReportTable.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
