import Foundation
import Testing
import TriangulateModel

/// The councils' processes through the built executable (issue 15): a council sets up its node;
/// organisational safeguarding and Provider Concerns run end to end with hand-computed deadlines
/// over bank holidays, every step not allowed refused with what is allowed next and nothing
/// changed; a CQC–ADASS series rotates its chair and sets template deadlines over a year.
@Suite("Councils' processes")
struct CouncilProcessesTests {
    /// A council's node, with CQC and a provider known.
    static func council(nation: String? = nil) throws -> CLI {
        let cli = try CLI()
        _ = try cli.run(["init", "--org", "KNOWSLEY-ASC", "--name", "Knowsley Council adult social services", "--kind", "council"]
                        + (nation.map { ["--nation", $0] } ?? []) + ["--json"]).checked()
        try cli.ok("org", "add", "OAKTREES-CARE", "--name", "Oaktrees Care Ltd", "--kind", "provider")
        try cli.ok("org", "add", "HW-KNOWSLEY", "--name", "Healthwatch Knowsley", "--kind", "healthwatch")
        return cli
    }

    static func take(_ cli: CLI, _ reference: String, _ step: String, on day: String, _ answers: [String: String] = [:],
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try cli.run(["case", "take", reference, step, "--on", day] + answers.sorted(by: { $0.key < $1.key }).flatMap { ["--set", "\($0.key)=\($0.value)"] }
                    + ["--json"]).checked(sourceLocation)
    }

