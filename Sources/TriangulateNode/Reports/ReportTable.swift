import Foundation
import TriangulateModel

/// The protocol report as one table of measures — what the CSV and XLSX downloads hold and
/// what the command line's `report --format csv` prints: one row per measure and cell, counts
/// only, never a name.
public struct ReportTable: Sendable {
    /// The column headings.
    public static let headings = ["measure", "month", "direction", "counterpart", "category", "payload_class", "detail", "count"]

    /// The rows, in the report's order; each as many fields as `headings`.
    public let rows: [[String]]

    /// The table of `report`.
    public init(_ report: ProtocolReport) {
        var rows: [[String]] = []
        func row(_ measure: String, category: String = "", detail: String = "", _ count: Int) {
            rows.append([measure, "", "", "", category, "", detail, String(count)])
        }
        row("initiated", report.initiated.triggered)
        row("not_triggered", report.initiated.notTriggered)
        for category in ConcernCategory.allCases {
            if let count = report.initiated.triggeredByCategory[category] { row("initiated", category: category.rawValue, count) }
        }
        for cell in report.informationShared {
            rows.append(["information_shared", cell.month, cell.direction.rawValue, cell.counterpart.rawValue,
                         cell.category.rawValue, cell.payloadClass.rawValue, "", String(cell.count)])
        }
        row("panels_convened", report.panelsConvened)
        row("panels_attended", report.panelsAttended)
        row("actions_agreed", report.actions.agreed)
        row("actions_taken", report.actions.taken)
        row("actions_not_done", report.actions.notDone)
        row("actions_overdue", report.actions.overdue)
        for type in OutcomeType.allCases {
            if let count = report.actions.outcomes[type] { row("outcome", detail: type.rawValue, count) }
        }
        for check in report.completeness {
            for gap in check.missing { row("missing_data", detail: "\(check.reference): \(gap.item.rawValue)", 1) }
        }
        self.rows = rows
    }

    /// The table as CSV (RFC 4180), headings first.
    public var csv: String {
        ([Self.headings] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The table as an Excel workbook of one sheet, headings first; counts are numbers.
    public func xlsx() throws -> [UInt8] {
        [UInt8](try XLSXWorkbook.write([Self.headings] + rows, sheetName: "ECP report", numericColumns: [Self.headings.count - 1]))
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break; a field that a
    /// spreadsheet would read as a formula is prefixed with an apostrophe.
    public static func csvField(_ value: String) -> String {
        let value = SpreadsheetText.neutralised(value)
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
