import CSV
import Foundation

/// A spreadsheet's first sheet as rows of text, each with its row number as the spreadsheet
/// numbers it: read from CSV, XLSX or ODS, whichever the bytes are (XLSX and ODS files are ZIP
/// archives; an ODS one holds `content.xml`).
struct SpreadsheetRows {
    /// The rows, in order; a row the file skips (XLSX may) is absent, and numbers stay true.
    let rows: [(number: Int, cells: [String])]

    /// Reads `data` as XLSX or ODS when it starts as a ZIP archive does, else as CSV (a
    /// byte-order mark is skipped).
    init(_ data: Data) throws {
        if Self.isXLSX(data) {
            let parts = try ZipParts(data)
            if !parts.has("xl/workbook.xml"), let content = try parts.part("content.xml") {
                rows = try ODSContent.rows(of: content)
            } else {
                rows = try XLSXWorkbook.read(parts)
            }
        } else {
            rows = try Self.csv(data)
        }
    }

    /// Whether `data` is a ZIP archive: an XLSX (or ODS) file.
    static func isXLSX(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    private static func csv(_ data: Data) throws -> [(number: Int, cells: [String])] {
        let reader: CSVReader
        do { reader = try CSVReader(stream: InputStream(data: data)) } catch { throw NodeError(.invalidInput, "the file is neither XLSX nor CSV: \(error)") }
        var rows: [(number: Int, cells: [String])] = []
        while let cells = reader.next() { rows.append((rows.count + 1, cells)) }
        if let error = reader.error { throw NodeError(.invalidInput, "the CSV cannot be read after row \(rows.count): \(error)") }
        return rows
    }
}