    static func due(_ dossier: [String: Any]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (dossier["openClocks"] as? [[String: Any]] ?? []).map { ($0["clock"] as? String ?? "", $0["due"] as? String ?? "") })
    }

    @Test func anyOrganisationCanRunANode() throws {
        let cli = try CLI()
        let missingKind = try cli.run(["init", "--org", "KNOWSLEY-ASC", "--name", "Knowsley"])
        #expect(missingKind.status != 0 && missingKind.stderr.contains("--kind"))
        let badKind = try cli.run(["init", "--org", "KNOWSLEY-ASC", "--name", "Knowsley", "--kind", "county"])
        #expect(badKind.status != 0 && badKind.stderr.contains("nhs-trust") && badKind.stderr.contains("provider"))
        #expect(!FileManager.default.fileExists(atPath: cli.store))
        let created = try cli.ok("init", "--org", "ST-HELENS-ADULT-CARE", "--name", "St Helens adult social care", "--kind", "council",
                                 "--nation", "england-and-wales")
        #expect(created["organisation"] as? String == "ST-HELENS-ADULT-CARE" && created["nation"] as? String == "england-and-wales")
        let scottish = try CLI()
        try scottish.ok("init", "--org", "FIFE-HSCP", "--name", "Fife Health and Social Care Partnership", "--kind", "council", "--nation", "scotland")
        #expect(try scottish.ok("calendar", "nation")["nation"] as? String == "scotland")
    }

    @Test func organisationalSafeguardingEndToEnd() throws {
        let cli = try Self.council()
        let opened = try cli.run(["case", "open", "osg", "--set", "title=Care at Oaktrees", "--set", "subject=Oaktrees Care Home (1-123456789)",
                                  "--set", "summary=A consistent number of S42 enquiries", "--set", "fromSection42=yes", "--on", "2025-12-01", "--json"]).checked()
        #expect((opened["flowCase"] as? [String: Any])?["reference"] as? String == "OSG-2026-0001")
        let ref = "OSG-2026-0001"
        // Not yet: each refusal names what is allowed, and changes nothing.
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "dass-agree", "--set", "decidedBy=dass", "--set", "leadOfficer=L",
                                                     "--set", "coordinator=C", "--on", "2025-12-02"],
                                               "allowed next: hold the multi-agency threshold meeting (threshold-meeting)")
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "threshold-meeting", "--set", "chair=KNOWSLEY-ASC", "--on", "2025-12-10"],
                                               "threshold: Select level of concern")
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "threshold-meeting", "--set", "threshold=significant", "--set", "chair=NOBODY",
                                                     "--on", "2025-12-10"], "NOBODY is not an organisation this node knows")
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "threshold-meeting", "--set", "threshold=significant", "--set", "chair=KNOWSLEY-ASC",
                                                     "--on", "2025-11-30"], "before the case opened")
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "threshold-meeting", "--set", "colour=red"], "asks no 'colour'")
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "fly"], "has no step 'fly'")

        _ = try Self.take(cli, ref, "threshold-meeting", on: "2025-12-10", ["threshold": "significant", "chair": "KNOWSLEY-ASC"])
        _ = try Self.take(cli, ref, "recommend", on: "2025-12-22", ["recommendation": "Enter the process"])
        // The issue's example: agreed on Wednesday 24 December 2025, in England.
        let agreed = try Self.take(cli, ref, "dass-agree", on: "2025-12-24", ["decidedBy": "deputy", "leadOfficer": "Head of quality",
                                                                               "coordinator": "Safeguarding coordinator"])
        #expect(Self.due(agreed) == ["osg.inform-provider": "2025-12-29", "osg.stage-two-meeting": "2026-01-05"])
        let worklist = try cli.run(["due", "--process", "osg", "--json"]).stdout
        #expect(worklist.contains("2025-12-29") && worklist.contains("2026-01-05"))
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "findings-meeting", "--set", "chair=KNOWSLEY-ASC", "--on", "2025-12-30"],
                                               "hold the stage 2 organisational safeguarding concerns meeting (stage-two-meeting)")

        // Informed within the working day; the police-or-coroner exception is then used up too.
        _ = try Self.take(cli, ref, "inform-provider", on: "2025-12-29", ["how": "Letter and call to the registered manager"])
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "notice-exception", "--set", "reason=police", "--set", "discussedWith=DASS",
                                                     "--on", "2025-12-29"], "record why the organisation is not informed yet is not allowed")
        let stage2 = try Self.take(cli, ref, "stage-two-meeting", on: "2026-01-05", ["chair": "KNOWSLEY-ASC"])
        #expect(Self.due(stage2)["osg.findings-meeting"] == "2026-01-23")
        // Immediate action is never held back by a stage.
        _ = try Self.take(cli, ref, "immediate-action", on: "2026-01-06", ["action": "Extra night staff placed by the council"])
        let findings = try Self.take(cli, ref, "findings-meeting", on: "2026-01-23", ["chair": "KNOWSLEY-ASC"])
        #expect(Self.due(findings)["osg.improvement-plan"] == "2026-01-25")
        let plan = try Self.take(cli, ref, "receive-plan", on: "2026-01-26")
        #expect(Self.due(plan) == ["osg.first-project-meeting": "2026-02-02", "osg.contract-review": "2026-04-26"])
        _ = try Self.take(cli, ref, "add-plan-item", on: "2026-01-27", ["area": "Night staffing", "due": "2026-03-01", "measure": "Four weeks of rotas"])
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "update-plan-item", "--set", "item=1", "--set", "status=met", "--on", "2026-02-20"],
                                               "evidence: Give the evidence that the area is met")
        _ = try Self.take(cli, ref, "update-plan-item", on: "2026-02-20", ["item": "1", "status": "met", "evidence": "Rotas for four weeks"])
        _ = try Self.take(cli, ref, "project-meeting", on: "2026-02-02", ["chair": "KNOWSLEY-ASC", "due": "2026-02-16"])
        _ = try Self.take(cli, ref, "placements", on: "2026-02-03", ["decision": "suspend", "reason": "Staffing at night not yet safe"])
        _ = try Self.take(cli, ref, "quality-assurance", on: "2026-03-02", ["activities": "Unannounced visits; families' feedback"])
        let closing = try Self.take(cli, ref, "closing-meeting", on: "2026-04-14", ["chair": "KNOWSLEY-ASC"])
        #expect(Self.due(closing)["osg.closure-notice"] == "2026-04-15")
        let notified = try Self.take(cli, ref, "notify-closure", on: "2026-04-15", ["notice": "The process has ended: improvements sustained."])
        #expect((notified["notices"] as? [[String: Any]])?.compactMap { $0["reference"] as? String } == ["OSG-2026-0001/NOTICE"])
        let closed = try Self.take(cli, ref, "contract-review", on: "2026-04-24", ["sustained": "yes", "summary": "Sustained"])
        #expect((closed["flowCase"] as? [String: Any])?["closedOn"] as? String == "2026-04-24" && Self.due(closed).isEmpty)
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "immediate-action", "--set", "action=x", "--on", "2026-04-25"],
                                               "allowed next: nothing")
        #expect((closed["meetings"] as? [String])?.count == 5)

        // The report: every deadline met except the plan (48 hours ran over a weekend) and the
        // next project meeting (none before the closing meeting).
        let report = try cli.run(["case", "report", "osg", "--from", "2025-12-01", "--to", "2026-12-31", "--json"]).checked()
        let clocks = Dictionary(uniqueKeysWithValues: (report["clocks"] as? [[String: Any]] ?? []).map { ($0["clock"] as? String ?? "", ($0["met"] as? Int ?? -1, $0["missed"] as? Int ?? -1)) })
        #expect(clocks["osg.inform-provider"]! == (1, 0) && clocks["osg.stage-two-meeting"]! == (1, 0) && clocks["osg.findings-meeting"]! == (1, 0))
        #expect(clocks["osg.improvement-plan"]! == (0, 1) && clocks["osg.closure-notice"]! == (1, 0) && clocks["osg.contract-review"]! == (1, 0))
        #expect(report["opened"] as? Int == 1 && report["closed"] as? Int == 1)
        let csv = try cli.run(["case", "report", "osg", "--from", "2025-12-01", "--to", "2026-12-31", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("measure,of,value\n") && csv.stdout.contains("deadline_missed,osg.improvement-plan,1"))
        #expect(!csv.stdout.contains("Oaktrees") && !csv.stdout.contains("OSG-2026"))
    }

    @Test func providerConcernsEndToEnd() throws {
        let cli = try Self.council()
        let opened = try cli.run(["case", "open", "pcp", "--set", "title=Falls at Ivy House", "--set", "subject=Ivy House (1-987654321)",
                                  "--set", "summary=Unwitnessed falls", "--set", "source=sar", "--set", "threshold=high",
                                  "--set", "hostAuthority=KNOWSLEY-ASC", "--on", "2026-04-02", "--json"]).checked()
        // Thursday 2 April 2026: five working days over Good Friday and Easter Monday.
        #expect(Self.due(opened) == ["pcp.step-one": "2026-04-13"])
        let ref = "PCP-2026-0001"
        let actions = ProviderConcerns.stepOneActions.map(\.name)
        let half = try Self.take(cli, ref, "step-one-actions", on: "2026-04-07", Dictionary(uniqueKeysWithValues: actions.prefix(5).map { ($0, "yes") }))
        #expect((half["checklists"] as? [[String: Any]])?.first?["missing"] as? [String] == Array(actions.dropFirst(5)))
        try HealthwatchEscalationTests.refused(cli, ["case", "take", ref, "provider-meeting", "--set", "chair=KNOWSLEY-ASC", "--on", "2026-04-08"],
                                               "allowed next: record step 1 actions done (step-one-actions)")
        let done = try Self.take(cli, ref, "step-one-actions", on: "2026-04-10", Dictionary(uniqueKeysWithValues: actions.dropFirst(5).map { ($0, "yes") }))
        #expect(Self.due(done).isEmpty)
        let info = try Self.take(cli, ref, "information-meeting", on: "2026-04-13", ["chair": "KNOWSLEY-ASC", "due": "2026-04-27"])
        #expect(Self.due(info) == ["pcp.provider-meeting": "2026-04-27"])
        _ = try Self.take(cli, ref, "admissions", on: "2026-04-14", ["decision": "suspend", "reason": "High risk of falls"])
        _ = try Self.take(cli, ref, "provider-meeting", on: "2026-04-24", ["chair": "KNOWSLEY-ASC"])
        _ = try Self.take(cli, ref, "add-plan-item", on: "2026-04-24", ["area": "Falls risk assessments", "due": "2026-05-29", "measure": "Audit"])
        let monitoring = try Self.take(cli, ref, "monitoring-meeting", on: "2026-05-11", ["chair": "KNOWSLEY-ASC", "due": "2026-06-08"])
        #expect(Self.due(monitoring)["pcp.monitoring-meeting"] == "2026-06-08")
        _ = try Self.take(cli, ref, "quality-assurance", on: "2026-06-01", ["activities": "Unannounced visits; calls to families"])
        let closed = try Self.take(cli, ref, "close", on: "2026-07-01", ["chair": "KNOWSLEY-ASC", "notice": "The Provider Concerns process has ended.",
                                                                         "report": "Concerns, actions, risk management, outcomes"])
        #expect((closed["notices"] as? [[String: Any]])?.compactMap { $0["reference"] as? String } == ["PCP-2026-0001/NOTICE", "PCP-2026-0001/REPORT"])
        #expect((closed["flowCase"] as? [String: Any])?["state"] as? String == "closed")
        let report = try cli.run(["case", "report", "pcp", "--from", "2026-01-01", "--to", "2026-12-31", "--json"]).checked()
        let stepOne = (report["clocks"] as? [[String: Any]])?.first { $0["clock"] as? String == "pcp.step-one" }
        #expect(stepOne?["met"] as? Int == 1)
    }

    /// A local series over a year: the chair's turns, each meeting's chair and its templates'
    /// deadline, the next meeting due, and the worklist of templates, actions and the series.
    @Test func aMeetingSeriesOverAYear() throws {
        let cli = try Self.council()
        let created = try cli.ok("series", "create", "--kind", "adass-local", "--title", "Knowsley CQC–ADASS information sharing",
                                 "--starts", "2026-01-15", "--chairs", "CQC,KNOWSLEY-ASC", "--invite", "HW-KNOWSLEY",
                                 "--template-lead", "2 working days")
        let ser = (created["series"] as? [String: Any])?["reference"] as? String ?? ""
        #expect(ser == "SER-2026-0001")
        var meetings: [(String, String, String)] = []  // reference, chair, templates due
        for day in ["2026-01-15", "2026-03-12", "2026-05-07", "2026-07-09", "2026-09-03", "2026-11-05"] {
            let meeting = try cli.ok("series", "meeting", ser, "--on", day)
            meetings.append(((meeting["meeting"] as? [String: Any])?["reference"] as? String ?? "", (meeting["meeting"] as? [String: Any])?["chair"] as? String ?? "",
                             meeting["templatesDue"] as? String ?? ""))
        }
        #expect(meetings.map(\.1) == ["CQC", "CQC", "CQC", "CQC", "KNOWSLEY-ASC", "KNOWSLEY-ASC"])
        #expect(meetings.map(\.2) == ["2026-01-13", "2026-03-10", "2026-05-05", "2026-07-07", "2026-09-01", "2026-11-03"])
        let shown = try cli.ok("series", "show", ser)
        #expect(shown["nextDue"] as? String == "2027-01-05")
        // The chair minutes its meeting; the council cannot minute CQC's.
        let first = meetings[0].0
        try HealthwatchEscalationTests.refused(cli, ["meeting", "minutes", first, "--text", "x"], "chaired, and so minuted, by CQC")
        let last = meetings[5].0
        try cli.ok("meeting", "template", last, "--org", "HW-KNOWSLEY", "--on", "2026-11-02")
        try cli.ok("meeting", "action", last, "--description", "Share the latest inspection report", "--owner", "CQC", "--due", "2026-11-20")
        try cli.ok("meeting", "minutes", last, "--text", "Risks discussed")
        try cli.ok("meeting", "agree", last, "--on", "2026-11-06")
        try HealthwatchEscalationTests.refused(cli, ["meeting", "minutes", last, "--text", "changed"], "they no longer change")
        let due = try cli.run(["due", "--process", "meetings", "--as-of", "2026-11-06", "--json"]).array
        let owed = Set(due.map { "\($0["reference"] as? String ?? "") \($0["owner"] as? String ?? "") \($0["due"] as? String ?? "")" })
        #expect(owed.contains("\(last)/A1 CQC 2026-11-20") && owed.contains("SER-2026-0001 KNOWSLEY-ASC 2027-01-05"), "\(owed)")
        // Templates of meetings not yet minuted are due, the chair's own included; HW-KNOWSLEY's
        // for the last meeting came in, and its minutes are agreed: nothing is owed for it.
        #expect(owed.contains("\(meetings[4].0) HW-KNOWSLEY 2026-09-01") && owed.contains("\(meetings[4].0) CQC 2026-09-01"))
        #expect(!owed.contains { $0.hasPrefix(last + " ") })
        let year = try cli.run(["series", "show", ser]).stdout
        #expect(year.contains("2027-01-15 to 2027-07-14: CQC") || year.contains("to 2027-01-14: KNOWSLEY-ASC"))
    }
}

extension CLI.Result {
    /// The JSON object of a command that must have succeeded.
    func checked(_ sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        #expect(status == 0, "failed: \(stderr)", sourceLocation: sourceLocation)
        return object
    }
}
