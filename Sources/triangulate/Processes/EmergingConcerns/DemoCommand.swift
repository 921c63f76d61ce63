import ArgumentParser
import Foundation
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateNodeWeb
import TriangulateWeb

/// `triangulate demo`: a guided tour of the protocol on a throwaway store.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Record a realistic concern through every step of the protocol into a temporary store, then print the report.",
        discussion: """
            Nothing of yours is touched: the demo writes to a new temporary file (or to --keep PATH, which must \
            not exist). With --serve, the demo store is then opened in the web application on loopback, with a \
            person to sign in as (its password printed), until Ctrl-C.
            """)

    @Option(help: ArgumentHelp("Keep the demo store at this new path instead of deleting it.", valueName: "path"))
    var keep: String?

    @Flag(help: "Print the final report as one JSON value.")
    var json = false

    @Flag(help: "Then open the demo store in the web application, with a person to sign in as.")
    var serve = false

    @Option(help: ArgumentHelp("With --serve: the port on 127.0.0.1 (0 picks a free one).", valueName: "port"))
    var port = 8080

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-demo-\(UUID().uuidString)")
        let path = keep ?? directory.appendingPathComponent("demo.sqlite").path
        do {
            if keep == nil { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
            defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
            let store = try NodeStore.create(at: path, organisation: try Parse.org("CQC"), by: "demo")
            let report = try DemoScript(store: store, narrate: !json && !serve).run()
            if serve {
                try await Self.openInBrowser(store, port: port)
                return
            }
            if json {
                Rendered(json: report, text: "").print(json: true)
            } else {
                print("")
                print(ReportText.table(report))
                print("")
                print(keep.map { "The demo store is kept at \($0): try `triangulate --store \($0) concern show ECP-2026-0001`." }
                      ?? "The demo store was temporary and has been deleted. Start your own with `triangulate init --org CODE`.")
            }
        } catch {
            throw Failure.report(error)
        }
    }

    /// Adds a person to sign in as, prints how, and serves the web application over `store`.
    private static func openInBrowser(_ store: NodeStore, port: Int) async throws {
        let password = SignInRules.makePassword()
        _ = try store.addPerson(try StaffName(parsing: "demo"), role: .admin, password: password, by: "demo")
        var logger = Logger(label: "triangulate", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = .warning
        let application = try NodeWebApplication(store: store, listen: ListenSettings(host: "127.0.0.1", port: port), logger: logger)
        try await application.run { url in
            FileHandle.standardOutput.write(Data("""
                The demo store is open in the web application: \(url)
                Sign in as demo, password \(password). Stop with Ctrl-C.

                """.utf8))
        }
    }

}

/// The demo's story: a whistleblower's account about a nursing home reaches CQC, which
/// triggers the protocol, involves the NMC, GMC and the Ombudsman, holds a panel, agrees
/// actions and records the outcome and the learning; a second signal is not triggered.
struct DemoScript {
    let store: NodeStore
    let narrate: Bool

