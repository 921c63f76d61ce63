import Foundation
import Testing
import TriangulateModel

/// Healthwatch escalation (seed 004) through the built executable: every step, every step the
/// process does not allow refused with one line and nothing changed, the response clocks in
/// `due`, and the quarterly report.
@Suite("Healthwatch escalation")
struct HealthwatchEscalationTests {
    /// A Healthwatch node with HWE-2026-0001 opened on 2026-10-01.
    static func node() throws -> CLI {
        let cli = try CLI()
        try cli.ok("init", "--org", "HWKENT", "--name", "Healthwatch Kent", "--kind", "healthwatch")
        try cli.ok("escalation", "open", "--type", "patient-safety", "--organisation", "Oaktrees Care Ltd", "--organisation", "Elm House Ltd",
                   "--title", "Missed medication", "--summary", "Several residents' families report missed evening medication",
                   "--systemic", "--safeguarding-considered", "--on", "2026-10-01")
        return cli
    }

    /// Runs a step that must be refused: one line on standard error naming `message`, and not a
    /// byte of the store changed.
    static func refused(_ cli: CLI, _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try BadInputTests.contents(cli)
        let result = try cli.run(arguments)
        #expect(result.status != 0 && result.stdout.isEmpty, "\(arguments) was not refused", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(arguments): \(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(try BadInputTests.contents(cli) == before, "\(arguments) changed the store", sourceLocation: sourceLocation)
    }

    @Test func everyStepAndEveryStepNotAllowed() throws {
        let cli = try Self.node()
        let ref = "HWE-2026-0001"
        try Self.refused(cli, ["escalation", "open", "--type", "culture", "--organisation", "X", "--title", "t", "--summary", "s"],
                         "for concerns affecting several people")
        try Self.refused(cli, ["escalation", "open", "--type", "culture", "--title", "t", "--summary", "s", "--systemic"], "--organisation")
        try Self.refused(cli, ["escalation", "open", "--type", "cultural", "--organisation", "X", "--title", "t", "--summary", "s", "--systemic"],
                         "unknown concern type")
        // Nothing raised yet: nothing to answer, hold, resume; CQC cannot come first.
        try Self.refused(cli, ["escalation", "response", ref, "--summary", "x"], "cannot record the stage's response")
        try Self.refused(cli, ["escalation", "hold", ref], "cannot put the stage's clock on hold")
        try Self.refused(cli, ["escalation", "resume", ref], "cannot resume")
        try Self.refused(cli, ["escalation", "raise", ref, "--stage", "cqc", "--with", "CQC", "--copy", "R"], "before the organisation itself")
        try Self.refused(cli, ["escalation", "skip", ref, "--reason", " "], "say why the organisation itself is skipped")
        try Self.refused(cli, ["escalation", "raise", ref, "--with", "Oaktrees", "--on", "2026-09-30"], "before the escalation was identified")
        try Self.refused(cli, ["escalation", "raise", ref, "--with", "Oaktrees", "--stage", "board"], "unknown stage")
        try Self.refused(cli, ["escalation", "raise", "HWE-2026-0099", "--with", "Oaktrees"], "no escalation matches")
        try Self.refused(cli, ["escalation", "raise", ref, "--with", "Oaktrees", "--on", "2099-01-01"], "is in the future")

        // The organisation: raised, put on hold for 5 days, answered unsatisfactorily.
        var shown = try cli.ok("escalation", "raise", ref, "--with", "Oaktrees Care Ltd, registered manager", "--on", "2026-10-02")
        #expect(shown["responseDue"] as? String == "2026-11-01")  // 30 calendar days
        #expect(shown["responseAmberFrom"] as? String == "2026-10-22")  // 20 calendar days
        try Self.refused(cli, ["escalation", "raise", ref, "--with", "ICB"], "cannot raise the next stage while the escalation is awaiting a response")
        try Self.refused(cli, ["escalation", "skip", ref, "--reason", "r"], "cannot skip a stage")
        try Self.refused(cli, ["escalation", "response", ref], "--summary")
        try Self.refused(cli, ["escalation", "response", ref, "--summary", "s", "--none"], "--summary")
        try Self.refused(cli, ["escalation", "response", ref, "--summary", "s", "--on", "2026-10-01"], "before the organisation itself was raised")
        try cli.ok("escalation", "hold", ref, "--on", "2026-10-10")
        let held = try cli.run(["due", "--as-of", "2026-10-12", "--json"])
        #expect(held.status == 0 && held.stdout.contains("[") && held.array.isEmpty, "a clock on hold is not due")
        try Self.refused(cli, ["escalation", "hold", ref], "cannot put the stage's clock on hold while the escalation is on hold")
        shown = try cli.ok("escalation", "resume", ref, "--on", "2026-10-15")
        #expect(shown["responseDue"] as? String == "2026-11-06", "five days on hold move the due day by five")
        let due = try cli.run(["due", "--as-of", "2026-10-28", "--json"]).array
        #expect(due.count == 1 && due.first?["reference"] as? String == ref && due.first?["status"] as? String == "amber"
                && due.first?["remaining"] as? Int == 9 && due.first?["unit"] as? String == "calendar days")
        try cli.ok("escalation", "response", ref, "--summary", "Denies any problem", "--no-satisfactory", "--on", "2026-10-20")

