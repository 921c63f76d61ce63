import TriangulateModel

/// A flow process's report as one table — what `case report --format csv` prints: one row per
/// measure, counts and days only, never a reference or a name.
public struct FlowReportTable: Sendable {
    /// The column headings.
    public static let headings = ["measure", "of", "value"]

    /// The rows, in the report's order.
    public let rows: [[String]]

    /// The table of `report`.
    public init(_ report: FlowReport) {
        var rows: [[String]] = [["opened", "", String(report.opened)], ["closed", "", String(report.closed)]]
        for (state, count) in report.closedBy.sorted(by: { $0.key < $1.key }) { rows.append(["closed_as", state, String(count)]) }
        for stage in report.stages {
            rows.append(["open_at_end", stage.stage, String(stage.open)])
            rows.append(["stays_completed", stage.stage, String(stage.completedStays)])
            if let median = stage.medianDays { rows.append(["stay_median_days", stage.stage, String(median)]) }
            if let longest = stage.longestDays { rows.append(["stay_longest_days", stage.stage, String(longest)]) }
        }
        for clock in report.clocks {
            rows.append(["deadline_met", clock.clock, String(clock.met)])
            rows.append(["deadline_missed", clock.clock, String(clock.missed)])
            rows.append(["deadline_running", clock.clock, String(clock.running)])
        }
        self.rows = rows
    }

    /// The table as CSV (RFC 4180), headings first.
    public var csv: String {
        ([Self.headings] + rows).map { $0.map(ReportTable.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
