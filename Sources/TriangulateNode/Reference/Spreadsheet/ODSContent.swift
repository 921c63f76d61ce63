import Foundation

/// `content.xml` of an OpenDocument spreadsheet (ODS, as CQC publishes its monthly directory):
/// the rows of its first table. A cell's value is its typed value where it has one — a number's
/// `office:value`, a date's `office:date-value` (`YYYY-MM-DD`), a boolean as TRUE or FALSE —
/// else its paragraphs' text joined by line breaks (`text:s` spaces, tabs and line breaks kept,
/// annotations left out). Repeated cells and rows count as many; the empty ones a sheet ends
/// with (often a million) are not kept.
enum ODSContent {
    /// The most rows and columns a sheet is read to, as spreadsheet applications allow.
    static let maximumRows = 1_048_576, maximumColumns = 16_384

    static func rows(of data: Data) throws -> [(number: Int, cells: [String])] {
        var scanner = XMLScanner(data, part: "content.xml")
        var rows: [(number: Int, cells: [String])] = []
        var tables = 0, inTable = false
        var rowNumber = 0, rowRepeat = 1
        var cells = Cells()
        var cellRepeat = 1, typedValue: String?, paragraphs: [String] = [], paragraph = "", inParagraph = false, annotation = 0
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if scanner.isName(name, "table") {
                    tables += 1
                    inTable = tables == 1
                    if selfClosing { inTable = false }
                }
                guard inTable else { continue }
                if scanner.isName(name, "table-row") {
                    rowRepeat = min(max(scanner.attribute("number-rows-repeated", in: attributes).flatMap { Int($0) } ?? 1, 1), maximumRows)
                    cells = Cells()
                    if selfClosing { rowNumber += rowRepeat }
                } else if scanner.isName(name, "table-cell") || scanner.isName(name, "covered-table-cell") {
                    cellRepeat = min(max(scanner.attribute("number-columns-repeated", in: attributes).flatMap { Int($0) } ?? 1, 1), maximumColumns)
                    typedValue = value(of: attributes, scanner)
                    paragraphs = []
                    if selfClosing { cells.place(typedValue ?? "", times: cellRepeat) }
                } else if scanner.isName(name, "annotation") {
                    if !selfClosing { annotation += 1 }
                } else if annotation == 0, scanner.isName(name, "p") || scanner.isName(name, "h") {
                    paragraph = ""
                    inParagraph = !selfClosing
                    if selfClosing { paragraphs.append("") }
                } else if annotation == 0, inParagraph, scanner.isName(name, "s") {
                    paragraph += String(repeating: " ", count: min(max(scanner.attribute("c", in: attributes).flatMap { Int($0) } ?? 1, 1), 1_000))
                } else if annotation == 0, inParagraph, scanner.isName(name, "tab") {
                    paragraph += "\t"
                } else if annotation == 0, inParagraph, scanner.isName(name, "line-break") {
                    paragraph += "\n"
                }
            case .end(let name):
                if scanner.isName(name, "table") {
                    if inTable { return rows }
                    continue
                }
                guard inTable else { continue }
                if scanner.isName(name, "annotation") {
                    annotation = max(annotation - 1, 0)
                } else if annotation == 0, scanner.isName(name, "p") || scanner.isName(name, "h") {
                    if inParagraph { paragraphs.append(paragraph) }
                    inParagraph = false
                } else if scanner.isName(name, "table-cell") || scanner.isName(name, "covered-table-cell") {
                    cells.place(typedValue ?? paragraphs.joined(separator: "\n"), times: cellRepeat)
                } else if scanner.isName(name, "table-row") {
                    let values = cells.values
                    if values.isEmpty {
                        rowNumber += rowRepeat
                    } else {
                        for _ in 0..<min(rowRepeat, maximumRows - rows.count) {
                            rowNumber += 1
                            rows.append((rowNumber, values))
                        }
                    }
                    guard rowNumber <= maximumRows else { return rows }
                }
            case .text(let range), .cdata(let range):
                if inTable, inParagraph, annotation == 0 { paragraph += scanner.text(range) }
            }
        }
        return rows
    }

    /// A cell's typed value, from its attributes; nil for text.
    private static func value(of attributes: Range<Int>, _ scanner: XMLScanner) -> String? {
        switch scanner.attribute("value-type", in: attributes) {
        case "float", "percentage", "currency": return scanner.attribute("value", in: attributes)
        case "date": return scanner.attribute("date-value", in: attributes).map { String($0.prefix(10)) }
        case "time": return scanner.attribute("time-value", in: attributes)
        case "boolean": return scanner.attribute("boolean-value", in: attributes).map { $0 == "true" ? "TRUE" : "FALSE" }
        default: return nil
        }
    }

    /// A row's cells as they are read: empty ones are only counted until a value follows them,
    /// so the thousands of empty cells a row often ends with are never made.
    private struct Cells {
        private(set) var values: [String] = []
        private var pendingEmpty = 0

        /// Puts `value` in the next `times` cells.
        mutating func place(_ value: String, times: Int) {
            guard !value.isEmpty else {
                pendingEmpty += times
                return
            }
            let room = max(maximumColumns - values.count, 0)
            values += Array(repeating: "", count: min(pendingEmpty, room))
            pendingEmpty = 0
            values += Array(repeating: value, count: min(times, max(maximumColumns - values.count, 0)))
        }
    }
}
