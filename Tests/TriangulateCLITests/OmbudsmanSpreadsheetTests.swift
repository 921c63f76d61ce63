import Foundation
import Testing

/// LGSCO's monthly spreadsheet (issue 16, item 3), through the built executable: recorded at
/// LGSCO, exported, imported at CQC and exported again byte for byte; a file built to the layout
/// with a byte-order mark, quoted commas and line breaks, an Excel serial date, a formula-looking
/// cell, an unknown decision and unreadable rows; location ids measured against the register.
@Suite("Ombudsman spreadsheet")
struct OmbudsmanSpreadsheetTests {
    @Test func theNineHeadingsRoundTripByteForByte() throws {
        let lgsco = try CLI()
        try lgsco.ok("init", "--org", "LGSCO")
        try lgsco.ok("ombudsman", "record", "--case", "26 012 345", "--body", "Oak Care Ltd, Huyton", "--cqc-id", "1-200000001",
                     "--location", "Oaktrees \"East\"\nwing", "--location-id", "1-100000001", "--sub-category", "Residential care",
                     "--received", "2026-08-03", "--decided", "2026-11-12", "--detail", "Upheld: fault and injustice")
        try lgsco.ok("ombudsman", "record", "--case", "26001777a", "--body", "=cmd|' /C calc'!A0", "--sub-category", "Charging",
                     "--received", "2026-10-01", "--decided", "2026-11-20", "--detail", "Not upheld: no fault")
        try lgsco.ok("ombudsman", "record", "--case", "26 009 999", "--body", "Elm Ltd", "--sub-category", "Domiciliary care",
                     "--received", "2026-09-01", "--decided", "2026-12-01", "--detail", "Advice given")
        let refused = try lgsco.run(["ombudsman", "record", "--case", "2601234", "--body", "x", "--sub-category", "x", "--received", "2026-10-01",
                                     "--detail", "Upheld"])
        #expect(refused.status != 0 && refused.stderr.contains("YY NNN NNN"))
        let path = lgsco.directory.appendingPathComponent("november.csv").path
        try lgsco.ok("ombudsman", "export", "--month", "2026-11", "--out", path)
        let sheet = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: sheet, as: UTF8.self)
        #expect(sheet.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(text.hasPrefix("\u{FEFF}LGO case ID,Body/organisation,CQC ID,Location,Location CQC ID,Sub category,Received date,Decision date,Overall decision detail\r\n"))
        #expect(text.contains("26 012 345,\"Oak Care Ltd, Huyton\",1-200000001,\"Oaktrees \"\"East\"\"\nwing\",1-100000001,Residential care,03/08/2026,12/11/2026,Upheld: fault and injustice\r\n"))
        #expect(text.contains("26 001 777A,'=cmd|' /C calc'!A0,"), "a formula-looking cell is neutralised")
        #expect(!text.contains("26 009 999"), "December's decision is not in November's sheet")

        let cqc = try CLI()
        try cqc.ok("init", "--org", "CQC")
        let imported = try cqc.run(["ombudsman", "import", path, "--json"]).checked()
        #expect(imported["added"] as? Int == 2 && (imported["unknownDecisions"] as? [String])?.isEmpty == true)
        let again = try cqc.run(["ombudsman", "import", path, "--json"]).checked()
        #expect(again["added"] as? Int == 0 && again["alreadyHeld"] as? Int == 2)
        let back = cqc.directory.appendingPathComponent("back.csv").path
        try cqc.ok("ombudsman", "export", "--month", "2026-11", "--out", back)
        #expect(try Data(contentsOf: URL(fileURLWithPath: back)) == sheet, "imported and exported again, byte for byte")

