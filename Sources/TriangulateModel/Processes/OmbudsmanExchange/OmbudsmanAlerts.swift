/// Ombudsman alerts to CQC (seed 002, Appendix 3; MoU 4.7–4.8): when an investigator finds a
/// breach of the fundamental standards, LGSCO alerts CQC; CQC acknowledges it, logs the
/// provider's action plan when it arrives, and tells the Ombudsman what regulatory activity
/// followed and what further action it will take. LGSCO runs the case; CQC's three steps are
/// replies to the alert (`FlowReply`), taken on CQC's own node and recorded on LGSCO's case.
public enum OmbudsmanAlerts {
    public static let alert = DocumentType(declared: "ombudsman-alert")

    static let stage = "Seed 002: Ombudsman alert"

    /// The process.
    public static let flow = FlowDefinition(
        id: "lgsco-alert",
        title: "Ombudsman alerts to CQC",
        source: "seed 002: LGSCO–CQC MoU 4.7–4.8 and Appendix 3",
        reference: ReferenceFormat(prefix: "OA"),
        subjectLabel: "provider",
        states: [
            FlowState("sent", "sent to CQC, awaiting acknowledgement", stage: stage),
            FlowState("acknowledged", "acknowledged by CQC, its regulatory activity awaited", stage: stage),
            FlowState("followed-up", "CQC reported its regulatory activity", stage: stage),
            FlowState("closed", "closed", stage: stage, closed: true),
        ],
        steps: [
            .opening("send-alert", "Send an Ombudsman alert to CQC", on: "Date the alert is sent",
                     effects: [.writesNotice(FlowNoticeSpec(alert, field: "alert", suffix: "ALERT"))], fields: [
                         StepField("title", "LGSCO case reference and a short title", .text, required: true, hint: "e.g. 26 012 345: falls not reported"),
                         StepField("subject", "Provider and location", .text, required: true,
                                   hint: "The provider, and the location with its CQC id, e.g. Oak Care Ltd, Oaktrees 1-100000001",
                                   suggests: .description),
                         StepField("alert", "The breach of fundamental standards found", .longText, required: true,
                                   hint: "The standards breached and the adverse findings; no names of people using the service or staff"),
                         StepField("due", "Follow-up expected by", .date, hint: "The date agreed for CQC to report back, if one was"),
                     ]),
            FlowStep("acknowledge", "Acknowledge the alert (CQC)", from: .states(["sent"]), to: "acknowledged", on: "Date acknowledged",
                     once: true, fields: [
                         StepField("cqcReference", "CQC's reference", .text),
                     ]),
            FlowStep("action-plan-received", "Log the provider's action plan (CQC)", from: .states(["sent", "acknowledged", "followed-up"]),
                     on: "Date the action plan was received", fields: [
                         StepField("summary", "What the action plan covers", .longText, required: true),
                     ]),
            FlowStep("regulatory-activity", "Report regulatory activity to the Ombudsman (CQC)", from: .states(["acknowledged", "followed-up"]),
                     to: "followed-up", on: "Date reported", fields: [
                         StepField("activity", "Regulatory activity", .choice([
                             StepChoice("inspection", "Inspection"), StepChoice("enforcement", "Enforcement action"),
                             StepChoice("monitoring", "Monitoring and engagement"), StepChoice("none", "No regulatory activity"),
                         ]), required: true),
                         StepField("furtherAction", "What further action CQC will take", .longText, required: true),
                     ]),
            FlowStep("close", "Close the alert", from: .states(["followed-up"]), to: "closed", on: "Date closed", fields: [
                StepField("outcome", "Outcome", .longText, required: true),
            ]),
        ],
        clocks: [
            ClockDefinition(id: "lgsco-alert.follow-up", process: "lgsco-alert", what: "CQC's report of regulatory activity",
                            starts: "send-alert", stops: ["regulatory-activity"], warning: .before(ClockSpan(5, .workingDays)!), breach: .recordedDueDate),
        ],
        documents: [FlowNotice.schema(alert)],
        replies: ["acknowledge", "action-plan-received", "regulatory-activity"].map { FlowReply(notice: alert, step: $0) })
}
