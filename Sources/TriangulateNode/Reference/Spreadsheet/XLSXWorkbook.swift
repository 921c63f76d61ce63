import Foundation
import ZIPFoundation

/// The one-sheet XLSX workbooks of the exchanges and reports (Office Open XML, ECMA-376):
/// written with every cell as inline text (or a report's counts as numbers), so that nothing in
/// it is ever a formula, and, as spreadsheet
/// applications save them, no element for an empty cell (a row read back ends at its last
/// non-empty cell); read from whatever a
/// spreadsheet application saved — shared strings, inline strings, numbers (dates as serials),
/// booleans — taking the workbook's first sheet.
public enum XLSXWorkbook {
    /// A workbook with one sheet named `sheetName` holding `rows`; below the first row, the
    /// cells of `numericColumns` that hold whole numbers are numbers (a report's counts).
    public static func write(_ rows: [[String]], sheetName: String, numericColumns: Set<Int> = []) throws -> Data {
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        sheet += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (index, row) in rows.enumerated() {
            let number = index + 1
            sheet += #"<row r="\#(number)">"#
            for (column, value) in row.enumerated() where !value.isEmpty {
                if index > 0, numericColumns.contains(column), let count = Int(value) {
                    sheet += #"<c r="\#(columnName(column))\#(number)"><v>\#(count)</v></c>"#
                } else {
                    sheet += #"<c r="\#(columnName(column))\#(number)" t="inlineStr"><is><t xml:space="preserve">\#(XLSXText.escaped(value))</t></is></c>"#
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="\(XLSXText.escaped(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                </Relationships>
                """),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let archive = try Archive(accessMode: .create)
        // A fixed time in every entry: the same rows make the same bytes.
        let stamp = Date(timeIntervalSince1970: 315_532_800)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw NodeError(.invalidInput, "the workbook could not be written") }
        return data
    }

    /// The first sheet's rows, each with its row number.
    public static func read(_ data: Data) throws -> [(number: Int, cells: [String])] {
        try read(ZipParts(data))
    }

    /// The first sheet's rows of the workbook in `parts`.
    static func read(_ parts: ZipParts) throws -> [(number: Int, cells: [String])] {
        let part = parts.part
        let sheetPath = try firstSheetPath(workbook: part("xl/workbook.xml"), relationships: part("xl/_rels/workbook.xml.rels"))
        guard let sheet = try part(sheetPath) else {
            throw NodeError(.invalidInput, "the file is not an XLSX workbook: it has no \(sheetPath)")
        }
        let shared = try part("xl/sharedStrings.xml").map(XLSXSharedStrings.parse) ?? []
        return try XLSXSheetReader.rows(of: sheet, sharedStrings: shared)
    }

    /// `A` for column 0, `Z` for 25, `AA` for 26.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }


    /// The path of the workbook's first sheet, through its relationships; `xl/worksheets/sheet1.xml`
    /// when the workbook does not say.
    private static func firstSheetPath(workbook: Data?, relationships: Data?) throws -> String {
        guard let workbook else { throw NodeError(.invalidInput, "the file is not an XLSX workbook: it has no xl/workbook.xml") }
        let fallback = "xl/worksheets/sheet1.xml"
        guard let relationship = try XLSXElements.firstAttribute("id", ofElement: "sheet", in: workbook), let relationships,
              let target = try XLSXElements.target(ofRelationship: relationship, in: relationships) else { return fallback }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}
