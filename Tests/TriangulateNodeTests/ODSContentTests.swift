import Foundation
import Testing
import TriangulateModel
@testable import TriangulateNode

/// OpenDocument spreadsheets (issue 16: CQC publishes its monthly directory as ODS): typed values,
/// paragraphs with their spaces and breaks, repeated cells and rows, the million empty rows a
/// sheet ends with, annotations left out, only the first table read; and the monthly directory
/// imported from one, its columns naming people never kept.
@Suite("ODS spreadsheets")
struct ODSContentTests {
    static func ods(_ table: String, extra: String = "") throws -> Data {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
            <office:body><office:spreadsheet><table:table table:name="Locations">\(table)</table:table>\(extra)</office:spreadsheet></office:body>
            </office:document-content>
            """
        return try XLSXWorkbookTests.workbook(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content])
    }

    @Test func cellsRowsAndRepeats() throws {
        let data = try Self.ods("""
            <table:table-column table:number-columns-repeated="1024"/>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Location ID</text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>A &amp; B</text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="16000"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            <table:table-row><table:table-cell office:value-type="float" office:value="46300"><text:p>05/10/2026</text:p></table:table-cell>\
            <table:table-cell office:value-type="date" office:date-value="2026-10-05T00:00:00"><text:p>5 Oct</text:p></table:table-cell>\
            <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>\
            <table:table-cell office:value-type="string"><office:annotation><text:p>a note</text:p></office:annotation>\
            <text:p>two<text:s text:c="3"/>spaces<text:tab/>tab</text:p><text:p>second<text:line-break/>line</text:p></table:table-cell>\
            <table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>twice</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            """, extra: #"<table:table table:name="Other"><table:table-row><table:table-cell><text:p>not read</text:p></table:table-cell></table:table-row></table:table>"#)
        let rows = try SpreadsheetRows(data).rows
        #expect(rows.map(\.number) == [1, 4])
        #expect(rows[0].cells == ["Location ID", "", "", "A & B"])
        #expect(rows[1].cells == ["46300", "2026-10-05", "TRUE", "two   spaces\ttab\nsecond\nline", "twice", "twice"])
    }

    @Test func aDamagedDocumentIsRefused() throws {
        do {
            _ = try SpreadsheetRows(try Self.ods("<table:table-row><table:table-cell></table:table-row>"))
            Issue.record("read")
        } catch let error as NodeError {
            #expect(error.message.contains("content.xml in the workbook is not well-formed XML"), "\(error.message)")
        }
    }

    @Test func theMonthlyDirectoryImportsFromODSWithoutItsPeople() throws {
        let temporary = try TemporaryStore()
        func cells(_ values: [String]) -> String {
            "<table:table-row>" + values.map { value in
                value.isEmpty ? "<table:table-cell/>" : #"<table:table-cell office:value-type="string"><text:p>\#(value)</text:p></table:table-cell>"#
            }.joined() + "</table:table-row>"
        }
        let row = ProviderRollUpTests.row("1-100000001", "Oaktrees", provider: "1-200000001", providerName: "Oak Care Ltd", brand: ("BD1", "Tree Homes"),
                                          postcode: "L34 1AA")
        let data = try Self.ods(cells(["HSCA Active Locations"]) + cells(ProviderRollUpTests.headings) + cells(row))
        let imported = try temporary.store.importCareDirectory(data, by: "tester")
        #expect(imported.locations == 1 && imported.skipped.isEmpty)
        #expect(try temporary.store.registerLocation("1-100000001").location.brandName == "Tree Homes")
        #expect(temporary.bytes().range(of: Data("Jane Managerson".utf8)) == nil)
    }
}
