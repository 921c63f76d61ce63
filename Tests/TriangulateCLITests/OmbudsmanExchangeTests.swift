import Foundation
import Testing

/// Seed 002's exchange between LGSCO and CQC through a real hub (issue 16, items 2, 4 and 5):
/// an Ombudsman alert and CQC's follow-up as replies that LGSCO's node records on its case; a
/// final decision sent under embargo, whose publication is refused before its release day; an
/// investigation notice carrying the body's name and service area and nothing else; and a
/// concern shared at the metadata class whose provider and location ids reach the recipient
/// while a professional's name does not — each checked in the bytes of the nodes' files.
@Suite("LGSCO–CQC exchange through the hub")
struct OmbudsmanExchangeTests {
    /// The share of `type` this node received, by its id.
    static func receivedShare(_ exchange: Exchange, _ node: String, type: String) throws -> String {
        let received = try exchange.ok(node, "received").array
        let share = received.first { (($0["declaration"] as? [String: Any])?["document"] as? [String: Any])?["type"] as? String == type }
        return try #require(share?["share"] as? String, "\(node) received no \(type): \(received)")
    }

    /// The single-valued fields of a received document as `received show --json` gives them.
    static func values(_ view: [String: Any]) -> [String: String] {
        (view["fields"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? [String: Any])?["value"] as? String }
    }

    @Test func anAlertAndItsFollowUpCrossBothWays() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        try CouncilExchangeTests.join(exchange, "LGSCO", name: "Local Government and Social Care Ombudsman", kind: "ombudsman")

        try exchange.ok("LGSCO", "case", "open", "lgsco-alert", "--on", "2026-11-02", "--set", "title=26 012 345: falls not reported",
                        "--set", "subject=Oak Care Ltd, Oaktrees 1-100000001", "--set", "alert=Breach of regulation 12: falls not reported. Marker ALERT-6612",
                        "--set", "due=2026-12-18")
        try exchange.ok("LGSCO", "share", "OA-2026-0001/ALERT", "--to", "CQC", "--purpose", "Ombudsman alert: breach of fundamental standards",
                        "--basis", "LGSCO–CQC MoU 4.7")
        try exchange.ok("LGSCO", "sync")
        try exchange.ok("CQC", "sync")
        #expect(exchange.files(of: "CQC", contain: "ALERT-6612") && !exchange.files(of: "NMC", contain: "ALERT-6612"))

        // CQC replies on its own node: acknowledged, then (too early) regulatory activity, which
        // LGSCO's node keeps with the reason; then the action plan and the activity in order.
        let share = try Self.receivedShare(exchange, "CQC", type: "ombudsman-alert")
        let unknown = try exchange.node("CQC", "received", "reply", share, "--step", "close", "--set", "outcome=x")
        #expect(unknown.status != 0 && unknown.stderr.contains("use acknowledge, action-plan-received, regulatory-activity"), "\(unknown.stderr)")
        let missing = try exchange.node("CQC", "received", "reply", share, "--step", "regulatory-activity", "--set", "activity=inspection")
        #expect(missing.status != 0, "a reply is checked against the step's form on the replying node")
        try exchange.ok("CQC", "received", "reply", share, "--step", "acknowledge", "--on", "2026-11-04", "--set", "cqcReference=CQC-REF-3301")
        try exchange.ok("CQC", "sync")
        try exchange.ok("LGSCO", "sync")
        var alert = try exchange.ok("LGSCO", "case", "show", "OA-2026-0001").object
        #expect((alert["flowCase"] as? [String: Any])?["state"] as? String == "acknowledged")
        try exchange.ok("CQC", "received", "reply", share, "--step", "action-plan-received", "--on", "2026-11-20", "--set", "summary=Falls policy and audit")
        try exchange.ok("CQC", "received", "reply", share, "--step", "regulatory-activity", "--on", "2026-11-27", "--set", "activity=inspection",
                        "--set", "furtherAction=Focused inspection of safe care; marker FOLLOW-9920")
        try exchange.ok("CQC", "sync")
        try exchange.ok("LGSCO", "sync")
        alert = try exchange.ok("LGSCO", "case", "show", "OA-2026-0001").object
        #expect((alert["flowCase"] as? [String: Any])?["state"] as? String == "followed-up")
        let history = (alert["history"] as? [[String: Any]] ?? []).map { "\($0["step"] ?? "") \($0["by"] ?? "")" }
        #expect(history == ["send-alert Tester", "acknowledge CQC", "action-plan-received CQC", "regulatory-activity CQC"], "\(history)")
        #expect((alert["openClocks"] as? [Any])?.isEmpty == true, "the follow-up clock stopped at the report of regulatory activity")
        #expect(exchange.files(of: "LGSCO", contain: "FOLLOW-9920") && !exchange.files(of: "NMC", contain: "FOLLOW-9920"))
        try exchange.ok("LGSCO", "case", "take", "OA-2026-0001", "close", "--on", "2026-11-30", "--set", "outcome=Assurance taken")

