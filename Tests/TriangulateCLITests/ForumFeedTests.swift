import Foundation
import Testing

/// The Forum secretariat's feed through a real hub (issue 17, item 4): `panel distribute` and
/// `outcome share` send real shares — the panel and the outcome to the partners, the minimised
/// forum record to the secretariat, no further action included — and the secretariat's node
/// reports across signatories with nothing personal, no minutes and no concern text in its files.
@Suite("The Forum secretariat's feed")
struct ForumFeedTests {
    @Test func panelRecordsAndOutcomesReachPartnersAndTheSecretariatMinimised() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC", "GMC", "HSCRF")
        let cqc = "CQC"
        // A concern with a panel, an action and an outcome.
        try exchange.ok(cqc, "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing TITLE-5150",
                        "--summary", "One nurse for forty residents SUMMARY-7731", "--identified", "2026-05-01", "--source", "whistleblower",
                        "--subject", "professional:NMC:12A3456B:Nurse Person-X9")
        try exchange.ok(cqc, "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--on", "2026-05-02", "--rationale", "Pattern")
        try exchange.ok(cqc, "contact", "ECP-2026-0001", "--org", "NMC", "--purpose", "both", "--on", "2026-05-03")
        try exchange.ok(cqc, "panel", "decide", "ECP-2026-0001", "--call", "--rationale", "Several holders", "--on", "2026-05-11")
        let panel = "ECP-2026-0001/P1"
        try exchange.ok(cqc, "panel", "convene", panel, "--chair", "Chair Person-C4", "--date", "2026-05-18")
        try exchange.ok(cqc, "panel", "invite", panel, "--org", "NMC", "--person", "Officer Person-N2", "--role", "FtP", "--need-to-know", "Named nurse")
        try exchange.ok(cqc, "panel", "attend", panel, "--org", "NMC", "--person", "Officer Person-N2")
        try exchange.ok(cqc, "panel", "minutes", panel, "--text", "Agreed an inspection MINUTES-4410")
        try exchange.ok(cqc, "panel", "minutes", panel, "--agree", "--on", "2026-05-19")
        try exchange.ok(cqc, "action", "add", "ECP-2026-0001", "--owner", "CQC", "--summary", "Inspect", "--due", "2026-06-01", "--on", "2026-05-18", "--panel", panel)
        let distributed = try exchange.ok(cqc, "panel", "distribute", panel, "--on", "2026-05-20").object
        #expect(distributed["recordSharedWith"] as? [String] == ["HSCRF", "NMC"])
        try exchange.ok(cqc, "outcome", "record", "ECP-2026-0001", "--type", "regulatory-activity", "--summary", "Inspection", "--on", "2026-06-02")
        try exchange.ok(cqc, "outcome", "share", "ECP-2026-0001", "--on", "2026-06-03")
        // A concern closed without a panel: no further action still reaches the secretariat.
        try exchange.ok(cqc, "concern", "add", "--category", "professionals", "--setting", "health", "--title", "Rota TITLE-6262",
                        "--summary", "Rota gaps", "--identified", "2026-07-01", "--source", "complaint")
        try exchange.ok(cqc, "concern", "evaluate", "ECP-2026-0002", "--decision", "trigger", "--on", "2026-07-02", "--rationale", "Check")
        try exchange.ok(cqc, "panel", "decide", "ECP-2026-0002", "--not-call", "--rationale", "Resolved locally", "--on", "2026-07-03")
        try exchange.ok(cqc, "outcome", "record", "ECP-2026-0002", "--type", "no-further-action", "--summary", "Resolved", "--on", "2026-07-04")
        try exchange.ok(cqc, "outcome", "share", "ECP-2026-0002", "--on", "2026-07-05")
        // Another signatory's use, so the report is across signatories.
        try exchange.ok("GMC", "concern", "add", "--category", "trust", "--setting", "health", "--title", "Conduct TITLE-7373",
                        "--summary", "Conduct", "--identified", "2026-08-01", "--source", "complaint")
        try exchange.ok("GMC", "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--on", "2026-08-02", "--rationale", "Check")
        try exchange.ok("GMC", "panel", "decide", "ECP-2026-0001", "--not-call", "--rationale", "No need", "--on", "2026-08-03")
        try exchange.ok("GMC", "outcome", "record", "ECP-2026-0001", "--type", "no-further-action", "--summary", "None", "--on", "2026-08-04")
        try exchange.ok("GMC", "outcome", "share", "ECP-2026-0001", "--on", "2026-08-05")

        let shares = try exchange.ok(cqc, "share", "list").object["shares"] as? [[String: Any]] ?? []
        #expect(shares.count == 4, "panel and outcome to NMC, and one forum record per concern to HSCRF: \(shares)")
        for node in [cqc, "GMC", "NMC", "HSCRF"] { try exchange.ok(node, "sync") }

        // The partner has the panel and the outcome; not the minutes, not the names.
        let types = Set(try exchange.ok("NMC", "received").array.compactMap { (($0["declaration"] as? [String: Any])?["document"] as? [String: Any])?["type"] as? String })
        #expect(types == ["panel", "outcome"])
        // The secretariat has the forum records only.
        let forum = try exchange.ok("HSCRF", "received").array
        #expect(forum.count == 3 && forum.allSatisfy { (($0["declaration"] as? [String: Any])?["document"] as? [String: Any])?["type"] as? String == "forum-record" })
        for marker in ["MINUTES-4410", "Person-N2", "Person-C4", "Person-X9", "12A3456B", "SUMMARY-7731"] {
            #expect(!exchange.files(of: "HSCRF", contain: marker), "the secretariat holds \(marker)")
            #expect(!exchange.files(of: "NMC", contain: marker), "the partner holds \(marker)")
        }
        for marker in ["TITLE-5150", "TITLE-6262", "TITLE-7373"] { #expect(!exchange.files(of: "HSCRF", contain: marker)) }

        let report = try exchange.ok("HSCRF", "forum", "report", "--from", "2026-04-01", "--to", "2026-09-30").object
        let total = try #require(report["total"] as? [String: Any])
        #expect(total["uses"] as? Int == 3 && total["panelsCalled"] as? Int == 1 && total["panelsNotCalled"] as? Int == 2)
        #expect(total["panelsHeld"] as? Int == 1 && total["actions"] as? Int == 1)
        #expect((total["outcomes"] as? [String: Int]) == ["no-further-action": 2, "regulatory-activity": 1])
        let signatories = (report["bySignatory"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(signatories == ["CQC", "GMC"])
        let quarters = (report["byQuarter"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(quarters == ["2026-Q2", "2026-Q3"])
        let csv = try CLI.launch(["forum", "report", "--format", "csv", "--store", exchange.store("HSCRF"), "--user", "Tester"], in: exchange.directory)
        #expect(csv.stdout.hasPrefix("grouping,group,measure,count\n") && csv.stdout.contains("signatory,GMC,outcome:no-further-action,1"))
        #expect(!csv.stdout.contains("ECP-2026"), "the report is anonymised")

        // A later change to the concern's actions reaches the secretariat's record.
        try exchange.ok(cqc, "action", "start", "ECP-2026-0001/A1")
        try exchange.ok(cqc, "sync")
        try exchange.ok("HSCRF", "sync")
        let later = try exchange.ok("HSCRF", "forum", "report").object
        #expect(((later["total"] as? [String: Any])?["actionStates"] as? [String: Int]) == ["inProgress": 1])
    }
}