        // The commissioner: skipped with a reason; the regional manager: raised, no response.
        try Self.refused(cli, ["escalation", "skip", ref, "--stage", "cqc", "--reason", "r"], "before the commissioner")
        try cli.ok("escalation", "skip", ref, "--reason", "The ICB commissions the provider's parent trust", "--on", "2026-10-21")
        try Self.refused(cli, ["escalation", "skip", ref, "--stage", "commissioner", "--reason", "again"], "was skipped already")
        try cli.ok("escalation", "raise", ref, "--with", "Healthwatch England regional manager", "--on", "2026-10-21")
        try cli.ok("escalation", "response", ref, "--none", "--on", "2026-11-25")

        // CQC: the regional manager copied in, or refused; CQC is never skipped.
        try Self.refused(cli, ["escalation", "skip", ref, "--reason", "r"], "CQC is the last stage")
        try Self.refused(cli, ["escalation", "raise", ref, "--with", "CQC NCSC", "--on", "2026-11-26"], "copies your regional manager in")
        shown = try cli.ok("escalation", "raise", ref, "--with", "CQC NCSC", "--copy", "R. Manager", "--on", "2026-11-26")
        #expect(shown["nextStage"] == nil)
        #expect(try cli.run(["due", "--as-of", "2026-12-30", "--process", "hwe", "--owner", "CQC", "--json"]).array.first?["status"] as? String == "red")
        try Self.refused(cli, ["escalation", "close", ref, "--outcome", "fixed", "--summary", "s"], "unknown outcome")
        try Self.refused(cli, ["escalation", "close", ref, "--outcome", "cqc-acting", "--summary", " "], "outcome summary")
        try cli.ok("escalation", "close", ref, "--outcome", "cqc-acting", "--summary", "CQC inspected; warning notice", "--on", "2026-12-01")

        // Closed: nothing more is allowed, and its clock has stopped.
        for step in [["raise", ref, "--with", "x"], ["skip", ref, "--reason", "r"], ["response", ref, "--none"], ["hold", ref], ["resume", ref],
                     ["close", ref, "--outcome", "withdrawn", "--summary", "s"]] {
            try Self.refused(cli, ["escalation"] + step, "while the escalation is closed")
        }
        #expect(try cli.run(["due", "--as-of", "2026-12-30", "--json"]).array.isEmpty)
        let escalation = try cli.ok("escalation", "show", ref)
        let stages = escalation["stages"] as? [[String: Any]] ?? []
        #expect(stages.map { $0["stage"] as? String } == ["organisation", "commissioner", "regional-manager", "cqc"])
        #expect(stages.map { $0["state"] as? String } == ["responded", "skipped", "responded", "responded"])
        #expect(stages[0]["pausedDays"] as? Int == 5 && stages[2]["responseReceived"] as? Bool == false)