        // A reply its process does not allow now is kept with the reason, and changes nothing.
        try exchange.ok("CQC", "received", "reply", share, "--step", "acknowledge", "--on", "2026-12-01")
        try exchange.ok("CQC", "sync")
        try exchange.ok("LGSCO", "sync")
        alert = try exchange.ok("LGSCO", "case", "show", "OA-2026-0001").object
        #expect((alert["flowCase"] as? [String: Any])?["state"] as? String == "closed")
        let outcomes = (alert["replies"] as? [[String: Any]] ?? []).compactMap { $0["outcome"] as? String }
        #expect(outcomes.count == 4 && outcomes.last?.hasPrefix("not taken") == true, "\(outcomes)")
    }

    @Test func aFinalDecisionIsNotPublishedBeforeItsReleaseDay() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        try CouncilExchangeTests.join(exchange, "LGSCO", name: "Local Government and Social Care Ombudsman", kind: "ombudsman")
        let settings = try exchange.ok("LGSCO", "case", "settings", "lgsco-decision").array
        #expect(settings.first?["value"] as? String == "42 calendar days" && settings.first?["isDefault"] as? Bool == true)

        // Decided on 1 September: six weeks later is 13 October.
        try exchange.ok("LGSCO", "case", "open", "lgsco-decision", "--on", "2026-09-01", "--set", "title=26 004 321: charging",
                        "--set", "subject=Elm Ltd, Elm House 1-100000002", "--set", "decision=Fault causing injustice. Marker DECISION-7070")
        try exchange.ok("LGSCO", "share", "FD-2026-0001/DECISION", "--to", "CQC", "--purpose", "Final decision with a finding of fault, before publication",
                        "--basis", "LGSCO–CQC information sharing agreement")
        try exchange.ok("LGSCO", "sync")
        try exchange.ok("CQC", "sync")
        #expect(exchange.files(of: "CQC", contain: "DECISION-7070") && !exchange.files(of: "NMC", contain: "DECISION-7070"))
        let share = try Self.receivedShare(exchange, "CQC", type: "ombudsman-final-decision")
        let seen = try exchange.ok("CQC", "received", "show", share).object
        #expect(Self.values(seen)["releaseOn"] == "2026-10-13", "\(seen)")

        let early = try exchange.node("LGSCO", "case", "take", "FD-2026-0001", "publish", "--on", "2026-10-12", "--set", "publicUrl=https://www.lgo.org.uk/x")
        #expect(early.status != 0 && early.stderr.contains("under embargo until 2026-10-13"), "\(early.stderr)")
        try exchange.ok("LGSCO", "case", "take", "FD-2026-0001", "publish", "--on", "2026-10-13", "--set", "publicUrl=https://www.lgo.org.uk/x")

        // A node that sets three months holds today's decision back until March.
        try exchange.ok("LGSCO", "case", "settings", "lgsco-decision", "publication-lag", "3 months")
        let today = try exchange.ok("LGSCO", "case", "open", "lgsco-decision", "--set", "title=26 009 876: residential care",
                                    "--set", "subject=Ash Ltd", "--set", "decision=Fault, no injustice").object
        let notices = (today["notices"] as? [[String: Any]]) ?? []
        let release = try #require(notices.first?["releaseOn"] as? String)
        #expect(release > "2027-02-28", "\(release)")
        let refused = try exchange.node("LGSCO", "case", "take", "FD-2026-0002", "publish", "--set", "publicUrl=https://www.lgo.org.uk/y")
        #expect(refused.status != 0 && refused.stderr.contains("under embargo until \(release)"))
    }

    @Test func anInvestigationNoticeCarriesTheBodyAndServiceAreaOnly() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        try CouncilExchangeTests.join(exchange, "LGSCO", name: "Local Government and Social Care Ombudsman", kind: "ombudsman")
        let extra = try exchange.node("CQC", "case", "open", "cqc-investigation", "--set", "subject=Oak Care Ltd", "--set", "serviceArea=Residential care",
                                      "--set", "summary=More about it")
        #expect(extra.status != 0 && extra.stderr.contains("asks no 'summary'"), "the form asks for the two things the MoU allows")
        try exchange.ok("CQC", "case", "open", "cqc-investigation", "--set", "subject=Oak Care Ltd BODY-1188", "--set", "serviceArea=Residential care")
        try exchange.ok("CQC", "share", "IN-2026-0001/NOTICE", "--to", "LGSCO", "--purpose", "Investigation notice", "--basis", "LGSCO–CQC MoU 4.12")
        try exchange.ok("CQC", "sync")
        try exchange.ok("LGSCO", "sync")
        let share = try Self.receivedShare(exchange, "LGSCO", type: "cqc-investigation-notice")
        let seen = try exchange.ok("LGSCO", "received", "show", share).object
        let registers = Self.values(seen).filter { !$0.value.isEmpty }
        #expect(Set(registers.keys) == ["reference", "process", "subject", "issuedOn", "issuedBy", "text"], "\(registers)")
        #expect(registers["subject"] == "Oak Care Ltd BODY-1188" && registers["text"] == "Residential care")
    }

    @Test func aConcernAtTheMetadataClassCarriesItsServicesNotItsPeople() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC", "GMC")
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "residential-care-home", "--title", "Falls at Oaktrees", "--source", "complaint",
                        "--summary", "Falls not reported; nurse named in complaints", "--subject", "location:1-100000001:Oaktrees Care Home",
                        "--subject", "provider:1-200000001:Oak Care Ltd", "--subject", "professional:NMC:12A3456B:Nadia Nurse-Q5")
        try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC", "--purpose", "Emerging concern about a provider", "--basis", "ECP; UK GDPR Art 6(1)(e)")
        try exchange.ok("CQC", "sync")
        try exchange.ok("NMC", "sync")
        #expect(exchange.files(of: "NMC", contain: "1-100000001") && exchange.files(of: "NMC", contain: "1-200000001"))
        #expect(exchange.files(of: "NMC", contain: "Oaktrees Care Home"))
        #expect(!exchange.files(of: "NMC", contain: "Nadia Nurse-Q5") && !exchange.files(of: "NMC", contain: "12A3456B"))
        #expect(!exchange.files(of: "GMC", contain: "1-100000001"))
        let share = try Self.receivedShare(exchange, "NMC", type: "concern-summary")
        let seen = try exchange.ok("NMC", "received", "show", share).object
        let services = (seen["sets"] as? [String: Any])?["services"] as? [String] ?? []
        #expect(Set(services) == ["location:1-100000001:Oaktrees Care Home", "provider:1-200000001:Oak Care Ltd"], "\(seen)")
    }

    @Test func callsAreCountedAndACallbackNeedsPermission() throws {
        let cqc = try CLI()
        try cqc.ok("init", "--org", "CQC")
        try cqc.ok("ombudsman", "call", "record", "--direction", "cqc-to-lgsco", "--handling", "warm-transfer", "--wait", "75", "--on", "2026-11-03")
        try cqc.ok("ombudsman", "call", "record", "--direction", "cqc-to-lgsco", "--handling", "signpost", "--on", "2026-11-04")
        try HealthwatchEscalationTests.refused(cqc, ["ombudsman", "call", "record", "--direction", "cqc-to-lgsco", "--handling", "callback",
                                                     "--on", "2026-11-05", "--name", "Caller CALLER-5150", "--number", "0151 000 0000",
                                                     "--service-provider", "Oaktrees", "--reference", "ENQ-1"], "permission")
        #expect(try !BadInputTests.contents(cqc).contains("CALLER-5150"), "refused details are not kept")
        let call = try cqc.run(["ombudsman", "call", "record", "--direction", "cqc-to-lgsco", "--handling", "callback", "--on", "2026-11-05",
                                "--permission-at", "2026-11-05T10:02", "--name", "Caller CALLER-5150", "--number", "0151 000 0000",
                                "--service-provider", "Oaktrees", "--reference", "ENQ-1", "--json"]).checked()
        let id = try #require(call["id"] as? String)
        let message = try cqc.run(["ombudsman", "call", "callback", String(id.suffix(8)), "--json"]).checked()["message"] as? String
        #expect(message == "CQC Reference: ENQ-1\nName: Caller CALLER-5150\nContact number: 0151 000 0000\nService provider: Oaktrees")
        let report = try cqc.run(["ombudsman", "call", "report", "--month", "2026-11", "--json"]).checked()
        #expect(report["due"] as? String == "2026-12-14" && report["total"] as? Int == 3)
        #expect((report["counts"] as? [String: [String: Int]])?["cqc-to-lgsco"] == ["warm-transfer": 1, "signpost": 1, "callback": 1])
        #expect((report["waitsExceeded"] as? [String: Int])?["cqc-to-lgsco"] == 1)
    }
}
