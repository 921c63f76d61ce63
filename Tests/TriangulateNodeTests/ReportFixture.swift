import TriangulateModel
import TriangulateNode

/// A realistic first quarter at CQC's node: a triggered concern with a panel, actions done and
/// overdue and a safeguarding flag; a concern not triggered; a triggered concern with no panel
/// and no subjects; a draft; one concern from the year before; a panel attended at the GMC.
/// `ReportTests` checks the report against figures computed by hand from this story.
enum ReportFixture {
    static let user = "A. Inspector"

    static func build(_ store: NodeStore) throws {
        func concern(_ category: ConcernCategory, _ identified: String, subjects: [String]) throws -> String {
            try store.addConcern(NewConcern(
                category: category, setting: .nursingHome, title: "Concern \(identified)", summary: "Account \(identified)",
                identifiedOn: day(identified), source: Source(type: .whistleblower),
                subjects: try subjects.map { try Subject(parsing: $0) }), by: user).concern.reference
        }

        // C5, the year before: triggered in December, outside the period.
        let c5 = try concern(.systems, "2025-12-20", subjects: ["other:Agency"])
        _ = try store.evaluate(c5, EvaluationInput(on: day("2025-12-21"), decision: .trigger), by: user)

        // C1: the full protocol, with a panel.
        let c1 = try concern(.systems, "2026-01-05", subjects: ["location:1-134558905:Oaktrees"])
        _ = try store.raiseSafeguarding(on: c1, NewSafeguardingFlag(raisedOn: day("2026-01-05"), immediateAction: "Referral made"), by: user)
        _ = try store.evaluate(c1, EvaluationInput(on: day("2026-01-06"), decision: .trigger), by: user)
        _ = try store.recordContact(c1, ContactInput(partner: org("NMC"), purpose: .share, on: day("2026-01-07")), by: user)
        _ = try store.recordContact(c1, ContactInput(partner: org("GMC"), purpose: .request, on: day("2026-01-07")), by: user)
        let r1 = try store.addRequest(c1, RequestInput(direction: .outgoing, counterpart: org("LGSCO"), question: "Complaints?",
                                                       on: day("2026-01-08"), dueBy: day("2026-01-20")), by: user)
        _ = try store.advanceRequest(r1.reference, .answer, RequestUpdate(on: day("2026-01-15"), summary: "Two upheld", payloadClass: .anonymised), by: user)
        let p1 = try requireValue(try store.decidePanel(c1, call: true, on: day("2026-01-16"), rationale: "Several holders", by: user).panel).reference
        _ = try store.convenePanel(p1, chair: "B. Chair", on: day("2026-01-20"), format: .virtual, by: user)
        for (code, person) in [("CQC", "A. Inspector"), ("NMC", "C. Officer"), ("GMC", "D. Adviser")] {
            _ = try store.invite(Invitee(org: org(code), person: person, role: "member", needToKnow: "Holds related information"), to: p1, by: user)
        }
        _ = try store.recordAttendance(at: p1, org: org("CQC"), person: "A. Inspector", attendance: .attended, by: user)
        _ = try store.recordAttendance(at: p1, org: org("NMC"), person: "C. Officer", attendance: .attended, by: user)
        _ = try store.recordAttendance(at: p1, org: org("GMC"), person: "D. Adviser", attendance: .apologies, by: user)
        _ = try store.draftMinutes("Agreed three actions.", for: p1, by: user)
        _ = try store.agreeMinutes(for: p1, on: day("2026-01-22"), by: user)
        let a1 = try store.addAction(c1, ActionInput(ownerOrg: org("CQC"), summary: "Inspect", agreedOn: day("2026-01-20"), dueBy: day("2026-02-01"), panel: p1), by: user)
        _ = try store.addAction(c1, ActionInput(ownerOrg: org("NMC"), summary: "Triage referral", agreedOn: day("2026-01-20"), dueBy: day("2026-02-15")), by: user)
        _ = try store.addAction(c1, ActionInput(ownerOrg: org("GMC"), summary: "Check GP cover", agreedOn: day("2026-01-20"), dueBy: day("2026-04-30")), by: user)
        _ = try store.advanceAction(a1.reference, .complete, on: day("2026-01-30"), evidence: "Report INS-1", by: user)
        _ = try store.distributePanelRecord(p1, to: nil, on: day("2026-01-23"), by: user)
        _ = try store.closePanel(p1, by: user)
        _ = try store.recordOutcome(c1, type: .regulatoryActivity, summary: "Inspection", on: day("2026-02-10"), by: user)
        _ = try store.shareOutcome(c1, with: nil, on: day("2026-02-11"), by: user)
        _ = try store.recordReview(c1, ReviewInput(on: day("2026-02-20"), reviewers: [], wentWell: "Quick answers", doDifferently: "Invite the ICB"), by: user)
        _ = try store.closeConcern(c1, on: day("2026-02-21"), by: user)

        // C2: not triggered.
        let c2 = try concern(.professionals, "2026-02-01", subjects: ["other:Locum agency"])
        _ = try store.evaluate(c2, EvaluationInput(on: day("2026-02-02"), decision: .notTrigger, rationale: "Isolated",
                                                   alternativeRoute: "Provider complaints process"), by: user)
        _ = try store.closeConcern(c2, on: day("2026-02-02"), by: user)

        // C3: triggered, no panel, no subjects, an incoming request answered with identifiable data.
        let c3 = try concern(.trust, "2026-02-10", subjects: [])
        _ = try store.evaluate(c3, EvaluationInput(on: day("2026-02-11"), decision: .trigger), by: user)
        _ = try store.recordContact(c3, ContactInput(partner: org("HCPC"), purpose: .both, on: day("2026-02-12"), payloadClass: .pseudonymised), by: user)
        _ = try store.decidePanel(c3, call: false, on: day("2026-02-13"), rationale: "Bilateral exchange suffices", by: user)
        let r3 = try store.addRequest(c3, RequestInput(direction: .incoming, counterpart: org("PHSO"), question: "Who?", on: day("2026-02-14")), by: user)
        _ = try store.advanceRequest(r3.reference, .answer, RequestUpdate(on: day("2026-02-15"), summary: "Named", payloadClass: .identifiable), by: user)
        _ = try store.recordOutcome(c3, type: .noFurtherAction, summary: "Nothing further", on: day("2026-02-20"), by: user)

        // C4: a draft, not yet evaluated.
        _ = try concern(.systems, "2026-03-01", subjects: ["provider:1-102643096:Oaktrees Care Ltd"])

        // A panel the GMC convened, attended from here.
        _ = try store.recordExternalPanel(convenedBy: org("GMC"), externalReference: "GMC-9", on: day("2026-03-05"),
                                          attendee: "A. Inspector", role: "liaison", by: user)
    }
}

struct MissingValue: Error {}

/// Unwraps an optional in fixture code, throwing when it is `nil`.
func requireValue<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingValue() }
    return value
}
