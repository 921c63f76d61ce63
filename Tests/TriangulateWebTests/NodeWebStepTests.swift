import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The steps of every process as forms drawn from their definitions, through the real router.
@Suite("Node web application: steps as forms")
struct NodeWebStepTests {
    /// A valid new concern's answers, confirmed, with the form's token.
    static func concern(_ csrf: String, identifiedOn: String) -> [(String, String)] {
        [("csrf", csrf), ("title", "Night staffing at Oaktrees"), ("category", "systems"), ("setting", "social-care"),
         ("identifiedOn", identifiedOn), ("source", "whistleblower"), ("location", "1-134558905"), ("locationName", "Oaktrees"),
         ("summary", "Only one carer on nights"), ("safeguarding", "yes"), ("confirmed", "yes")]
    }

    @Test func aCaseworkerTakesAConcernThroughEvaluationContactAndAPanel() async throws {
        let fixture = try WebFixture()
        let today = fixture.store.today.description
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let form = try await browser.get("/new/ecp/record")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<label for="title">Short title</label>"#))
            #expect(form.text.contains(#"value="\#(today)""#), "dates start at today")
            let created = try await browser.post("/new/ecp/record", Self.concern(Browser.csrf(in: form), identifiedOn: today))
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let caseURI = String(location.prefix { $0 != "?" })
            let page = try await browser.get(location)
            #expect(page.text.contains("Saved: record a concern"))
            #expect(page.text.contains(#"class="banner""#), "the safeguarding indicator raised with it shows at once")
            let csrf = Browser.csrf(in: page)
            for (step, answers) in [
                ("evaluate", [("on", today), ("decision", "trigger"), ("rationale", "Several signals")]),
                ("contact", [("partner", "NMC"), ("purpose", "share"), ("on", today)]),
                ("decide-panel", [("call", "call"), ("on", today), ("rationale", "Risk to residents")]),
                ("convene-panel", [("chair", "B. Chair (CQC)"), ("meetsOn", today)]),
                ("invite", [("org", "NMC"), ("person", "C. Officer"), ("role", "member"), ("needToKnow", "Holds the nurses' registrations")]),
                ("attend", [("org", "NMC"), ("person", "C. Officer"), ("attendance", "attended")]),
                ("add-action", [("owner", "NMC"), ("summary", "Review the registrant"), ("agreedOn", today), ("dueBy", today)]),
                ("outcome", [("type", "regulatory-activity"), ("on", today), ("summary", "Inspection and referral")]),
                ("share-outcome", [("on", today)]),
                ("review", [("on", today), ("wentWell", "Quick triage"), ("doDifferently", "Invite the ICB earlier")]),
                ("close", [("on", today)]),
            ] {
                let stepForm = try await browser.get("\(caseURI)/steps/\(step)")
                #expect(stepForm.status == .ok, "\(step) is offered")
                let taken = try await browser.post("\(caseURI)/steps/\(step)", [("csrf", csrf)] + answers)
                #expect(taken.status == .seeOther, "\(step): \(taken.text.prefix(0))")
            }
            let after = try await browser.get(caseURI)
            #expect(after.text.contains(#"<strong class="tag grey">closed</strong>"#), "the whole protocol, in the browser")
            #expect(after.text.contains("/steps/reopen"))
            for event in ["trigger: underEvaluation to triggered", "partnerContacted", "callPanel: sharing to panelCalled", "schedule: proposed to scheduled",
                          "hold: scheduled to held", "recordOutcome", "shareOutcome", "reviewLearning", "close: learningReviewed to closed"] {
                #expect(after.text.contains(event), "the timeline shows \(event)")
            }
            #expect(after.text.contains("<td>c.worker</td>"), "every step is recorded under the person signed in")
        }
        let history = try fixture.store.cases().first.map { try fixture.store.timeline(of: $0) } ?? []
        #expect(!history.isEmpty && history.allSatisfy { $0.actor == "c.worker" })
    }

    @Test func aFormWithMistakesComesBackWithEachFieldsErrorAndWhatWasTyped() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let form = try await browser.get("/new/ecp/record")
            let csrf = Browser.csrf(in: form)
            let refused = try await browser.post("/new/ecp/record", [("csrf", csrf), ("page", "0"), ("title", "Kept <b>as typed</b>")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("There is a problem"))
            for (field, message) in [("category", "Select category"), ("setting", "Select setting")] {
                #expect(refused.text.contains(##"<a href="#\##(field)">\##(message)"##), "\(field)")
            }
            #expect(refused.text.contains("Kept &lt;b&gt;as typed&lt;/b&gt;"), "what was typed comes back, escaped")
            let badDate = try await browser.post("/new/ecp/record", [("csrf", csrf), ("page", "1"), ("identifiedOn", "2026-02-30"),
                                                                      ("source", "complaint")])
            #expect(badDate.text.contains(##"<a href="#identifiedOn">Date the concern was identified must be a real date"##))
            #expect(try fixture.store.cases().isEmpty)
        }
    }

    @Test func aLongStepIsAskedAFewQuestionsAtATimeThenChecked() async throws {
        let fixture = try WebFixture()
        let today = fixture.store.today.description
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let first = try await browser.get("/new/ecp/record")
            #expect(first.text.contains("question page 1 of 4") && first.text.contains(#"<label for="title">"#))
            #expect(!first.text.contains(#"<label for="summary">"#), "one thing per page: the summary comes later")
            let csrf = Browser.csrf(in: first)
            var answers: [(String, String)] = [("csrf", csrf)]
            let pages: [[(String, String)]] = [
                [("title", "Night staffing"), ("category", "systems"), ("setting", "health")],
                [("identifiedOn", today), ("source", "complaint")],
                [("location", "1-134558905"), ("locationName", "Oaktrees")],
                [("summary", "One nurse on nights"), ("safeguarding", "yes")],
            ]
            var page = first
            for (index, fields) in pages.enumerated() {
                answers += fields
                page = try await browser.post("/new/ecp/record", answers + [("page", String(index))])
                #expect(page.status == .ok, "page \(index + 1)")
                answers = answers.filter { $0.0 != "page" }
                if index + 1 < pages.count { #expect(page.text.contains("question page \(index + 2) of 4")) }
            }
            #expect(page.text.contains("Check your answers"))
            #expect(page.text.contains("<dt>Category</dt><dd>Concerns about healthcare systems"))
            #expect(page.text.contains("<dt>There is an indicator of abuse or neglect</dt><dd>Yes</dd>"))
            let change = try await browser.post("/new/ecp/record", answers + [("goto", "2")])
            #expect(change.text.contains("question page 3 of 4") && change.text.contains(#"value="1-134558905""#))
            #expect(try fixture.store.cases().isEmpty, "nothing is recorded before the answers are confirmed")
            let saved = try await browser.post("/new/ecp/record", answers + [("confirmed", "yes")])
            #expect(saved.status == .seeOther)
        }
        #expect(try fixture.store.cases().map(\.title) == ["Night staffing"])
    }

    @Test func aDateInTheFutureOrBeforeTheConcernIsRefusedSayingWhich() async throws {
        let fixture = try WebFixture()
        let today = fixture.store.today
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let form = try await browser.get("/new/ecp/record")
            let tomorrow = try #require(today.adding(days: 1)).description
            let future = try await browser.post("/new/ecp/record", Self.concern(Browser.csrf(in: form), identifiedOn: tomorrow))
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains(##"<a href="#identifiedOn">The date of identifying the concern, \##(tomorrow), is in the future"##))
            let created = try await browser.post("/new/ecp/record", Self.concern(Browser.csrf(in: form), identifiedOn: today.description))
            let caseURI = String(try #require(created.headers[.location]).prefix { $0 != "?" })
            let yesterday = try #require(today.adding(days: -1)).description
            let early = try await browser.post("\(caseURI)/steps/evaluate", [("csrf", Browser.csrf(in: form)), ("on", yesterday),
                                                                              ("decision", "trigger"), ("rationale", "r")])
            #expect(early.status == .unprocessableContent)
            #expect(early.text.contains("The date of the evaluation, \(yesterday), is before the concern was identified (\(today))"))
        }
    }

    @Test func aViewerReadsButCannotTakeAnyStep() async throws {
        let fixture = try WebFixture()
        let dossier = try fixture.addConcern(title: "Late records", location: "1-999999999")
        let before = try fixture.store.timeline(of: fixture.store.cases()[0]).count
        try await fixture.test { browser in
            try await browser.signIn("v.viewer")
            let page = try await browser.get("/cases/\(dossier.concern.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Your role lets you read cases, not change them"))
            #expect(!page.text.contains("/steps/"))
            #expect(!page.text.contains(#"href="/new""#))
            #expect(try await browser.get("/new").status == .forbidden)
            #expect(try await browser.get("/cases/\(dossier.concern.id)/steps/evaluate").status == .forbidden)
            let refused = try await browser.post("/cases/\(dossier.concern.id)/steps/evaluate",
                                                 [("csrf", Browser.csrf(in: page)), ("on", fixture.store.today.description),
                                                  ("decision", "trigger"), ("rationale", "r")])
            #expect(refused.status == .forbidden)
        }
        #expect(try fixture.store.timeline(of: fixture.store.cases()[0]).count == before)
    }

    @Test func aStepTheProcessDoesNotAllowNowIsNotOffered() async throws {
        let fixture = try WebFixture()
        let dossier = try fixture.addConcern(title: "Late records", location: "1-999999999")
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let page = try await browser.get("/cases/\(dossier.concern.id)")
            #expect(page.text.contains("/steps/evaluate") && !page.text.contains("/steps/outcome"))
            #expect(try await browser.get("/cases/\(dossier.concern.id)/steps/outcome").status == .notFound)
            #expect(try await browser.get("/cases/\(dossier.concern.id)/steps/no-such-step").status == .notFound)
        }
    }

    @Test func everyProcessOpensCasesFromItsDefinitionAlone() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let index = try await browser.get("/new")
            for opening in fixture.store.openingSteps() {
                let href = "/new/\(opening.process)/\(opening.step.id)"
                #expect(index.text.contains(#"href="\#(href)""#))
                let form = try await browser.get(href)
                #expect(form.status == .ok)
                var text = ""
                for page in opening.step.pages.indices {
                    text += try await browser.post(href, [("csrf", Browser.csrf(in: form)), ("goto", String(page))]).text
                }
                for field in opening.step.fields {
                    let labelled = text.contains(#"<label for="\#(field.name)">"#) || text.contains("<legend>\(field.label)")
                    #expect(labelled, "\(href): \(field.name) has a label on one of its pages")
                }
            }
            let form = try await browser.get("/new/hwe/open")
            let opened = try await browser.post("/new/hwe/open", [
                ("csrf", Browser.csrf(in: form)), ("title", "Missed medication"), ("concernType", "patient-safety"),
                ("organisations", "Oaktrees Care Ltd; Elm House Ltd"), ("identifiedOn", fixture.store.today.description),
                ("summary", "Families report missed evening medication"), ("systemic", "yes"), ("confirmed", "yes"),
            ])
            #expect(opened.status == .seeOther)
            let page = try await browser.get(try #require(opened.headers[.location]))
            #expect(page.text.contains("Healthwatch escalation") && page.text.contains("/steps/raise"))
        }
    }
}

