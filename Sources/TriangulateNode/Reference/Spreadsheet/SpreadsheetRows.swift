import CSV
import Foundation

/// A spreadsheet's first sheet as rows of text, each with its row number as the spreadsheet
/// numbers it: read from CSV or XLSX, whichever the bytes are (an XLSX file is a ZIP archive).
struct SpreadsheetRows {
    /// The rows, in order; a row the file skips (XLSX may) is absent, and numbers stay true.
    let rows: [(number: Int, cells: [String])]

    /// Reads `data` as XLSX when it starts as a ZIP archive does, else as CSV (a byte-order mark
    /// is skipped).
    init(_ data: Data) throws {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            rows = try XLSXWorkbook.read(data)
        } else {
            rows = try Self.csv(data)
        }
    }

    /// Whether `data` is an XLSX file.
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
