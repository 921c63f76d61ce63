import Foundation
import Testing
import TriangulateModel
import ZIPFoundation
@testable import TriangulateNode

/// XLSX as the exchanges read and write it (issue 16): text that XML cannot carry as it is
/// survives cell for cell; a workbook as a spreadsheet application saves it (shared strings,
/// rich text runs, numbers, booleans, skipped cells and rows, its first sheet found through the
/// relationships) reads as its cells; a damaged file is refused with a reason.
@Suite("XLSX workbooks")
struct XLSXWorkbookTests {
    @Test func textSurvivesCellForCell() throws {
        let rows = [
            ["plain", "  spaces kept  ", "a & b < c > d \"quoted\" 'single'"],
            ["line\nbreak", "carriage\r\nreturn", "tab\there", "=SUM(A1:A2)"],
            ["_x0041_ is not A", "bell \u{7} and nul \u{0}", "émigré — “curly” 😀", ""],
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "last (AB)"],
        ]
        let data = try XLSXWorkbook.write(rows, sheetName: "Decisions 2026-11")
        let read = try XLSXWorkbook.read(data)
        #expect(read.map(\.number) == [1, 2, 3, 4])
        // Empty cells are not written, as spreadsheet applications save them: a row ends at its last value.
        #expect(read.map(\.cells) == rows.map { Array($0.reversed().drop(while: \.isEmpty).reversed()) })
        #expect(try XLSXWorkbook.write(rows, sheetName: "Decisions 2026-11") == data, "the same rows make the same bytes")
    }

    @Test func columnNamesAndIndexesAgree() {
        for index in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383] {
            let reference = XLSXWorkbook.columnName(index) + "12"
            #expect(XMLScanner(Data(reference.utf8), part: "a test").columnIndex(0..<reference.utf8.count) == index)
        }
        #expect(XLSXWorkbook.columnName(27) == "AB" && XLSXWorkbook.columnName(702) == "AAA")
    }

    @Test func readsAWorkbookAsASpreadsheetApplicationSavesIt() throws {
        let data = try Self.workbook([
            "[Content_Types].xml": #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "xl/workbook.xml": #"""
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="Locations" sheetId="4" r:id="rId7"/><sheet name="Other" sheetId="5" r:id="rId8"/></sheets></workbook>
                """#,
            "xl/_rels/workbook.xml.rels": #"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
                </Relationships>
                """#,
            "xl/sharedStrings.xml": #"""
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
                <si><t>Location ID</t></si>
                <si><r><rPr><b/></rPr><t>Oak</t></r><r><t xml:space="preserve">trees </t></r><rPh><t>ignored</t></rPh></si>
                <si><t>a_x000D_b</t></si></sst>
                """#,
            "xl/worksheets/sheet1.xml": #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>"#,
            "xl/worksheets/sheet2.xml": #"""
                <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
                <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
                <x:row r="4"><x:c r="B4"><x:v>46300</x:v></x:c><x:c r="C4" t="b"><x:v>1</x:v></x:c><x:c r="D4" t="str"><x:f>A1</x:f><x:v>Location ID</x:v></x:c><x:c r="E4" t="s"><x:v>2</x:v></x:c></x:row>
                </x:sheetData></x:worksheet>
                """#,
        ])
        let rows = try XLSXWorkbook.read(data)
        #expect(rows.map(\.number) == [1, 4])
        #expect(rows[0].cells == ["Location ID", "", "Oaktrees "])
        #expect(rows[1].cells == ["", "46300", "TRUE", "Location ID", "a\rb"])
        #expect(SpreadsheetText.date(rows[1].cells[1])?.description == "2026-10-05")
    }

    @Test func aDamagedWorkbookIsRefusedWithAReason() throws {
        func refusal(_ data: Data) -> String {
            do {
                _ = try SpreadsheetRows(data)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])).contains("not a readable ZIP archive"))
        #expect(refusal(try Self.workbook(["xl/other.xml": "<a/>"])).contains("no xl/workbook.xml"))
        let broken = try Self.workbook(["xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row></sheetData></worksheet>"])
        #expect(refusal(broken).contains("not well-formed XML"))
        let missingString = try Self.workbook(["xl/workbook.xml": "<workbook/>",
                                               "xl/worksheets/sheet1.xml": #"<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>9</v></c></row></sheetData></worksheet>"#])
        #expect(refusal(missingString).contains("row 2 names shared string '9'"))
    }

    /// A ZIP archive holding `parts`, as a spreadsheet application would write them.
    static func workbook(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}

extension XLSXWorkbookTests {
    /// A sheet of more than ten megabytes of XML, as every real monthly directory is: read whole.
    @Test func aLargeSheetReadsWhole() throws {
        let row = (0..<10).map { "cell \($0): " + String(repeating: "a long enough text ", count: 8) }
        let rows = Array(repeating: row, count: 6_000)
        let read = try XLSXWorkbook.read(try XLSXWorkbook.write(rows, sheetName: "Large"))
        #expect(read.count == 6_000 && read.last?.number == 6_000 && read.last?.cells == row)
    }
}

extension XLSXWorkbookTests {
    /// A part of a million comments is read in a loop: it cannot exhaust the reader's stack.
    @Test func manyCommentsDoNotExhaustTheStack() throws {
        let sheet = "<worksheet><sheetData>" + String(repeating: "<!---->", count: 1_000_000)
            + #"<row r="1"><c r="A1" t="inlineStr"><is><t>kept</t></is></c></row></sheetData></worksheet>"#
        let data = try Self.workbook(["xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": sheet])
        #expect(try XLSXWorkbook.read(data).map(\.cells) == [["kept"]])
    }
}