/// A council's processes in the web application, with no page of their own: their steps are
/// forms drawn from their flow definitions, and their report is one page.
@Suite("Node web application: councils' processes")
struct NodeWebCouncilTests {
    @Test func aCouncilRunsProviderConcernsInTheBrowser() async throws {
        let fixture = try WebFixture()
        let today = fixture.store.today.description
        try await fixture.test { browser in
            try await browser.signIn("c.worker")
            let new = try await browser.get("/new")
            #expect(new.text.contains("/new/pcp/initiate") && new.text.contains("/new/osg/open"))
            let form = try await browser.get("/new/pcp/initiate")
            #expect(form.text.contains(#"value="CQC""#), "the node's own organisation may host or chair")
            let created = try await browser.post("/new/pcp/initiate", [
                ("csrf", Browser.csrf(in: form)), ("title", "Falls at Ivy House"), ("subject", "Ivy House (1-987654321)"), ("summary", "Falls"),
                ("source", "sar"), ("threshold", "high"), ("hostAuthority", "CQC"), ("on", today), ("confirmed", "yes"),
            ])
            #expect(created.status == .seeOther, "\(created.text.prefix(400))")
            let location = try #require(created.headers[.location])
            let caseURI = String(location.prefix { $0 != "?" })
            let page = try await browser.get(location)
            #expect(page.text.contains("Step 1 actions") && page.text.contains("PCP-"))
            let csrf = Browser.csrf(in: page)
            // A step not allowed yet is not offered, and refused if posted.
            let early = try await browser.post("\(caseURI)/steps/provider-meeting", [("csrf", csrf), ("chair", "CQC"), ("on", today)])
            #expect(early.status != .seeOther)
            for (step, answers) in [
                ("step-one-actions", ProviderConcerns.stepOneActions.map { ($0.name, "yes") } + [("on", today)]),
                ("information-meeting", [("chair", "CQC"), ("on", today)]),
                ("provider-meeting", [("chair", "CQC"), ("on", today)]),
                ("add-plan-item", [("area", "Falls risk assessments"), ("due", today), ("measure", "Audit"), ("on", today)]),
            ] {
                let taken = try await browser.post("\(caseURI)/steps/\(step)", [("csrf", csrf)] + answers)
                #expect(taken.status == .seeOther, "\(step): \(taken.text.prefix(600))")
            }
            let missing = try await browser.post("\(caseURI)/steps/update-plan-item", [("csrf", csrf), ("item", "1"), ("status", "met"), ("on", today)])
            #expect(missing.status == .unprocessableContent && missing.text.contains("Give the evidence that the area is met"))
            let after = try await browser.get(caseURI)
            #expect(after.text.contains("Falls risk assessments") && after.text.contains("MTG-"))
            let report = try await browser.get("/reports/flows/pcp")
            #expect(report.status == .ok && report.text.contains("Provider Concerns report") && report.text.contains("Step 1 actions"))
            let csv = try await browser.get("/reports/csv/pcp")
            #expect(csv.text.hasPrefix("measure,of,value") && !csv.text.contains("Ivy House"))
            #expect(try await browser.get("/reports/flows/nope").status == .notFound)
            #expect(try await browser.get("/reports").text.contains("/reports/flows/osg"))
        }
    }
}