    private func say(_ text: String) { if narrate { print(text) } }
    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    func run() throws -> ProtocolReport {
        let inspector = "A. Inspector (CQC)"
        say("CQC's node is recording, offline, its use of the Emerging Concerns Protocol.")
        let council = try store.addOrganisation(Organisation(
            code: try OrganisationCode(parsing: "KNOWSLEY-ASC"), name: "Knowsley Council adult social care",
            kind: .council, role: .partner), by: inspector)
        say("• Added local partner \(council.code).")

        let concern = try store.addConcern(NewConcern(
            category: .systems, setting: .nursingHome, title: "Night staffing and medicines at Oaktrees",
            summary: "Whistleblower reports repeated night shifts with one registered nurse for 40 residents and missed medication rounds.",
            identifiedOn: try day("2026-09-01"),
            source: Source(type: .whistleblower, reliability: .b, credibility: .two),
            subjects: [try Subject(parsing: "location:1-134558905:Oaktrees Nursing Home"),
                       try Subject(parsing: "provider:1-102643096:Oaktrees Care Ltd"),
                       try Subject(parsing: "professional:NMC:12A3456B:Night nurse in charge")]), by: inspector).concern
        let ref = concern.reference
        say("• Recorded \(ref): \(concern.title)")
        _ = try store.raiseSafeguarding(on: ref, NewSafeguardingFlag(
            raisedOn: try day("2026-09-01"), referredTo: council.code, referralReference: "S42-2026-118",
            immediateAction: "Safeguarding referral made the same day"), by: inspector)
        say("• Safeguarding flag raised and referred to \(council.code) at once: the protocol never waits for it.")

        _ = try store.evaluate(ref, EvaluationInput(
            on: try day("2026-09-02"), sourceAssessment: "Named insider, consistent detail", riskAssessment: "Medium, rising",
            decision: .trigger, rationale: "Staffing pattern suggests risk to residents and to professional practice"), by: inspector)
        say("• Evaluated: the protocol is triggered.")

        _ = try store.recordContact(ref, ContactInput(partner: try .init(parsing: "NMC"), purpose: .both, on: try day("2026-09-03"),
                                                      namedContact: "ECP lead", channel: "secure email"), by: inspector)
        _ = try store.recordContact(ref, ContactInput(partner: try .init(parsing: "GMC"), purpose: .share, on: try day("2026-09-03")), by: inspector)
        let request = try store.addRequest(ref, RequestInput(
            direction: .outgoing, counterpart: try .init(parsing: "LGSCO"), question: "Any upheld adult care complaints about this location in 12 months?",
            on: try day("2026-09-03"), dueBy: try day("2026-09-17"), legalGateway: "LGSCO-CQC MoU 4.4"), by: inspector)
        _ = try store.advanceRequest(request.reference, .answer, RequestUpdate(
            on: try day("2026-09-10"), summary: "Two upheld complaints about night care", payloadClass: .anonymised), by: inspector)
        say("• Contacted NMC and GMC; asked LGSCO (\(request.reference)), which answered.")

        let (_, proposed) = try store.decidePanel(ref, call: true, on: try day("2026-09-11"),
                                                   rationale: "Several regulators hold related information", by: inspector)
        guard let panelRef = proposed?.reference else { return try finish() }
        _ = try store.convenePanel(panelRef, chair: "B. Chair (CQC)", on: try day("2026-09-18"), format: .virtual, by: inspector)
        for (org, person, role, reason) in [
            ("CQC", "A. Inspector", "inspector", "Holds the whistleblower account"),
            ("NMC", "C. Case officer", "fitness to practise", "A named nurse may need referral"),
            ("GMC", "D. Liaison adviser", "employer liaison", "Visiting GPs may be affected"),
            ("KNOWSLEY-ASC", "E. Safeguarding lead", "safeguarding", "Open section 42 enquiry"),
        ] {
            _ = try store.invite(Invitee(org: try .init(parsing: org), person: person, role: role, needToKnow: reason), to: panelRef, by: inspector)
        }
        for (org, person) in [("CQC", "A. Inspector"), ("NMC", "C. Case officer"), ("KNOWSLEY-ASC", "E. Safeguarding lead")] {
            _ = try store.recordAttendance(at: panelRef, org: try .init(parsing: org), person: person, attendance: .attended, by: inspector)
        }
        _ = try store.recordAttendance(at: panelRef, org: try .init(parsing: "GMC"), person: "D. Liaison adviser", attendance: .apologies, by: inspector)
        _ = try store.draftMinutes("Panel agreed a responsive inspection and an NMC referral triage.", for: panelRef, by: inspector)
        _ = try store.agreeMinutes(for: panelRef, on: try day("2026-09-22"), by: inspector)
        say("• Panel \(panelRef) convened, held (GMC sent apologies), minutes agreed.")

        let inspection = try store.addAction(ref, ActionInput(
            ownerOrg: try .init(parsing: "CQC"), summary: "Responsive inspection of Oaktrees", agreedOn: try day("2026-09-18"),
            dueBy: try day("2026-10-02"), panel: panelRef, isRegulatoryActivity: true), by: inspector)
        let triage = try store.addAction(ref, ActionInput(
            ownerOrg: try .init(parsing: "NMC"), summary: "Triage of referral about the nurse in charge", agreedOn: try day("2026-09-18"),
            dueBy: try day("2026-10-16"), panel: panelRef, isRegulatoryActivity: true), by: inspector)
        _ = try store.addAction(ref, ActionInput(
            ownerOrg: try .init(parsing: "KNOWSLEY-ASC"), summary: "Contract monitoring visit", agreedOn: try day("2026-09-18"),
            dueBy: try day("2026-10-09"), panel: panelRef), by: inspector)
        _ = try store.advanceAction(inspection.reference, .complete, on: try day("2026-09-30"),
                                    evidence: "Inspection report draft INS-2026-4411", by: inspector)
        _ = try store.advanceAction(triage.reference, .complete, on: try day("2026-10-12"),
                                    evidence: "NMC triage outcome recorded", by: inspector)
        say("• Three actions agreed; two taken, the council's contract visit still open.")

        _ = try store.distributePanelRecord(panelRef, to: nil, on: try day("2026-09-23"), by: inspector)
        _ = try store.closePanel(panelRef, by: inspector)
        _ = try store.recordOutcome(ref, type: .regulatoryActivity, summary: "Inspection and referral under way",
                                    on: try day("2026-10-14"), by: inspector)
        _ = try store.shareOutcome(ref, with: nil, on: try day("2026-10-15"), by: inspector)
        _ = try store.recordReview(ref, ReviewInput(
            on: try day("2026-10-20"), reviewers: ["A. Inspector", "B. Chair"], wentWell: "Partners answered within a week",
            doDifferently: "Invite the ICB earlier", lessons: "Check GP cover when night staffing is raised"), by: inspector)
        _ = try store.closeConcern(ref, on: try day("2026-10-21"), by: inspector)
        say("• Record shared with partners and the Forum secretariat; outcome shared; learning reviewed; \(ref) closed.")

        let second = try store.addConcern(NewConcern(
            category: .professionals, setting: .health, title: "Single complaint about a locum's manner",
            summary: "One complaint, no pattern found.", identifiedOn: try day("2026-10-05"),
            source: Source(type: .complaint), subjects: [try Subject(parsing: "other:Locum agency")]), by: inspector).concern
        _ = try store.evaluate(second.reference, EvaluationInput(
            on: try day("2026-10-06"), decision: .notTrigger, rationale: "Isolated, already handled by the provider",
            alternativeRoute: "Provider's own complaints process"), by: inspector)
        _ = try store.closeConcern(second.reference, on: try day("2026-10-06"), by: inspector)
        say("• \(second.reference) evaluated and not triggered — the decision and its route are recorded too.")

        _ = try store.recordExternalPanel(convenedBy: try .init(parsing: "GMC"), externalReference: "GMC-RRP-77",
                                          on: try day("2026-10-08"), attendee: "A. Inspector", role: "CQC liaison", by: inspector)
        say("• Attended a panel GMC convened.")
        return try finish()
    }

    private func finish() throws -> ProtocolReport {
        try store.report(period: try ReportPeriod(from: try day("2026-09-01"), to: try day("2026-10-31")), asOf: try day("2026-10-31"))
    }
}
