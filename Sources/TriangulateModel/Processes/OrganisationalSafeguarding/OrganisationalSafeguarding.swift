/// Managing safeguarding concerns at an organisational level (seed 001, Stages 1–6; DOMAIN.md
/// §1.2 "Organisational safeguarding case" and §1.3.7), as a flow: intelligence collated, a
/// minuted multi-agency meeting against the thresholds tool, the recommendation to the DASS and
/// the DASS's (or deputy's) decision appointing a Lead Officer and a coordinator, then the
/// Stage 2 meeting, the Findings meeting, the improvement plan, project-management and update
/// meetings, quality assurance, the closing meeting, its notice, an optional learning meeting
/// and the contract-monitoring review. Each deadline is a clock, with the seed's unit.
public enum OrganisationalSafeguarding {
    /// States, by the seed's stages.
    static let stage1 = "Stage 1: decision to initiate", stage2 = "Stage 2: fact finding", stage3 = "Stages 3–4: findings, improvement and update meetings",
               stage5 = "Stage 5: quality assurance", stage6 = "Stage 6: closing"

    /// Every state after the DASS agreed, before the case closed.
    static let afterAgreement = ["agreed", "enquiries", "plan-due", "project-management", "assurance", "closing", "closure-notified"]

    public static let closureNotice = DocumentType(declared: "osg-closure-notice")

    /// The meetings of the process, their agendas after the seed's paragraphs (its appendices 1–4
    /// are the agenda templates it links to; these are the headings its text gives them).
    public static let meetingKinds = [
        MeetingKind("osg-multi-agency", "Multi-agency meeting on the threshold (Stage 1)", agenda: [
            "Intelligence and concerns raised (1.2): intelligence meetings, partners, S42(1) enquiries, Health Safeguarding Datix, Consideration Logs",
            "Assessment against the Safeguarding Adults Thresholds Guidance Tool (1.3)",
            "Immediate risks being managed",
            "Recommendation to the DASS (1.4)",
        ]),
        MeetingKind("osg-stage-two", "Organisational Safeguarding Concerns Meeting (Stage 2)", agenda: [
            "Part 1: the totality of the concerns and presenting risks, from each partner",
            "Part 1: the scale and impact of immediate risk management plans",
            "Part 1: the organisation's initial response; the latest CQC or quality monitoring reports",
            "Part 2 (the organisation joins): evidence and rationale for the process",
            "Part 2: the views of the organisation",
            "Part 2: safeguarding planning: type of enquiries, leads, timescales",
            "Part 2: risk management, quality assurance and communication strategies",
            "Part 2: protective actions for people receiving care; reviews offered to self-funders",
            "Part 2: quality assurance factors, how outcomes will be measured, the outcomes of the process",
        ]),
        MeetingKind("osg-findings", "Findings meeting (Stage 3)", agenda: [
            "Findings of the fact-finding enquiries",
            "Issues for the service improvement plan",
            "Risk management plan and further safeguarding measures",
            "Monitoring people's safety; triggers to escalate risk",
            "Commissioning intentions",
            "Information that may help police investigations",
        ]),
        MeetingKind("osg-project", "Project management meeting (Stage 3)", agenda: [
            "Review of the Organisation Improvement Plan: areas progressing and still to complete",
            "High-risk areas",
            "Improvements the organisation reports; support requested",
            "Frequency of the next meetings",
        ]),
        MeetingKind("osg-update", "Update meeting (Stage 4)", agenda: [
            "Risks not being managed or corrected",
            "Probability and impact of risk on people using the service",
            "Whether it is unsafe for people to continue to receive the service; the risks of moving people",
            "Suspension of placements; removal of residents",
        ]),
        MeetingKind("osg-closing", "Closing meeting (Stage 6)", agenda: [
            "The current level of risk",
            "Sustainability of the changes",
            "Feedback from people using the service, relatives and friends (quality assurance strategy)",
            "Decision to close; who is notified",
        ]),
        MeetingKind("osg-learning", "Learning meeting", agenda: [
            "What went well",
            "What might have been done differently",
            "Learning from people who use services, families and friends",
            "Lessons for training, commissioning and the safeguarding function",
        ]),
    ]

