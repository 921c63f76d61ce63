import Foundation
import TriangulateModel
import TriangulateNode

/// The protocol report as a table for people and as CSV for spreadsheets.
enum ReportText {
    static func table(_ report: ProtocolReport) -> String {
        let period = "\(report.period.from?.description ?? "the beginning") to \(report.period.to?.description ?? "today")"
        var lines = ["Emerging Concerns Protocol report for \(report.organisation), \(period) (overdue as of \(report.asOf))", ""]
        lines.append("1. Protocol initiated: \(report.initiated.triggered) (decided not to trigger: \(report.initiated.notTriggered))")
        for category in ConcernCategory.allCases {
            if let count = report.initiated.triggeredByCategory[category] { lines.append("     \(category.rawValue): \(count)") }
        }
        lines.append("2. Information shared (anonymised counts):")
        if report.informationShared.isEmpty {
            lines.append("     none")
        } else {
            var table = TextTable("MONTH", "DIRECTION", "COUNTERPART", "CATEGORY", "CLASS", "COUNT")
            for cell in report.informationShared {
                table.add(cell.month, cell.direction.rawValue, cell.counterpart.rawValue, cell.category.rawValue,
                          cell.payloadClass.rawValue, String(cell.count))
            }
            lines += table.rendered.split(separator: "\n").map { "     " + $0 }
        }
        lines.append("3. Panels convened: \(report.panelsConvened)")
        lines.append("4. Panels attended: \(report.panelsAttended)")
        let actions = report.actions
        lines.append("5. Actions agreed: \(actions.agreed), taken: \(actions.taken), not done: \(actions.notDone), overdue: \(actions.overdue)")
        for type in OutcomeType.allCases {
            if let count = actions.outcomes[type] { lines.append("     outcome \(type.rawValue): \(count)") }
        }
        lines.append("")
        let incomplete = report.completeness.filter { !$0.isComplete }
        lines.append("Minimum data: \(report.completeness.count - incomplete.count) of \(report.completeness.count) concerns complete")
        for check in incomplete {
            for gap in check.missing { lines.append("     \(check.reference): \(gap.detail)") }
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ report: ProtocolReport) -> String {
        ReportTable(report).csv.trimmingCharacters(in: .newlines)
    }
}
