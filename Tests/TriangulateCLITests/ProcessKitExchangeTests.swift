import Foundation
import GRDB
import Testing
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// Processes on the kit through a real hub: a Healthwatch escalation shared with CQC and the
/// regional manager's organisation and co-edited back; and stores written by the release before
/// the kit, migrated forward with nothing lost and still exchanging.
@Suite("Processes through the hub")
struct ProcessKitExchangeTests {
    @Test func anEscalationReachesItsAudienceOnlyAndCQCsAnswerComesBack() async throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "HWE", "NMC")
        let token = try exchange.operator_("org", "add", "HWKENT", "--name", "Healthwatch Kent").object["token"] as? String ?? ""
        try exchange.ok("HWKENT", "init", "--org", "HWKENT", "--name", "Healthwatch Kent", "--kind", "healthwatch")
        try exchange.ok("HWKENT", "enrol", "--hub", exchange.url, "--token", token)
        let summary = "Families of several residents report missed evening medication (marker 7Q2)"
        try exchange.ok("HWKENT", "escalation", "open", "--type", "patient-safety", "--organisation", "Oaktrees Care Ltd", "--title", "Missed medication",
                        "--summary", summary, "--systemic", "--on", "2026-10-01")
        try exchange.ok("HWKENT", "escalation", "skip", "HWE-2026-0001", "--reason", "About the chief executive", "--on", "2026-10-01")
        try exchange.ok("HWKENT", "escalation", "skip", "HWE-2026-0001", "--reason", "ICB already aware", "--on", "2026-10-01")
        try exchange.ok("HWKENT", "escalation", "skip", "HWE-2026-0001", "--reason", "Regional manager consulted by phone", "--on", "2026-10-01")
        try exchange.ok("HWKENT", "escalation", "raise", "HWE-2026-0001", "--with", "CQC NCSC", "--copy", "Rhea Manager-Q9", "--on", "2026-10-02")
        let shared = try exchange.ok("HWKENT", "share", "HWE-2026-0001", "--to", "CQC,HWE", "--purpose", "Escalation to CQC", "--basis", "LGPIHA 2007 s.224")
        #expect(shared.object["declaration"].map { "\($0)" }?.contains("healthwatch-escalation") == true)
        for node in ["HWKENT", "CQC", "HWE", "NMC"] { try exchange.ok(node, "sync") }

        // CQC and Healthwatch England hold it, minimised; NMC holds nothing of it; the regional
        // manager's name (personal data) never left the Healthwatch.
        #expect(exchange.files(of: "CQC", contain: "marker 7Q2") && exchange.files(of: "HWE", contain: "marker 7Q2"))
        #expect(!exchange.files(of: "NMC", contain: "marker 7Q2") && !exchange.files(of: "NMC", contain: "HWE-2026-0001"))
        for node in ["CQC", "HWE", "NMC"] { #expect(!exchange.files(of: node, contain: "Rhea Manager-Q9"), "\(node) holds the regional manager's name") }
        let received = try exchange.ok("CQC", "received").array
        #expect(received.count == 1)
        let share = received.first?["share"] as? String ?? ""
        let fields = try exchange.ok("CQC", "received", "show", share).object["fields"] as? [String: Any] ?? [:]
        #expect((fields["stages/cqc/state"] as? [String: Any])?["value"] as? String == "awaiting-response")
        #expect((fields["regionalManagerCopied"] as? [String: Any])?["value"] as? String == "yes")

        // CQC may write only its own fields back; its answer stops the Healthwatch's clock.
        let refused = try exchange.node("CQC", "received", "edit", share, "--set", "state=closed")
        #expect(refused.status != 0 && refused.stderr.contains("only HWKENT may write 'state'"))
        // A dishonest CQC signing the write itself meets the same rule at the hub, which knows
        // the new document type only from the schema the share declared.
        let declaration = try #require(try exchange.ok("CQC", "received", "show", share).object["share"].flatMap { $0 as? [String: Any] }?["declaration"] as? [String: Any])
        let document = try #require(declaration["document"] as? [String: Any])
        let header = DocumentHeader(id: document["id"] as? String ?? "", type: HealthwatchEscalation.escalationDocument.type, owner: "HWKENT")
        for (field, accepted) in [("state", false), ("cqcTriagedOn", true)] {
            let change = Change(document: header.id, field: field, operation: .assign(value: "2026-10-03", supersedes: []),
                                stamp: HybridTimestamp(milliseconds: 1_790_000_000_000, counter: 0, replica: ReplicaID("CQC.forged")))
            let batch = try SignedBatch(share: share, changes: ChangeSet(headers: [header.id: header], changes: [change]), key: try exchange.key(of: "CQC"))
            let answer = try await exchange.push(PushRequest(batches: [batch]), key: try exchange.key(of: "CQC"))
            #expect(answer.answer?.accepted == (accepted ? 1 : 0), "\(field): \(answer.body.prefix(300))")
            if !accepted { #expect(answer.answer?.refused.first?.code == "forbidden-writer") }
        }
        try exchange.ok("CQC", "received", "edit", share, "--set", "cqcReference=CQC-INT-88", "--set", "cqcResponse=Triaged; inspection planned",
                        "--set", "cqcRespondedOn=2026-10-20")
        try exchange.ok("CQC", "sync")
        try exchange.ok("HWKENT", "sync")
        let escalation = try exchange.ok("HWKENT", "escalation", "show", "HWE-2026-0001").object
        #expect((escalation["escalation"] as? [String: Any])?["cqcReference"] as? String == "CQC-INT-88")
        #expect((escalation["escalation"] as? [String: Any])?["state"] as? String == "response-received")
        let cqc = (escalation["stages"] as? [[String: Any]])?.last
        #expect(cqc?["state"] as? String == "responded" && cqc?["respondedOn"] as? String == "2026-10-20" && cqc?["response"] as? String == "Triaged; inspection planned")
        #expect(try exchange.ok("HWKENT", "due", "--as-of", "2026-11-30").array.isEmpty)
        try exchange.ok("HWE", "sync")
        let atHWE = try exchange.ok("HWE", "received", "show", share).object["fields"] as? [String: Any] ?? [:]
        #expect((atHWE["stages/cqc/state"] as? [String: Any])?["value"] as? String == "responded", "the Healthwatch's record of it reached the regional manager's organisation")
    }

    /// The store files the release before the kit left (Tests/Fixtures/wave1), opened by this one.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/wave1")

    @Test func storesWrittenBeforeTheKitMigrateWithNothingLostAndKeepExchanging() throws {
        let exchange = try Exchange { directory in
            for (fixture, name) in [("hub.db", "hub.sqlite"), ("CQC.db", "CQC.sqlite"), ("NMC.db", "NMC.sqlite"), ("GMC.db", "GMC.sqlite"), ("demo.db", "demo.sqlite")] {
                try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: directory.appendingPathComponent(name))
            }
        }
        for node in ["CQC", "NMC", "GMC"] { try exchange.point(node, at: exchange.url) }
        // Everything recorded before is there, read through the new release.
        let report = try exchange.ok("demo", "report").object
        #expect(!report.isEmpty)
        let concern = try exchange.ok("CQC", "concern", "show", "ECP-2026-0001").object
        #expect("\(concern)".contains("Night staffing at Oaktrees") && "\(concern)".contains("One nurse for forty residents"))
        let requests = try exchange.ok("CQC", "request", "list").array
        #expect(requests.first?["state"] as? String == "answered" && requests.first?["answerSummary"] as? String == "Two referrals in 2026")
        let shares = try exchange.ok("CQC", "share", "list").object["shares"] as? [[String: Any]] ?? []
        #expect(shares.count == 2 && shares.allSatisfy { $0["sentAt"] != nil })
        #expect(shares.allSatisfy { (($0["declaration"] as? [String: Any])?["schema"] as? [String: Any])?["version"] as? Int == 1 },
                "a declaration made before the kit reads with its type's protocol-1 schema")
        let atNMC = try exchange.ok("NMC", "received").array
        #expect(Set(atNMC.compactMap { ($0["declaration"] as? [String: Any]).flatMap { ($0["document"] as? [String: Any])?["type"] as? String } })
                == ["concern-summary", "information-request"])
        #expect(try exchange.ok("GMC", "received").array.count == 1)
        for node in ["CQC", "NMC", "GMC", "demo"] {
            let queue = try DatabaseQueue(path: exchange.store(node))
            let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            try queue.close()
            #expect(applied.contains("v7-default-nation") && applied.contains("hwe-v1-escalations"), "\(node): \(applied)")
        }

        // The shares declared before the kit keep working through the migrated hub: NMC answers
        // again, CQC sees it; a change to the concern reaches NMC and GMC.
        let request = atNMC.first { "\($0)".contains("information-request") }?["share"] as? String ?? ""
        try exchange.ok("NMC", "received", "edit", request, "--set", "answerSummary=Three referrals in 2026")
        try exchange.ok("NMC", "sync")
        try exchange.ok("CQC", "sync")
        #expect(try exchange.ok("CQC", "request", "list").array.first?["answerSummary"] as? String == "Three referrals in 2026")
        try exchange.ok("CQC", "concern", "safeguard", "ECP-2026-0001", "--immediate-action", "Welfare check")
        try exchange.ok("CQC", "sync")
        for node in ["NMC", "GMC"] {
            try exchange.ok(node, "sync")
            let summary = try exchange.ok(node, "received").array.first { "\($0)".contains("concern-summary") }?["share"] as? String ?? ""
            let fields = try exchange.ok(node, "received", "show", summary).object["fields"] as? [String: Any] ?? [:]
            #expect((fields["safeguarding"] as? [String: Any])?["value"] as? String == "raised", "\(node) did not receive the safeguarding flag")
        }
        // And a new process's share goes through the same migrated hub.
        try exchange.ok("CQC", "escalation", "open", "--type", "governance", "--organisation", "Oaktrees", "--title", "Board oversight",
                        "--summary", "Board minutes show no safety reporting", "--systemic")
        try exchange.ok("CQC", "share", "HWE-2026-0001", "--to", "NMC", "--purpose", "p", "--basis", "b")
        try exchange.ok("CQC", "sync")
        try exchange.ok("NMC", "sync")
        #expect(exchange.files(of: "NMC", contain: "Board minutes show no safety reporting"))
        // The hub's log, written before recipients and interior nodes were stored, still verifies
        // and proves: its recipients and nodes were back-filled by its migrations.
        let verify = try exchange.operator_("audit", "verify")
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }
}
