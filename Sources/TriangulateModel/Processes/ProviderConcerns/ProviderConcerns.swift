/// The Provider Concerns Process (seed 001, "Six Step Process", Steps 1–5; DOMAIN.md §1.2
/// "Provider concerns case" and §1.3.8), as a flow. The seed's heading says six steps and lists
/// five: the steps are this configuration, so a council that adds one adds a state here.
/// Step 1's actions are a checklist due within five working days; immediate action is never
/// held back by a step; the seed sets no timescale for later meetings ("dependent upon progress
/// … and the level of risk"), so their clocks run to the date each meeting sets; closing writes the notice to the provider and CQC and the summary
/// report to the partnership.
public enum ProviderConcerns {
    static let step1 = "Step 1: decision to initiate", step2 = "Step 2: information sharing meeting", step3 = "Step 3: provider meeting",
               step4 = "Step 4: quality assurance", step5 = "Step 5: closing"

    public static let closureNotice = DocumentType(declared: "pcp-closure-notice")
    public static let summaryReport = DocumentType(declared: "pcp-summary-report")

    /// The meetings of the process, their agendas after the seed's purposes.
    public static let meetingKinds = [
        MeetingKind("pcp-information", "Provider Concerns Information meeting (Step 2)", agenda: [
            "Identify and clarify the concerns",
            "Communication strategy: how people using the service are informed and updated",
            "Advocacy and support",
            "The views of the provider",
            "Safeguarding planning: type of enquiries, leads and timescales",
            "Risk management",
            "Commissioning intentions",
            "Date of the follow-up provider meeting",
        ]),
        MeetingKind("pcp-provider", "Provider meeting (Step 3)", agenda: [
            "Findings of the fact-finding enquiries",
            "Issues for the service improvement plan",
            "Risk management plan and safeguarding measures",
            "Monitoring people's safety; triggers to escalate risk",
            "Commissioning intentions",
            "Information that may help police investigations",
        ]),
        MeetingKind("pcp-monitoring", "Monitoring meeting", agenda: [
            "Progress against the service improvement plan",
            "Further incidents",
            "Level of risk and the next meeting",
        ]),
        MeetingKind("pcp-contingency", "Contingency meeting", agenda: [
            "Risk and the impact on adults using the service",
            "Alternative provision",
            "Commissioning decisions",
        ]),
    ]

    private static let chairField = FlowParts.chair

    /// Step 1's actions (seed 001, 1.1).
    public static let stepOneActions = [
        StepField("welfareChecks", "Immediate checks on the welfare of adults using the service", .flag),
        StepField("policeConsulted", "Police consulted about possible criminal matters", .flag),
        StepField("placingAuthoritiesContacted", "Placing authorities contacted", .flag),
        StepField("chairAgreed", "Chair and lead organisation agreed", .flag),
        StepField("informationMeetingConvened", "Provider Concerns Information meeting convened", .flag),
        StepField("providerMeetingSetUp", "Meeting with the provider set up", .flag),
        StepField("riskPlan", "Risk mapped and a risk management plan drawn up", .flag),
        StepField("commissioningIntentions", "Commissioning intentions considered", .flag),
    ]

    static let open = ["step-one", "step-two", "step-three", "step-four"]

