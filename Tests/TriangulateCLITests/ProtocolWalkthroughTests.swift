import Foundation
import Testing

/// A caseworker takes a concern through every step of the protocol with the built executable.
@Suite("CLI end to end")
struct ProtocolWalkthroughTests {
    @Test func everyStepOfTheProtocolThroughTheExecutable() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        #expect(try cli.ok("org", "add", "KNOWSLEY-ASC", "--name", "Knowsley adult social care", "--kind", "council")["id"] as? String == "KNOWSLEY-ASC")

        let concern = try cli.ok("concern", "add", "--category", "systems", "--setting", "nursing-home",
                                 "--title", "Night staffing", "--summary", "One nurse for forty residents",
                                 "--identified", "2026-05-01", "--source", "whistleblower", "--reliability", "B",
                                 "--subject", "location:1-134558905:Oaktrees", "--subject", "professional:NMC:12A3456B:Nurse X",
                                 "--safeguarding", "--immediate-action", "Referral to council")
        let id = try #require(concern["id"] as? String)
        #expect(concern["reference"] as? String == "ECP-2026-0001")
        let ref = "ECP-2026-0001"

        #expect(try cli.ok("concern", "evaluate", ref, "--decision", "trigger", "--on", "2026-05-02", "--rationale", "Pattern")["id"] != nil)
        #expect(try cli.ok("contact", ref, "--org", "NMC", "--purpose", "both", "--on", "2026-05-03")["id"] != nil)
        let request = try cli.ok("request", "add", ref, "--to", "LGSCO", "--question", "Complaints?", "--on", "2026-05-03", "--due", "2026-05-17")
        #expect(request["reference"] as? String == "ECP-2026-0001/R1")
        try cli.ok("request", "ack", "ECP-2026-0001/R1")
        try cli.ok("request", "answer", "ECP-2026-0001/R1", "--summary", "Two upheld", "--class", "anonymised", "--on", "2026-05-10")
        let declined = try cli.ok("request", "add", ref, "--from", "PHSO", "--question", "Names?", "--on", "2026-05-04")
        try cli.ok("request", "decline", try #require(declined["reference"] as? String), "--reason", "Statutory restriction", "--on", "2026-05-05")

        let decided = try cli.ok("panel", "decide", ref, "--call", "--rationale", "Several holders", "--on", "2026-05-11")
        #expect(decided["id"] != nil)
        let panel = try #require((decided["panel"] as? [String: Any])?["reference"] as? String)
        try cli.ok("panel", "convene", panel, "--chair", "B. Chair", "--date", "2026-05-18", "--format", "virtual")
        try cli.ok("panel", "invite", panel, "--org", "NMC", "--person", "C. Officer", "--role", "FtP", "--need-to-know", "Named nurse")
        try cli.ok("panel", "invite", panel, "--org", "CQC", "--person", "A. Inspector", "--role", "Lead", "--need-to-know", "Holds the account")
        try cli.ok("panel", "attend", panel, "--org", "NMC", "--person", "C. Officer")
        try cli.ok("panel", "attend", panel, "--org", "CQC", "--person", "A. Inspector")
        try cli.ok("panel", "minutes", panel, "--text", "Agreed an inspection")
        try cli.ok("panel", "minutes", panel, "--agree", "--on", "2026-05-19")
        let action = try cli.ok("action", "add", ref, "--owner", "CQC", "--summary", "Inspect", "--due", "2026-06-01",
                                "--on", "2026-05-18", "--panel", panel, "--regulatory")
        let late = try cli.ok("action", "add", ref, "--owner", "KNOWSLEY-ASC", "--summary", "Contract visit", "--due", "2026-06-10", "--on", "2026-05-18")
        #expect(action["id"] != nil && action["reference"] as? String == "ECP-2026-0001/A1")
        try cli.ok("action", "start", "ECP-2026-0001/A1")
        try cli.ok("action", "done", "ECP-2026-0001/A1", "--evidence", "Report INS-9", "--on", "2026-05-30")
        try cli.ok("panel", "distribute", panel, "--on", "2026-05-20")
        try cli.ok("panel", "close", panel)
        #expect(try cli.ok("outcome", "record", ref, "--type", "regulatory-activity", "--summary", "Inspection", "--on", "2026-06-02")["id"] != nil)
        let shared = try cli.ok("outcome", "share", ref, "--on", "2026-06-03")
        #expect(shared["sharedWith"] as? [String] == ["HSCRF", "KNOWSLEY-ASC", "LGSCO", "NMC", "PHSO"])
        #expect(try cli.ok("review", ref, "--went-well", "Fast", "--do-differently", "Invite ICB", "--on", "2026-06-05")["id"] != nil)
        try cli.ok("concern", "close", ref, "--on", "2026-06-06")

        let shown = try cli.ok("concern", "show", id)
        #expect(shown["safeguarding"] as? Bool == true)
        #expect(shown["allowedNext"] as? [String] == ["reopen"])
        #expect(((shown["dossier"] as? [String: Any])?["concern"] as? [String: Any])?["state"] as? String == "closed")
        let text = try cli.run(["concern", "show", ref])
        #expect(text.stdout.hasPrefix("⚠ SAFEGUARDING FLAG RAISED"))
        #expect(text.stdout.contains("history"))

        let report = try cli.ok("report", "--from", "2026-05-01", "--to", "2026-06-30")
        #expect((report["initiated"] as? [String: Any])?["triggered"] as? Int == 1)
        #expect(report["panelsConvened"] as? Int == 1)
        #expect(report["panelsAttended"] as? Int == 1)
        let actions = try #require(report["actions"] as? [String: Any])
        #expect(actions["agreed"] as? Int == 2 && actions["taken"] as? Int == 1 && actions["overdue"] as? Int == 1)
        #expect(late["dueBy"] as? String == "2026-06-10")
        let csv = try cli.run(["report", "--from", "2026-05-01", "--to", "2026-06-30", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("measure,month,direction,counterpart,category,payload_class,detail,count\n"))
        #expect(csv.stdout.contains("information_shared,2026-05,received,LGSCO,systems,anonymised,,1"))
        #expect(csv.stdout.contains("missing_data,,,,,,ECP-2026-0001: actionsTaken,1"))
        #expect(!csv.stdout.contains("Oaktrees") && !csv.stdout.contains("12A3456B"))
    }

    @Test func theDemoRunsOnATemporaryStoreAndReports() throws {
        let cli = try CLI()
        let result = try cli.run(["demo", "--json"], store: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect((result.object["initiated"] as? [String: Any])?["triggered"] as? Int == 1)
        #expect(result.object["panelsAttended"] as? Int == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).isEmpty)
    }

    @Test func globalOptionsMayComeFirstAndTheEnvironmentNamesTheStore() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "NMC")
        let first = try CLI.launch(["--store", cli.store, "--json", "concern", "list"], in: cli.directory)
        #expect(first.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [Any])?.isEmpty == true)
        let fromEnvironment = try CLI.launch(["org", "list", "--json"], in: cli.directory, environment: ["TRIANGULATE_STORE": cli.store])
        #expect(fromEnvironment.status == 0 && fromEnvironment.array.count == 18)
    }
}
