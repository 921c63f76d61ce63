import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The reports page's content: the five reports and the completeness check of `report`, each
/// chart beside its table.
struct ReportPage {
    struct Row {
        let label: String
        let value: Int
    }

    struct Gap {
        let reference: String
        let detail: String
    }

    /// A council's process with a report of its own.
    struct Flow {
        let id: String
        let title: String
        let last: Bool
    }

    let fromField: DateField
    let toField: DateField
    let query: String
    let flows: [Flow]
    let initiated: [Row]
    let initiatedChart: String
    let shared: [ProtocolReport.ExchangeCount]
    let hasShared: Bool
    let sharedChart: String
    let panelsConvened: Int
    let panelsAttended: Int
    let actions: [Row]
    let actionsChart: String
    let completeSummary: String
    let gaps: [Gap]
    let hasGaps: Bool

    init(_ report: ProtocolReport, from: String, to: String, query: String, fromError: String?, toError: String?) {
        fromField = DateField(name: "from", label: "From", example: "2026-04-01", value: from, error: fromError)
        toField = DateField(name: "to", label: "To", example: "2027-03-31", value: to, error: toError)
        self.query = query
        let flows = NodeStore.flows
        self.flows = flows.enumerated().map { Flow(id: $0.element.id, title: $0.element.title, last: $0.offset == flows.count - 1) }
        initiated = [Row(label: "Triggered", value: report.initiated.triggered), Row(label: "Not triggered", value: report.initiated.notTriggered)]
            + ConcernCategory.allCases.map { Row(label: "Triggered: \($0.rawValue)", value: report.initiated.triggeredByCategory[$0] ?? 0) }
        initiatedChart = BarChart(title: "Concerns for which the protocol was or was not initiated",
                                  bars: initiated.map { BarChart.Bar($0.label, $0.value) }).svg
        shared = report.informationShared
        hasShared = !shared.isEmpty
        let months = Dictionary(grouping: shared, by: \.month).map { ($0.key, $0.value.reduce(0) { $0 + $1.count }) }.sorted { $0.0 < $1.0 }
        sharedChart = BarChart(title: "Information shared and received, by month", bars: months.map { BarChart.Bar($0.0, $0.1) }).svg
        panelsConvened = report.panelsConvened
        panelsAttended = report.panelsAttended
        actions = [Row(label: "Agreed", value: report.actions.agreed), Row(label: "Taken", value: report.actions.taken),
                   Row(label: "Not done", value: report.actions.notDone), Row(label: "Overdue", value: report.actions.overdue)]
            + OutcomeType.allCases.compactMap { type in report.actions.outcomes[type].map { Row(label: "Outcome: \(type.rawValue)", value: $0) } }
        actionsChart = BarChart(title: "Actions and outcomes", bars: actions.map { BarChart.Bar($0.label, $0.value) }).svg
        let complete = report.completeness.filter(\.isComplete).count
        completeSummary = "\(complete) of \(report.completeness.count) concerns have the protocol's minimum data."
        gaps = report.completeness.flatMap { check in check.missing.map { Gap(reference: check.reference, detail: $0.detail) } }
        hasGaps = !gaps.isEmpty
    }
}
