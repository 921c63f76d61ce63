/// The ECP's steps as an interface offers them (seed 001, §§ 4–9): record a concern, evaluate
/// it, raise a safeguarding indicator, contact or ask a partner, decide on and convene a panel,
/// record the outcome, close and reopen.
public enum EmergingConcernsSteps {
    public static let record = StepDefinition("record", "Record a concern", opensCase: true, pages: [
        ["title", "category", "setting"], ["identifiedOn", "source"], ["location", "locationName"], ["summary", "safeguarding"],
    ], fields: [
        StepField("title", "Short title", .text, required: true, hint: "For lists: no names of patients or members of the public"),
        StepField("category", "Category", .choice(StepChoice.all(ConcernCategory.self, label: \.protocolWording)), required: true),
        StepField("setting", "Setting", .choice(StepChoice.all(SettingType.self)), required: true),
        StepField("identifiedOn", "Date the concern was identified", .date, required: true),
        StepField("source", "Where the information came from", .choice(StepChoice.all(SourceType.self)), required: true),
        StepField("location", "CQC location id", .text, hint: "If it is about a registered service, for example 1-134558905", suggests: .locationId),
        StepField("locationName", "Name of the location", .text),
        StepField("summary", "What happened", .longText, required: true,
                  hint: "This stays on this node: only what you later choose to share leaves it"),
        StepField("safeguarding", "There is an indicator of abuse or neglect", .flag),
    ])

    public static let evaluate = StepDefinition("evaluate", "Evaluate the concern", fields: [
        StepField("on", "Date of the evaluation", .date, required: true),
        StepField("decision", "Decision", .choice([
            StepChoice("trigger", "Trigger the protocol"),
            StepChoice("not-trigger", "Do not trigger the protocol"),
        ]), required: true),
        StepField("rationale", "Rationale", .longText, required: true),
        StepField("route", "Where the information goes instead", .text, hint: "Needed when the protocol is not triggered"),
    ])

    public static let safeguard = StepDefinition("safeguard", "Raise a safeguarding indicator", fields: [
        StepField("on", "Date the indicator was raised", .date, required: true),
        StepField("referredTo", "Referred to", .organisation, hint: "The council's adult social services, usually"),
        StepField("referralReference", "Their referral reference", .text),
        StepField("immediateAction", "Immediate action taken", .longText),
    ])

    public static let contact = StepDefinition("contact", "Record contact with a partner", fields: [
        StepField("partner", "Partner", .organisation, required: true),
        StepField("purpose", "Purpose", .choice([
            StepChoice("share", "To share information"),
            StepChoice("request", "To request information"),
            StepChoice("both", "To share and request information"),
        ]), required: true),
        StepField("on", "Date of the contact", .date, required: true),
    ])

    public static let decidePanel = StepDefinition("decide-panel", "Decide whether to call a Regulatory Review Panel", fields: [
        StepField("call", "Decision", .choice([StepChoice("call", "Call a panel"), StepChoice("not-call", "Do not call a panel")]), required: true),
        StepField("on", "Date of the decision", .date, required: true),
        StepField("rationale", "Rationale", .longText, required: true),
    ])

    public static let convenePanel = StepDefinition("convene-panel", "Convene the panel", fields: [
        StepField("chair", "Chair", .text, required: true, hint: "Name and organisation, for example B. Chair (CQC)"),
        StepField("meetsOn", "Date the panel meets", .date, required: true),
    ])

    public static let invite = StepDefinition("invite", "Invite someone to the panel", fields: [
        StepField("org", "Their organisation", .organisation, required: true),
        StepField("person", "Their name", .text, required: true),
        StepField("role", "Their role at the panel", .text, required: true, hint: "For example, member, or adviser"),
        StepField("needToKnow", "Why they need to know", .longText, required: true,
                  hint: "Only invited people may attend, and their need to know goes with the invitation"),
    ])

    public static let attend = StepDefinition("attend", "Record attendance at the panel", fields: [
        StepField("org", "Their organisation", .organisation, required: true),
        StepField("person", "Their name, as invited", .text, required: true),
        StepField("attendance", "Attendance", .choice([StepChoice("attended", "Attended"), StepChoice("apologies", "Sent apologies")]),
                  required: true),
    ])

    public static let cancelPanel = StepDefinition("cancel-panel", "Cancel the panel", fields: [
        StepField("reason", "Why it is cancelled", .longText, required: true),
    ])

    public static let addAction = StepDefinition("add-action", "Agree an action", fields: [
        StepField("owner", "Who owns it", .organisation, required: true),
        StepField("summary", "The action", .longText, required: true),
        StepField("agreedOn", "Date it was agreed", .date, required: true),
        StepField("dueBy", "Date it is due", .date, required: true),
    ])

    public static let outcome = StepDefinition("outcome", "Record the outcome", fields: [
        StepField("type", "Outcome", .choice(StepChoice.all(OutcomeType.self)), required: true),
        StepField("on", "Date of the decision", .date, required: true),
        StepField("summary", "Summary", .longText, required: true),
    ])

    public static let shareOutcome = StepDefinition("share-outcome", "Record that the outcome was shared", fields: [
        StepField("on", "Date it was shared", .date, required: true,
                  hint: "With every organisation the concern involved and the Forum secretariat"),
    ])

    public static let review = StepDefinition("review", "Review the use of the protocol for learning", fields: [
        StepField("on", "Date of the review", .date, required: true),
        StepField("wentWell", "What went well", .longText, required: true),
        StepField("doDifferently", "What might be done differently", .longText, required: true),
        StepField("lessons", "Lessons to share", .longText),
    ])

    public static let close = StepDefinition("close", "Close the concern", fields: [
        StepField("on", "Date of closing", .date, required: true),
    ])

    public static let reopen = StepDefinition("reopen", "Reopen the concern on new information", fields: [])

    /// Every step, in the order a case meets them.
    public static let all = [record, evaluate, safeguard, contact, decidePanel, convenePanel, invite, attend, cancelPanel, addAction, outcome,
                             shareOutcome, review, close, reopen]
}