    /// The process.
    public static let flow = FlowDefinition(
        id: "pcp",
        title: "Provider Concerns",
        source: "seed 001: Provider Concerns Process, Steps 1–5",
        reference: ReferenceFormat(prefix: "PCP"),
        subjectLabel: "provider",
        states: [
            FlowState("step-one", "initiated: Step 1 actions within five working days", stage: step1),
            FlowState("step-two", "information shared; provider meeting to hold", stage: step2),
            FlowState("step-three", "service improvement plan being monitored", stage: step3),
            FlowState("step-four", "quality assurance of the improvements", stage: step4),
            FlowState("closed", "closed, notices written", stage: step5, closed: true),
        ],
        steps: [
            .opening("initiate", "Initiate the Provider Concerns Process", on: "Date of the decision to initiate", fields: FlowParts.caseFields(subjectLabel: "Provider") + [
                StepField("source", "What the decision came from", .choice([
                    StepChoice("quality-safeguarding-meeting", "The quality and safeguarding (provider intelligence) meeting"),
                    StepChoice("sar", "A safeguarding adults review"), StepChoice("threshold-criteria", "The threshold criteria"),
                ]), required: true),
                StepField("threshold", "Threshold level", .choice([StepChoice("low", "Low"), StepChoice("medium", "Medium"), StepChoice("high", "High")]),
                          required: true),
                StepField("hostAuthority", "Host authority", .organisation, required: true),
                StepField("placingAuthorities", "Placing authorities", .text, hint: "Separate several with a semicolon"),
                StepField("chair", "Chairing organisation", .organisation),
                StepField("leadOrganisation", "Lead organisation", .organisation),
            ]),
            FlowStep("step-one-actions", "Record Step 1 actions done", from: .anyOpen, on: "Date they were done", fields: stepOneActions),
            FlowStep("information-meeting", "Hold the Provider Concerns Information meeting", from: .states(["step-one"]), to: "step-two",
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "pcp-information")], fields: [
                         chairField,
                         StepField("due", "Follow-up provider meeting by", .date, hint: "The date the meeting set"),
                     ]),
            FlowStep("provider-meeting", "Hold the provider meeting", from: .states(["step-two", "step-three"]), to: "step-three",
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "pcp-provider")], fields: [chairField]),
            FlowStep("monitoring-meeting", "Hold a monitoring meeting", from: .states(["step-three", "step-four"]), on: "Date of the meeting",
                     effects: [.holdsMeeting(kind: "pcp-monitoring")], fields: [
                         chairField,
                         StepField("due", "Next meeting due by", .date, hint: "Set by progress on the plan and the level of risk"),
                     ]),
            FlowStep("contingency-meeting", "Hold a contingency meeting", from: .states(["step-two", "step-three", "step-four"]),
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "pcp-contingency")], fields: [chairField]),
            FlowStep("add-plan-item", "Add an area to the service improvement plan", from: .states(["step-three", "step-four"]),
                     on: "Date it was added", effects: [.addsItem(list: "service-improvement-plan")], fields: serviceImprovementPlan.fields),
            FlowParts.updatePlanItem(serviceImprovementPlan, from: ["step-three", "step-four"]),
            FlowStep("admissions", "Record a decision on admissions", from: .anyOpen, on: "Date of the decision", fields: [
                StepField("decision", "Decision", .choice([StepChoice("suspend", "Suspend admissions"), StepChoice("lift", "Lift the suspension")]),
                          required: true),
                StepField("reason", "Risk assessed", .longText, required: true),
            ]),
            FlowStep("communication", "Record the communication strategy", from: .anyOpen, on: "Date it was agreed", fields: [
                StepField("summary", "What it says", .longText, required: true),
                StepField("advocacyArranged", "Advocacy arranged", .flag),
                StepField("linkWorker", "A link worker identified for adults and families", .flag),
                StepField("dedicatedPhoneLine", "A dedicated phone line available", .flag),
            ]),
            FlowParts.immediateAction(hint: "Taken and not held until the Findings meeting; the chair informed, authorisation given"),
            FlowStep("quality-assurance", "Start quality assurance", from: .states(["step-three"]), to: "step-four", on: "Date it started", fields: [
                StepField("activities", "Quality assurance strategy", .longText, required: true),
            ]),
            FlowStep("close", "Close the process", from: .states(["step-four"]), to: "closed", on: "Date of the closing provider meeting",
                     effects: [.holdsMeeting(kind: "pcp-provider"), .writesNotice(FlowNoticeSpec(closureNotice, field: "notice", suffix: "NOTICE")),
                               .writesNotice(FlowNoticeSpec(summaryReport, field: "report", suffix: "REPORT"))], fields: [
                         chairField,
                         StepField("notice", "Written notice to the provider and CQC", .longText, required: true),
                         StepField("report", "Summary report to the partnership", .longText, required: true,
                                   hint: "The concerns, actions, risk management, outcomes and the effectiveness of safeguarding"),
                     ]),
        ],
        clocks: [
            ClockDefinition(id: "pcp.step-one", process: "pcp", what: "Step 1 actions", starts: "initiate", stops: ["step-one-complete"],
                            warning: .before(ClockSpan(2, .workingDays)!), breach: .after(ClockSpan(5, .workingDays)!)),
            ClockDefinition(id: "pcp.provider-meeting", process: "pcp", what: "follow-up provider meeting", starts: "information-meeting",
                            stops: ["provider-meeting"], warning: .before(ClockSpan(2, .workingDays)!), breach: .recordedDueDate),
            ClockDefinition(id: "pcp.monitoring-meeting", process: "pcp", what: "next monitoring meeting", starts: "monitoring-meeting",
                            stops: ["monitoring-meeting", "close"], warning: .before(ClockSpan(2, .workingDays)!), breach: .recordedDueDate),
        ],
        checklists: [FlowChecklist(step: "step-one-actions", items: stepOneActions.map(\.name), completeEvent: "step-one-complete")],
        itemLists: [serviceImprovementPlan],
        documents: [FlowNotice.schema(closureNotice), FlowNotice.schema(summaryReport)])

    /// The service improvement plan: areas, leads, timescales, status.
    public static let serviceImprovementPlan = FlowParts.plan(id: "service-improvement-plan", title: "Service improvement plan", fields: [
        StepField("area", "Area for improvement", .text, required: true),
        StepField("lead", "Lead", .text, hint: "An organisation or role, not a name"),
        StepField("due", "Timescale: done by", .date, required: true),
        StepField("measure", "How progress is measured", .longText, required: true),
    ])
}
