import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateModel
import TriangulateNode

/// The reports through the real router: charts drawn on the server beside their tables, and
/// the downloads as CSV and as an XLSX workbook that a ZIP reader accepts.
@Suite("Node web application: reports")
struct NodeWebReportTests {
    @Test func theFiveReportsWithChartsAndDownloads() async throws {
        let fixture = try WebFixture()
        let dossier = try fixture.addConcern(title: "Late records", location: "1-999999999")
        _ = try fixture.store.evaluate(dossier.concern.reference, EvaluationInput(on: fixture.store.today, decision: .trigger, rationale: "r"),
                                       by: "c.worker")
        try await fixture.test { browser in
            try await browser.signIn("v.viewer")
            let page = try await browser.get("/reports")
            #expect(page.status == .ok)
            for heading in ["1. Protocol initiated", "2. Information shared", "3. Panels convened", "4. Panels attended", "5. Actions and outcomes",
                            "Completeness of the minimum data"] {
                #expect(page.text.contains(heading), "\(heading)")
            }
            #expect(page.text.contains(#"role="img""#) && page.text.contains("<title>Concerns for which the protocol was"))
            #expect(!page.text.contains("style="), "no inline style: the Content-Security-Policy forbids it")
            #expect(page.text.contains("<td>Triggered</td><td>1</td>"))
            let badDate = try await browser.get("/reports?from=2026-13-01&to=2026-12-31")
            #expect(badDate.text.contains(##"<a href="#from">Enter the first day as a real date"##))

            let csv = try await browser.get("/reports/ecp.csv?from=2026-01-01&to=2027-12-31")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="ecp-report.csv""#)
            #expect(csv.text.hasPrefix("measure,month,direction,counterpart,category,payload_class,detail,count\ninitiated,,,,,,,1\n"))
            #expect(!csv.text.contains("Late records"), "counts only, never a title")

            let xlsx = try await browser.get("/reports/ecp.xlsx")
            #expect(xlsx.status == .ok)
            let bytes = Data(xlsx.body.readableBytesView)
            #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
            let file = fixture.directory.appendingPathComponent("report.xlsx")
            try bytes.write(to: file)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = ["python3", "-c", """
                import sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                assert z.testzip() is None
                sheet = z.read('xl/worksheets/sheet1.xml').decode()
                assert '<v>1</v>' in sheet and 'initiated' in sheet, sheet[:300]
                assert sorted(z.namelist()) == ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']
                """, file.path]
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "the workbook is a valid ZIP whose CRCs check and whose sheet holds the figures")
        }
    }

    @Test func aCSVFieldCannotBecomeAFormula() {
        #expect(ReportTable.csvField("=HYPERLINK(\"x\")") == #""'=HYPERLINK(""x"")""#)
        #expect(ReportTable.csvField("-12") == "-12", "a number stays a number")
        #expect(ReportTable.csvField("a,b") == #""a,b""#)
    }
}