        // The same month as a workbook: imported at another CQC node, every cell arrives (its CSV
        // is LGSCO's byte for byte, its workbook LGSCO's too).
        let workbook = lgsco.directory.appendingPathComponent("november.xlsx").path
        try lgsco.ok("ombudsman", "export", "--month", "2026-11", "--out", workbook)
        let xlsx = try Data(contentsOf: URL(fileURLWithPath: workbook))
        #expect(xlsx.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP archive")
        let other = try CLI()
        try other.ok("init", "--org", "CQC")
        #expect(try other.run(["ombudsman", "import", workbook, "--json"]).checked()["added"] as? Int == 2)
        let csvAgain = other.directory.appendingPathComponent("again.csv").path
        try other.ok("ombudsman", "export", "--month", "2026-11", "--out", csvAgain)
        #expect(try Data(contentsOf: URL(fileURLWithPath: csvAgain)) == sheet, "cell for cell through the workbook")
        let xlsxAgain = other.directory.appendingPathComponent("again.xlsx").path
        try other.ok("ombudsman", "export", "--month", "2026-11", "--out", xlsxAgain)
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsxAgain)) == xlsx)
    }

    @Test func aFileWithBadRowsImportsTheRestAndMeasuresLocationIds() throws {
        let cqc = try CLI()
        try cqc.ok("init", "--org", "CQC")
        let directory = ProviderRegisterTests.directory(produced: "01 November 2026", [
            ProviderRegisterTests.row("Oaktrees", location: "1-100000001", provider: "1-200000001", providerName: "Oak Care Ltd", postcode: "L34 1AA"),
        ])
        let register = cqc.directory.appendingPathComponent("register.csv")
        try directory.write(to: register)
        try cqc.ok("provider", "import", register.path)
        let rows = [
            "LGO case ID,Body/organisation,CQC ID,Location,Location CQC ID,Sub category,Received date,Decision date,Overall decision detail",
            "26 000 001,Oak Care Ltd,1-200000001,Oaktrees,1-100000001,Residential care,46000,46300,Upheld: fault and injustice",
            "26 000 002,Oak Care Ltd,1-200000009,Oaktrees,1-100000001,Residential care,01/09/2026,01/11/2026,Closed after initial enquiries",
            "26 000 003,Elm Ltd,,Elm,,Domiciliary care,01/09/2026,02/11/2026,Remedied by the council before we started",
            "26 000 004,Ash Ltd,,Ash,1-1234,Charging,01/09/2026,03/11/2026,Not upheld",
            "26 000 005,Birch Ltd,,Birch,1-100000077,Charging,01/09/2026,03/11/2026,Not upheld",
            "26 000 006,Cedar Ltd,,Cedar,,Charging,yesterday,03/11/2026,Not upheld",
            "not a reference,Cedar Ltd,,Cedar,,Charging,01/09/2026,03/11/2026,Not upheld",
            "26 000 008,too few",
        ]
        let file = cqc.directory.appendingPathComponent("sheet.csv")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(rows.joined(separator: "\r\n").utf8)).write(to: file)
        let result = try cqc.run(["ombudsman", "import", file.path, "--json"]).checked()
        #expect(result["added"] as? Int == 5)
        let unreadable = (result["unreadable"] as? [[String: Any]] ?? []).map { "\($0["row"] ?? 0): \($0["reason"] ?? "")" }
        #expect(unreadable.count == 3 && unreadable[0].hasPrefix("7: the received date") && unreadable[1].hasPrefix("8: ") && unreadable[2].hasPrefix("9: 2 cells"),
                "\(unreadable)")
        #expect(result["unknownDecisions"] as? [String] == ["26 000 003"])
        #expect(result["locationQuality"] as? [String: Int] == ["registered": 1, "provider-mismatch": 1, "missing": 1, "malformed": 1, "unknown-to-register": 1])
        // The Excel serial days 46000 and 46300 are 9 December 2025 and 5 October 2026.
        let sheet = try cqc.run(["ombudsman", "export", "--month", "2026-10"]).stdout
        #expect(sheet.contains("26 000 001,Oak Care Ltd,1-200000001,Oaktrees,1-100000001,Residential care,09/12/2025,05/10/2026,"))
    }
}