        // The quarter's figures: counts and times only.
        let report = try cli.ok("escalation", "report", "--quarter", "2026-Q4", "--as-of", "2026-12-31")
        #expect(report["opened"] as? Int == 1 && report["closed"] as? Int == 1 && report["openAtEnd"] as? Int == 0)
        #expect((report["highestStageReached"] as? [String: Int]) == ["cqc": 1])
        #expect(report["escalatedToCQC"] as? Int == 1 && report["regionalManagerCopied"] as? Int == 1)
        let figures = Dictionary(uniqueKeysWithValues: (report["stages"] as? [[String: Any]] ?? []).map { ($0["stage"] as? String ?? "", $0) })
        #expect(figures["organisation"]?["medianResponseDays"] as? Int == 13)  // 2 Oct to 20 Oct, less 5 on hold
        #expect(figures["commissioner"]?["skipped"] as? Int == 1)
        #expect(figures["regional-manager"]?["noResponse"] as? Int == 1)
        #expect(figures["cqc"]?["noResponse"] as? Int == 1, "closing stops the clock: recorded as no response")
        let text = try cli.run(["escalation", "report", "--quarter", "2026-Q4"]).stdout
        #expect(!text.contains("Oaktrees") && !text.contains(ref) && !text.contains("R. Manager"))
        try Self.refused(cli, ["escalation", "report", "--quarter", "2026-Q5"], "is not a quarter")
    }

    @Test func responseClocksAreTheOrganisations() throws {
        let cli = try Self.node()
        try Self.refused(cli, ["escalation", "clock", "--warning", "10 working days", "--breach", "15 calendar days"], "mix units")
        try Self.refused(cli, ["escalation", "clock", "--warning", "15 working days", "--breach", "10 working days"], "must come before")
        try Self.refused(cli, ["escalation", "clock", "--warning", "15 working days"], "give both")
        try cli.ok("escalation", "clock", "--stage", "organisation", "--warning", "5 working days", "--breach", "10 working days")
        try cli.ok("escalation", "open", "--type", "culture", "--organisation", "Elm House Ltd", "--title", "Board", "--summary", "s",
                   "--systemic", "--on", "2025-12-01")
        let shown = try cli.ok("escalation", "raise", "HWE-2025-0001", "--with", "Elm House Ltd", "--on", "2025-12-18")
        #expect(shown["responseDue"] as? String == "2026-01-06", "ten working days past Christmas, Boxing Day and New Year")
        #expect((shown["calendarVersion"] as? String)?.hasPrefix("gov.uk-") == true && shown["responseDueProvisional"] as? Bool == false)
        // A due day past the shipped bank holidays is provisional, in the dossier and the worklist.
        try cli.ok("escalation", "response", "HWE-2025-0001", "--none", "--on", "2026-01-07")
        try cli.ok("escalation", "clock", "--stage", "commissioner", "--warning", "400 working days", "--breach", "500 working days")
        let later = try cli.ok("escalation", "raise", "HWE-2025-0001", "--with", "Kent and Medway ICB", "--on", "2026-11-02")
        #expect(later["responseDueProvisional"] as? Bool == true)
        let listed = try cli.run(["due", "--as-of", "2026-11-03", "--json"]).array
        #expect(listed.first { $0["reference"] as? String == "HWE-2025-0001" }?["provisional"] as? Bool == true)
        #expect(try cli.run(["due", "--as-of", "2026-11-03"]).stdout.contains("(provisional)"))
        let clocks = try cli.run(["escalation", "clock", "--json"]).array
        #expect(clocks.map { $0["breach"] as? String } == ["10 working days", "500 working days", "30 calendar days", "30 calendar days"])
    }
}
