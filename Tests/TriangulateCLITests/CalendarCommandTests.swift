import Foundation
import Testing
import TriangulateModel

/// `triangulate calendar` through the built executable: deadlines, holidays, a newer GOV.UK
/// file imported into a store.
@Suite("Calendar commands")
struct CalendarCommandTests {
    @Test func dueDatesWithAndWithoutAStore() throws {
        let cli = try CLI()
        // No store yet: the shipped data.
        let due = try cli.run(["calendar", "due", "--from", "2025-12-19", "--add", "5 working days", "--json"], store: false)
        #expect(due.status == 0 && due.object["due"] as? String == "2025-12-30", "\(due.stdout) \(due.stderr)")
        #expect(due.object["provisional"] as? Bool == false && (due.object["calendarVersion"] as? String)?.hasPrefix("gov.uk-") == true)
        let hours = try cli.run(["calendar", "due", "--from", "2026-01-16T15:00", "--add", "48 hours"], store: false)
        #expect(hours.stdout == "2026-01-18T15:00\n")
        let months = try cli.run(["calendar", "due", "--from", "2025-11-30", "--add", "3 months", "--json"], store: false)
        #expect(months.object["due"] as? String == "2026-02-28")
        let scotland = try cli.run(["calendar", "due", "--from", "2026-04-02", "--add", "2 working days", "--nation", "scotland"], store: false)
        #expect(scotland.stdout == "2026-04-07\n")
        let beyond = try cli.run(["calendar", "due", "--from", "2028-12-20", "--add", "5 working days"], store: false)
        #expect(beyond.stdout.hasPrefix("2028-12-29 (provisional"))

        let show = try cli.run(["calendar", "show", "--nation", "scotland", "--year", "2022", "--json"], store: false)
        let holidays = show.object["holidays"] as? [[String: Any]] ?? []
        #expect(holidays.count == 11 && holidays.contains { $0["date"] as? String == "2022-06-03" })
        let text = try cli.run(["calendar", "show", "--year", "2026"], store: false)
        #expect(text.stdout.contains("2026-12-28  Mon  Boxing Day (substitute day)"), "\(text.stdout)")
    }

    /// `triangulate due` through the executable: the worklist in JSON, CSV and table, and a filter.
    @Test func theWorklist() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        try cli.ok("concern", "add", "--category", "systems", "--setting", "health", "--title", "t", "--summary", "s", "--source", "complaint",
                   "--identified", "2026-03-02")
        try cli.ok("concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--rationale", "r", "--on", "2026-03-02")
        try cli.ok("request", "add", "ECP-2026-0001", "--to", "LGSCO", "--question", "Complaints?", "--due", "2026-03-09", "--on", "2026-03-02")
        try cli.ok("request", "add", "ECP-2026-0001", "--to", "NMC", "--question", "Registrants?", "--due", "2026-03-20", "--on", "2026-03-02")
        let json = try cli.run(["due", "--as-of", "2026-03-12", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let entries = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [[String: Any]] ?? []
        #expect(entries.map { $0["reference"] as? String } == ["ECP-2026-0001/R1", "ECP-2026-0001/R2"])
        #expect(entries.map { $0["remaining"] as? Int } == [-3, 6] && entries.map { $0["status"] as? String } == ["red", "green"])
        let csv = try cli.run(["due", "--as-of", "2026-03-12", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("status,reference,due,owner,person,due on,left\nred,ECP-2026-0001/R1,answer to information request,LGSCO,"), "\(csv.stdout)")
        let table = try cli.run(["due", "--as-of", "2026-03-12", "--owner", "NMC"])
        #expect(table.stdout.contains("ECP-2026-0001/R2") && !table.stdout.contains("ECP-2026-0001/R1"))
        let bad = try cli.run(["due", "--process", "nope"])
        #expect(bad.status == 1 && bad.stderr.contains("is not a process"))
    }

    @Test func aNewerGovUKFileIsImportedIntoTheStore() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        // GOV.UK's file as shipped, plus 2028's Christmas: the store's deadlines in 2028 stop being provisional.
        var json = try #require(try JSONSerialization.jsonObject(with: Data(BankHolidayData.shippedJSON.utf8)) as? [String: [String: Any]])
        for nation in Nation.allCases {
            var division = json[nation.rawValue]!
            var events = division["events"] as! [[String: Any]]
            events += [["title": "Christmas Day", "date": "2028-12-25", "notes": "", "bunting": true],
                       ["title": "Boxing Day", "date": "2028-12-26", "notes": "", "bunting": true]]
            division["events"] = events
            json[nation.rawValue] = division
        }
        let file = cli.directory.appendingPathComponent("bank-holidays.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let imported = try cli.ok("calendar", "import", file.path)
        #expect((imported["calendarVersion"] as? String)?.hasPrefix("gov.uk-2028-12-26-") == true)
        let due = try cli.ok("calendar", "due", "--from", "2028-12-20", "--add", "5 working days")
        #expect(due["due"] as? String == "2028-12-29" && due["provisional"] as? Bool == false)
        // An older file is refused and changes nothing.
        let shipped = cli.directory.appendingPathComponent("shipped.json")
        try Data(BankHolidayData.shippedJSON.utf8).write(to: shipped)
        let older = try cli.run(["calendar", "import", shipped.path])
        #expect(older.status == 1 && older.stderr.contains("nothing changed"))
        #expect(try cli.ok("calendar", "due", "--from", "2028-12-20", "--add", "5 working days")["provisional"] as? Bool == false)
    }
}