    private static let chairField = FlowParts.chair
    private static let minutesHint = "Record its minutes, invitees and actions on the meeting that this creates"

    /// The process.
    public static let flow = FlowDefinition(
        id: "osg",
        title: "Organisational safeguarding",
        source: "seed 001: Managing safeguarding concerns at an organisational level, Stages 1–6",
        reference: ReferenceFormat(prefix: "OSG"),
        subjectLabel: "organisation",
        states: [
            FlowState("collating", "collating intelligence", stage: stage1),
            FlowState("threshold-met", "considered at a multi-agency meeting", stage: stage1),
            FlowState("recommended", "recommended to the DASS", stage: stage1),
            FlowState("declined", "not taken forward by the DASS", stage: stage1, closed: true),
            FlowState("other-channels", "dealt with through other channels", stage: stage1, closed: true),
            FlowState("agreed", "agreed by the DASS: Stage 2 meeting to organise", stage: stage2),
            FlowState("enquiries", "fact finding after the Stage 2 meeting", stage: stage2),
            FlowState("plan-due", "improvement plan due from the organisation", stage: stage3),
            FlowState("project-management", "improvement plan in progress", stage: stage3),
            FlowState("assurance", "quality assurance of the improvements", stage: stage5),
            FlowState("closing", "closure agreed: notice to send", stage: stage6),
            FlowState("closure-notified", "closure notified: contract-monitoring review to do", stage: stage6),
            FlowState("closed", "closed", stage: stage6, closed: true),
        ],
        steps: [
            .opening("open", "Open an organisational safeguarding case", on: "Date the intelligence was first collated", fields: FlowParts.caseFields(subjectLabel: "Organisation concerned") + [
                StepField("fromIntelligenceMeeting", "Raised at a multi-agency intelligence meeting", .flag),
                StepField("fromPartners", "Raised by partner organisations", .flag),
                StepField("fromSection42", "A consistent number of S42(1) enquiries about the provider", .flag),
                StepField("fromDatix", "Consistent Health Safeguarding Datix about the provider", .flag),
                StepField("fromConsiderationLogs", "The quality of Consideration Logs", .flag),
            ]),
            FlowStep("threshold-meeting", "Hold the multi-agency threshold meeting", from: .states(["collating"]), to: "threshold-met",
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "osg-multi-agency")], once: true, fields: [
                         StepField("threshold", "Level of concern on the Safeguarding Adults Thresholds Guidance Tool", .choice([
                             StepChoice("low", "Low: other channels"), StepChoice("significant", "Significant"), StepChoice("critical", "Critical"),
                         ]), required: true),
                         chairField,
                     ]),
            FlowStep("other-channels", "Close: deal with it through other channels", from: .states(["collating", "threshold-met"]), to: "other-channels",
                     on: "Date of the decision", fields: [
                         StepField("reason", "Which channel, and why", .longText, required: true,
                                   hint: "For example intelligence meetings, quality assurance or contract monitoring"),
                     ]),
            FlowStep("recommend", "Recommend to the DASS", from: .states(["threshold-met"]), to: "recommended", on: "Date of the recommendation", fields: [
                StepField("recommendation", "The recommendation", .longText, required: true),
            ]),
            FlowStep("dass-agree", "Record the DASS's agreement", from: .states(["recommended"]), to: "agreed", on: "Date of the decision",
                     permission: .approveIdentifiableShare, fields: [
                         StepField("decidedBy", "Decided by", .choice([StepChoice("dass", "The DASS"), StepChoice("deputy", "The deputy")]), required: true),
                         StepField("leadOfficer", "Lead Officer appointed", .text, required: true),
                         StepField("coordinator", "Adult Safeguarding Coordinator", .text, required: true),
                     ]),
            FlowStep("dass-decline", "Record the DASS's decision not to proceed", from: .states(["recommended"]), to: "declined",
                     on: "Date of the decision", permission: .approveIdentifiableShare, fields: [
                         StepField("decidedBy", "Decided by", .choice([StepChoice("dass", "The DASS"), StepChoice("deputy", "The deputy")]), required: true),
                         StepField("reason", "Why", .longText, required: true),
                     ]),
            FlowStep("inform-provider", "Record that the organisation was informed", from: .states(afterAgreement), on: "Date it was informed",
                     once: true, onceWith: ["notice-exception"], fields: [StepField("how", "How it was informed", .text, required: true)]),
            FlowStep("notice-exception", "Record why the organisation is not informed yet", from: .states(afterAgreement),
                     on: "Date of the decision", once: true, onceWith: ["inform-provider"], fields: [
                         StepField("reason", "Exceptional circumstances", .choice([
                             StepChoice("police", "Police involvement"), StepChoice("coroner", "Coroner involvement"), StepChoice("other", "Other"),
                         ]), required: true),
                         StepField("discussedWith", "Discussed with the Lead Officer or DASS", .text, required: true),
                     ]),
            FlowStep("stage-two-meeting", "Hold the Stage 2 Organisational Safeguarding Concerns Meeting", from: .states(["agreed"]), to: "enquiries",
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "osg-stage-two")], fields: [chairField]),
            FlowStep("findings-meeting", "Hold the Findings meeting", from: .states(["enquiries"]), to: "plan-due", on: "Date of the meeting",
                     effects: [.holdsMeeting(kind: "osg-findings")], fields: [chairField]),
            FlowStep("receive-plan", "Record the organisation's improvement plan", from: .states(["plan-due"]), to: "project-management",
                     on: "Date it was submitted", once: true, fields: [
                         StepField("sharedWith", "Shared with", .text, hint: "The Lead Officer and DASS; partners once finalised"),
                     ]),
            FlowStep("add-plan-item", "Add an area to the improvement plan", from: .states(["project-management", "assurance"]),
                     on: "Date it was added", effects: [.addsItem(list: "improvement-plan")], fields: improvementPlan.fields),
            FlowParts.updatePlanItem(improvementPlan, from: ["project-management", "assurance"]),
            FlowStep("project-meeting", "Hold a project management meeting", from: .states(["project-management", "assurance"]),
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "osg-project")], fields: [
                         chairField,
                         StepField("due", "Next meeting due by", .date, hint: "Weekly at first (3.4), less often as change embeds (3.8); empty: in 7 days"),
                     ]),
            FlowStep("update-meeting", "Hold an update meeting", from: .states(["project-management", "assurance"]), on: "Date of the meeting",
                     effects: [.holdsMeeting(kind: "osg-update")], fields: [chairField]),
            FlowStep("placements", "Record a decision on placements", from: .states(afterAgreement), on: "Date of the decision", fields: [
                StepField("decision", "Decision", .choice([
                    StepChoice("suspend", "Suspend new placements"), StepChoice("lift", "Lift the suspension"),
                    StepChoice("move-residents", "Move residents to other provision"),
                ]), required: true),
                StepField("reason", "Risk assessed", .longText, required: true),
            ]),
            FlowStep("strategy", "Record a strategy", from: .states(afterAgreement), on: "Date it was agreed", fields: [
                StepField("kind", "Strategy", .choice([
                    StepChoice("risk-management", "Risk management plan"), StepChoice("quality-assurance", "Quality assurance strategy"),
                    StepChoice("communication", "Communication strategy"),
                ]), required: true),
                StepField("summary", "What it says", .longText, required: true),
            ]),
            FlowParts.immediateAction(hint: "Immediate action is never held back by a stage"),
            FlowStep("quality-assurance", "Start quality assurance of the improvements", from: .states(["project-management"]), to: "assurance",
                     on: "Date it started", fields: [StepField("activities", "Activities", .longText, required: true)]),
            FlowStep("closing-meeting", "Hold the closing meeting: improvements sustained", from: .states(["assurance"]), to: "closing",
                     on: "Date of the meeting", effects: [.holdsMeeting(kind: "osg-closing")], fields: [chairField]),
            FlowStep("notify-closure", "Notify the closure", from: .states(["closing"]), to: "closure-notified", on: "Date of the notice",
                     effects: [.writesNotice(FlowNoticeSpec(closureNotice, field: "notice", suffix: "NOTICE"))], fields: [
                         StepField("notice", "The notice", .longText, required: true, hint: "Shared with the organisation and the partners: minimised"),
                     ]),
            FlowStep("learning-meeting", "Hold a learning meeting", from: .states(["closure-notified"]), on: "Date of the meeting",
                     effects: [.holdsMeeting(kind: "osg-learning")], once: true, fields: [chairField]),
            FlowStep("contract-review", "Record the contract-monitoring review", from: .states(["closure-notified"]), to: "closed",
                     on: "Date of the review", fields: [
                         StepField("sustained", "Improvements sustained", .choice([StepChoice("yes", "Yes"), StepChoice("no", "No")]), required: true),
                         StepField("summary", "Summary", .longText, required: true),
                     ]),
        ],
        clocks: [
            ClockDefinition(id: "osg.inform-provider", process: "osg", what: "organisation informed of the process", starts: "dass-agree",
                            stops: ["inform-provider", "notice-exception"], warning: .before(ClockSpan(0, .workingDays)!),
                            breach: .after(ClockSpan(1, .workingDays)!)),
            ClockDefinition(id: "osg.stage-two-meeting", process: "osg", what: "Stage 2 meeting", starts: "dass-agree",
                            stops: ["stage-two-meeting"], warning: .before(ClockSpan(2, .workingDays)!), breach: .after(ClockSpan(5, .workingDays)!)),
            ClockDefinition(id: "osg.findings-meeting", process: "osg", what: "Findings meeting", starts: "stage-two-meeting",
                            stops: ["findings-meeting"], warning: .before(ClockSpan(3, .workingDays)!), breach: .after(ClockSpan(14, .workingDays)!)),
            ClockDefinition(id: "osg.improvement-plan", process: "osg", what: "improvement plan from the organisation", starts: "findings-meeting",
                            stops: ["receive-plan"], warning: .before(ClockSpan(24, .hours)!), breach: .after(ClockSpan(48, .hours)!)),
            ClockDefinition(id: "osg.first-project-meeting", process: "osg", what: "first project management meeting", starts: "receive-plan",
                            stops: ["project-meeting", "closing-meeting"], warning: .before(ClockSpan(2, .calendarDays)!),
                            breach: .after(ClockSpan(7, .calendarDays)!)),
            ClockDefinition(id: "osg.next-project-meeting", process: "osg", what: "next project management meeting", starts: "project-meeting",
                            stops: ["project-meeting", "closing-meeting"], warning: .before(ClockSpan(2, .calendarDays)!),
                            breach: .after(ClockSpan(7, .calendarDays)!)),
            ClockDefinition(id: "osg.closure-notice", process: "osg", what: "closure notified by the chair", starts: "closing-meeting",
                            stops: ["notify-closure"], warning: .before(ClockSpan(0, .calendarDays)!), breach: .after(ClockSpan(24, .hours)!)),
            ClockDefinition(id: "osg.contract-review", process: "osg", what: "contract-monitoring review", starts: "receive-plan",
                            stops: ["contract-review"], warning: .before(ClockSpan(14, .calendarDays)!), breach: .after(ClockSpan(3, .months)!)),
        ],
        itemLists: [improvementPlan],
        documents: [FlowNotice.schema(closureNotice)])

    /// The organisation's improvement plan: areas, timescales, evidence measures, status.
    public static let improvementPlan = FlowParts.plan(id: "improvement-plan", title: "Improvement plan", fields: [
        StepField("area", "Area for improvement", .text, required: true),
        StepField("due", "Timescale: done by", .date, required: true),
        StepField("measure", "Evidence that will show it", .longText, required: true),
    ])
}
