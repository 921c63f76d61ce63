import Foundation
import Testing

/// A council's records crossing organisations through a real hub (issue 15, item 6): the
/// closure notice reaches the provider and CQC, a meeting's record its invitees, the items
/// marked as shareable the provider alone — each checked in the bytes of every node's files,
/// with a bystander holding nothing and the case itself never leaving the council.
@Suite("Councils' processes through the hub")
struct CouncilExchangeTests {
    /// Adds a local organisation to the hub and makes and enrols its node.
    static func join(_ exchange: Exchange, _ code: String, name: String, kind: String) throws {
        let token = try exchange.operator_("org", "add", code, "--name", name).object["token"] as? String ?? ""
        try exchange.ok(code, "init", "--org", code, "--name", name, "--kind", kind)
        try exchange.ok(code, "enrol", "--hub", exchange.url, "--token", token)
    }

    @Test func aClosureNoticeAndAMeetingReachTheirAudiencesOnly() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        try Self.join(exchange, "KNOWSLEY-ASC", name: "Knowsley Council adult social services", kind: "council")
        try Self.join(exchange, "OAKTREES-CARE", name: "Oaktrees Care Ltd", kind: "provider")
        try Self.join(exchange, "HW-KNOWSLEY", name: "Healthwatch Knowsley", kind: "healthwatch")
        let council = "KNOWSLEY-ASC"
        try exchange.ok(council, "org", "add", "OAKTREES-CARE", "--name", "Oaktrees Care Ltd", "--kind", "provider")
        try exchange.ok(council, "org", "add", "HW-KNOWSLEY", "--name", "Healthwatch Knowsley", "--kind", "healthwatch")

        // Organisational safeguarding, from intelligence to the closure notice.
        try exchange.ok(council, "case", "open", "osg", "--set", "title=Care at Oaktrees", "--set", "subject=Oaktrees Care Home (1-123456789)",
                        "--set", "summary=S42 enquiries about one resident, marker CASE-7781", "--on", "2026-09-01")
        let steps: [(String, String, [String])] = [
            ("threshold-meeting", "2026-09-03", ["threshold=critical", "chair=KNOWSLEY-ASC"]),
            ("recommend", "2026-09-04", ["recommendation=Enter the process"]),
            ("dass-agree", "2026-09-07", ["decidedBy=dass", "leadOfficer=Head of quality", "coordinator=Coordinator"]),
            ("inform-provider", "2026-09-08", ["how=Letter"]),
            ("stage-two-meeting", "2026-09-11", ["chair=KNOWSLEY-ASC"]),
            ("findings-meeting", "2026-09-25", ["chair=KNOWSLEY-ASC"]),
            ("receive-plan", "2026-09-27", []),
            ("quality-assurance", "2026-10-15", ["activities=Visits"]),
            ("closing-meeting", "2026-11-02", ["chair=KNOWSLEY-ASC"]),
            ("notify-closure", "2026-11-03", ["notice=The process has ended; improvements sustained. Marker NOTICE-3318"]),
        ]
        for (step, day, answers) in steps {
            let result = try CLI.launch(["case", "take", "OSG-2026-0001", step, "--on", day] + answers.flatMap { ["--set", $0] }
                                        + ["--store", exchange.store(council), "--user", "Tester", "--json"], in: exchange.directory)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        try exchange.ok(council, "share", "OSG-2026-0001/NOTICE", "--to", "OAKTREES-CARE,CQC", "--purpose", "Closure of the organisational safeguarding process",
                        "--basis", "Care Act 2014 s.42; UK GDPR Art 6(1)(e)")

        // A meeting: minutes and an action for its invitees, one item for the provider, one not.
        let created = try exchange.ok(council, "meeting", "new", "--kind", "adass-local", "--on", "2026-11-20", "--chair", council, "--personal-information")
        let mtg = try #require((created.object["meeting"] as? [String: Any])?["reference"] as? String)
        #expect(mtg == "MTG-2026-0005", "four meetings came before it, one for each meeting step of the case")
        try exchange.ok(council, "meeting", "invite", mtg, "--org", "CQC")
        try exchange.ok(council, "meeting", "invite", mtg, "--org", "HW-KNOWSLEY")
        let unnamed = try exchange.node(council, "meeting", "invite", mtg, "--org", "CQC", "--person", "Priya Need-Q7")
        #expect(unnamed.status != 0 && unnamed.stderr.contains("needs to know"))
        try exchange.ok(council, "meeting", "invite", mtg, "--org", "CQC", "--person", "Priya Need-Q7", "--need-to-know", "Inspector for the location")
        try exchange.ok(council, "meeting", "item", mtg, "--topic", "Monitoring reports", "--summary", "Monitoring visit found medicines gaps PROV-OK-4471",
                        "--from", council, "--shared-with-provider")
        try exchange.ok(council, "meeting", "item", mtg, "--topic", "Safeguarding referrals", "--summary", "Referrals rising PROV-NO-9931", "--from", council)
        try exchange.ok(council, "meeting", "action", mtg, "--description", "Share the latest inspection report", "--owner", "CQC", "--due", "2026-12-04")
        try exchange.ok(council, "meeting", "minutes", mtg, "--text", "Risks reviewed. Marker MIN-5521")
        try exchange.ok(council, "meeting", "agree", mtg, "--on", "2026-11-23")
        try exchange.ok(council, "share", mtg, "--to", "CQC,HW-KNOWSLEY", "--purpose", "Minutes and actions of the information-sharing meeting",
                        "--basis", "CQC–ADASS joint working protocol")
        try exchange.ok(council, "share", "\(mtg)/PROVIDER", "--to", "OAKTREES-CARE", "--purpose", "Items shared with the provider",
                        "--basis", "CQC–ADASS joint working protocol §34")
        for node in [council, "CQC", "NMC", "OAKTREES-CARE", "HW-KNOWSLEY"] { try exchange.ok(node, "sync") }

        #expect(exchange.files(of: "CQC", contain: "NOTICE-3318") && exchange.files(of: "OAKTREES-CARE", contain: "NOTICE-3318"))
        #expect(!exchange.files(of: "HW-KNOWSLEY", contain: "NOTICE-3318"))
        #expect(exchange.files(of: "CQC", contain: "MIN-5521") && exchange.files(of: "HW-KNOWSLEY", contain: "MIN-5521"))
        #expect(exchange.files(of: "CQC", contain: "PROV-NO-9931") && exchange.files(of: "OAKTREES-CARE", contain: "PROV-OK-4471"))
        #expect(!exchange.files(of: "OAKTREES-CARE", contain: "MIN-5521") && !exchange.files(of: "OAKTREES-CARE", contain: "PROV-NO-9931"))
        for node in ["CQC", "NMC", "OAKTREES-CARE", "HW-KNOWSLEY"] {
            #expect(!exchange.files(of: node, contain: "CASE-7781"), "\(node) holds the case itself")
            #expect(!exchange.files(of: node, contain: "Priya Need-Q7"), "\(node) holds a named invitee from a share that was not identifiable")
        }
        for marker in ["NOTICE-3318", "MIN-5521", "PROV-OK-4471", "PROV-NO-9931"] { #expect(!exchange.files(of: "NMC", contain: marker)) }
        let received = try exchange.ok("OAKTREES-CARE", "received").array
        let types = received.compactMap { (($0["declaration"] as? [String: Any])?["document"] as? [String: Any])?["type"] as? String }
        #expect(Set(types) == ["osg-closure-notice", "provider-shared-items"], "\(received)")
    }
}
