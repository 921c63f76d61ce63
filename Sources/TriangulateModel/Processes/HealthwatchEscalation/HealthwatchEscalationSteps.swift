/// A local Healthwatch's escalation steps as an interface offers them (seed 004): open an
/// escalation, raise or skip the next stage, hold and resume its clock, record the response,
/// close it with its outcome.
public enum HealthwatchEscalationSteps {
    public static let open = StepDefinition("open", "Open an escalation", opensCase: true, pages: [
        ["title", "concernType", "organisations"], ["identifiedOn", "summary"], ["systemic", "nearlyNeverEvent", "safeguardingConsidered"],
    ], fields: [
        StepField("title", "Short title", .text, required: true),
        StepField("concernType", "What it is about", .choice(StepChoice.all(EscalationConcernType.self)), required: true),
        StepField("organisations", "Organisations concerned", .text, required: true, hint: "Separate several with a semicolon"),
        StepField("identifiedOn", "Date the concern was identified", .date, required: true),
        StepField("summary", "The concern", .longText, required: true,
                  hint: "Minimised: no names of patients, staff or members of the public"),
        StepField("systemic", "It affects several people, not one person's circumstances", .flag),
        StepField("nearlyNeverEvent", "It includes a nearly never event", .flag),
        StepField("safeguardingConsidered", "Safeguarding has been considered", .flag),
    ])

    public static let raise = StepDefinition("raise", "Raise the next stage", fields: [
        StepField("with", "Raised with", .text, required: true, hint: "Who at the organisation, commissioner or CQC"),
        StepField("on", "Date it was raised", .date, required: true),
    ])

    public static let skip = StepDefinition("skip", "Skip the next stage", fields: [
        StepField("reason", "Why it is skipped", .longText, required: true),
        StepField("on", "Date of the decision", .date, required: true),
    ])

    public static let hold = StepDefinition("hold", "Put the stage's clock on hold", fields: [
        StepField("on", "Date it was put on hold", .date, required: true),
    ])

    public static let resume = StepDefinition("resume", "Resume the stage's clock", fields: [
        StepField("on", "Date it resumed", .date, required: true),
    ])

    public static let response = StepDefinition("response", "Record the response", fields: [
        StepField("summary", "What they said", .longText, hint: "Leave empty if no response came"),
        StepField("satisfactory", "Was the response satisfactory?", .choice([StepChoice("yes", "Yes"), StepChoice("no", "No")])),
        StepField("on", "Date of the response", .date, required: true),
    ])

    public static let close = StepDefinition("close", "Close the escalation", fields: [
        StepField("outcome", "Outcome", .choice(StepChoice.all(EscalationOutcome.self)), required: true),
        StepField("summary", "Summary", .longText, required: true),
        StepField("on", "Date of closing", .date, required: true),
    ])

    /// Every step, in the order an escalation meets them.
    public static let all = [open, raise, skip, hold, resume, response, close]
}
