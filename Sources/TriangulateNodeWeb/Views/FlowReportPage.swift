import TriangulateModel
import TriangulateWeb

/// A council's process report page: `report`'s figures as tables and charts.
struct FlowReportPage {
    struct Stage {
        let stage: String
        let open: Int
        let completedStays: Int
        let median: String
        let longest: String
    }

    let process: String
    let fromField: DateField
    let toField: DateField
    let query: String
    let opened: Int
    let closed: Int
    let stages: [Stage]
    let stagesChart: String
    let clocks: [FlowReport.ClockFigures]
    let deadlinesChart: String

    init(_ report: FlowReport, from: String, to: String, query: String, fromError: String?, toError: String?) {
        process = report.process
        fromField = DateField(name: "from", label: "From", example: "2026-01-01", value: from, error: fromError)
        toField = DateField(name: "to", label: "To", example: "2026-12-31", value: to, error: toError)
        self.query = query
        opened = report.opened
        closed = report.closed
        stages = report.stages.map { Stage(stage: $0.stage, open: $0.open, completedStays: $0.completedStays,
                                           median: $0.medianDays.map(String.init) ?? "–", longest: $0.longestDays.map(String.init) ?? "–") }
        stagesChart = BarChart(title: "Cases open at the end of the period, by stage", bars: report.stages.map { BarChart.Bar($0.stage, $0.open) }).svg
        clocks = report.clocks
        deadlinesChart = BarChart(title: "Deadlines missed, by deadline", bars: report.clocks.map { BarChart.Bar($0.what, $0.missed) }).svg
    }
}
