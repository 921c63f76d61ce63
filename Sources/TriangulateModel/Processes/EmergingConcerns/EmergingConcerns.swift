/// The Emerging Concerns Protocol (seeds 000 and 001, DOMAIN.md §1.3.1–§1.3.5) as a process
/// definition: its records, state machines, clocks, shareable documents and references.
public enum EmergingConcerns {
    /// The process.
    public static let definition = ProcessDefinition(
        id: "ecp",
        title: "Emerging Concerns Protocol",
        source: "seed 000 (Emerging Concerns Protocol, 2021 text) and seed 001 (its partners' use)",
        reference: ReferenceFormat(prefix: "ECP"),
        records: records,
        machines: [
            StateMachineDescription(ConcernLifecycle.self, rules: [
                .trigger: TransitionRule(needs: ["rationale"], records: ["evaluation"]),
                .notTrigger: TransitionRule(needs: ["rationale"], records: ["evaluation"]),
                .recordOutcome: TransitionRule(needs: ["type", "summary"], records: ["outcome"]),
                .close: TransitionRule(by: [.manager, .caseworker], records: ["closedOn"]),
            ]),
            StateMachineDescription(EvaluationLifecycle.self),
            StateMachineDescription(RequestLifecycle.self, rules: [
                .answer: TransitionRule(needs: ["answerSummary"], records: ["respondedOn"]),
                .answerPartially: TransitionRule(needs: ["answerSummary"], records: ["respondedOn"]),
                .decline: TransitionRule(needs: ["declineReason"], records: ["respondedOn"]),
            ]),
            StateMachineDescription(PanelLifecycle.self, rules: [
                .agreeMinutes: TransitionRule(needs: ["minutes"], records: ["minutesAgreedOn"]),
                .cancel: TransitionRule(needs: ["cancellationReason"]),
            ]),
            StateMachineDescription(ActionLifecycle.self, rules: [
                .complete: TransitionRule(needs: ["evidence"], records: ["completedOn"]),
            ]),
        ],
        clocks: [requestAnswer, action, panelRecord],
        documents: documents)

    /// An information request, sent and not yet answered, declined or withdrawn: due on the date
    /// recorded on it, amber three working days before.
    public static let requestAnswer = ClockDefinition(
        id: "ecp.request-answer", process: "ecp", what: "answer to information request", starts: "send",
        stops: ["answer", "answerPartially", "decline", "withdraw"],
        warning: .before(ClockSpan(3, .workingDays)!), breach: .recordedDueDate)
    /// An agreed action, not yet done, not done or superseded: due on its recorded date.
    public static let action = ClockDefinition(
        id: "ecp.action", process: "ecp", what: "agreed action", starts: "agree", stops: ["complete", "abandon", "supersede"],
        warning: .before(ClockSpan(5, .workingDays)!), breach: .recordedDueDate)
    /// A panel whose minutes are agreed and whose record is not yet distributed to the partners
    /// and the Forum secretariat. The seeds say "timely" (DOMAIN.md §1.3.4): a soft service level
    /// of ten working days, amber from five.
    public static let panelRecord = ClockDefinition(
        id: "ecp.panel-record", process: "ecp", what: "distribute the panel record", starts: "agreeMinutes",
        stops: ["distributeRecord", "close", "cancel"],
        warning: .after(ClockSpan(5, .workingDays)!), breach: .after(ClockSpan(10, .workingDays)!))

    private static let records: [RecordDefinition] = [
        RecordDefinition("concern", [
            RecordField("title", .text, required: true), RecordField("summary", .text, required: true, personal: true),
            RecordField("category", .choice(ConcernCategory.allCases.map(\.rawValue)), required: true),
            RecordField("setting", .choice(SettingType.allCases.map(\.rawValue)), required: true),
            RecordField("identifiedOn", .date, required: true), RecordField("source", .text, required: true, personal: true),
            RecordField("subjects", .text, personal: true), RecordField("closedOn", .date),
        ]),
        RecordDefinition("evaluation", [
            RecordField("evaluatedOn", .date, required: true), RecordField("decision", .choice(["trigger", "notTrigger"]), required: true),
            RecordField("rationale", .text, required: true), RecordField("alternativeRoute", .text),
        ]),
        RecordDefinition("information request", [
            RecordField("counterpart", .organisation, required: true), RecordField("question", .text, required: true),
            RecordField("requestedOn", .date, required: true), RecordField("dueBy", .date), RecordField("legalGateway", .text),
            RecordField("answerSummary", .text), RecordField("respondedOn", .date), RecordField("declineReason", .text),
        ]),
        RecordDefinition("panel", [
            RecordField("chair", .text, personal: true), RecordField("meetsOn", .date), RecordField("invitees", .text, personal: true),
            RecordField("minutes", .text, personal: true), RecordField("minutesAgreedOn", .date), RecordField("recordSharedOn", .date),
        ]),
        RecordDefinition("action", [
            RecordField("ownerOrg", .organisation, required: true), RecordField("owner", .text, personal: true),
            RecordField("summary", .text, required: true), RecordField("dueBy", .date, required: true),
            RecordField("completedOn", .date), RecordField("evidence", .text),
        ]),
        RecordDefinition("outcome", [
            RecordField("type", .choice(OutcomeType.allCases.map(\.rawValue)), required: true),
            RecordField("summary", .text, required: true), RecordField("decidedOn", .date, required: true),
        ]),
        RecordDefinition("learning review", [
            RecordField("reviewedOn", .date, required: true), RecordField("wentWell", .text), RecordField("doDifferently", .text),
            RecordField("lessons", .text),
        ]),
    ]
}
