import Foundation
import Testing

/// Corrections (UK GDPR Art 16) through the built executables: the old value, the new, who and
/// why are kept; a corrected shared value reaches the recipient at the next sync; dates are
/// checked; only an approver or an administrator may correct.
@Suite("Corrections")
struct CorrectionTests {
    @Test func aCorrectedSharedValueReachesTheRecipientAndItsHistoryIsKept() throws {
        let exchange = try Exchange()
        try exchange.join("CQC", "NMC")
        let old = "MARKER-OLD-\(UUID().uuidString)", new = "MARKER-NEW-\(UUID().uuidString)"
        try exchange.ok("CQC", "concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "Night staffing \(old)",
                        "--summary", "One nurse for forty residents", "--source", "whistleblower", "--identified", "2026-09-01")
        try exchange.ok("CQC", "concern", "evaluate", "ECP-2026-0001", "--decision", "trigger", "--rationale", "Pattern", "--on", "2026-09-02")
        let share = try exchange.ok("CQC", "share", "ECP-2026-0001", "--to", "NMC", "--purpose", "Emerging concern",
                                    "--basis", "ECP 2021").object["id"] as? String ?? ""
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        #expect(try exchange.ok("NMC", "received", "show", share).stdout.contains(old))

        let correction = try exchange.ok("CQC", "correct", "ECP-2026-0001", "--field", "concern.title", "--to", "Night staffing \(new)",
                                         "--reason", "The wrong home was named").object
        #expect(correction["oldValue"] as? String == "Night staffing \(old)" && correction["newValue"] as? String == "Night staffing \(new)")
        #expect(correction["reason"] as? String == "The wrong home was named" && correction["actor"] as? String == "Tester")
        for organisation in ["CQC", "NMC"] { try exchange.ok(organisation, "sync") }
        let received = try exchange.ok("NMC", "received", "show", share).stdout
        #expect(received.contains(new) && !received.contains(old), "the recipient sees the corrected value as an ordinary change")

        // Dates: none in the future, none after a step that depends on it.
        let future = try exchange.node("CQC", "correct", "ECP-2026-0001", "--field", "concern.identifiedOn", "--to", "2099-01-01", "--reason", "r")
        #expect(future.status != 0 && future.stderr.contains("is in the future"))
        let afterEvaluation = try exchange.node("CQC", "correct", "ECP-2026-0001", "--field", "concern.identifiedOn", "--to", "2026-09-03",
                                                "--reason", "r")
        #expect(afterEvaluation.status != 0 && afterEvaluation.stderr.contains("the evaluation is dated 2026-09-02, before it"))
        let noReason = try exchange.node("CQC", "correct", "ECP-2026-0001", "--field", "concern.identifiedOn", "--to", "2026-08-30")
        #expect(noReason.status != 0 && noReason.stderr.contains("reason for the correction"))
        let unknown = try exchange.node("CQC", "correct", "ECP-2026-0001", "--field", "concern.colour", "--to", "x", "--reason", "r")
        #expect(unknown.status != 0 && unknown.stderr.contains("concern.identifiedOn"), "the refusal lists the keys that can be corrected")
        let corrected = try exchange.ok("CQC", "correct", "ECP-2026-0001", "--field", "concern.identifiedOn", "--to", "2026-08-30",
                                        "--reason", "Typed the report's date").object
        #expect(corrected["oldValue"] as? String == "2026-09-01")
    }

    @Test func onlyAnApproverOrAnAdministratorCorrects() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        try cli.ok("concern", "add", "--category", "systems", "--setting", "nursing-home", "--title", "t", "--summary", "s",
                   "--source", "complaint", "--identified", "2026-09-01")
        try cli.ok("user", "add", "Tester", "--role", "admin")
        try cli.ok("user", "add", "c.worker", "--role", "caseworker")
        let refused = try CLI.launch(["correct", "ECP-2026-0001", "--field", "concern.title", "--to", "u", "--reason", "r",
                                      "--store", cli.store, "--user", "c.worker"], in: cli.directory)
        #expect(refused.status != 0 && refused.stderr.contains("c.worker is a caseworker, who may not do this"))
        try cli.ok("correct", "ECP-2026-0001", "--field", "concern.title", "--to", "u", "--reason", "r")
    }
}
