/// Final decisions with a finding of fault, sent to CQC before they are published (seed 002,
/// DOMAIN.md §1.3.10): "Where the outcome is a finding of fault the Ombudsman also sends CQC the
/// final decision". Publication waits for the judicial review window — three months in the
/// 2017 agreement, six weeks in current practice — so the notice carries its release day: the
/// publication lag is a setting of the node (`publication-lag`), and publishing before the
/// release day is refused.
public enum FinalDecisions {
    public static let finalDecision = DocumentType(declared: "ombudsman-final-decision")

    static let stage = "Seed 002: final decision"

    /// The publication lag until a node sets its own: six weeks.
    public static let defaultLag = ClockSpan(42, .calendarDays)!

    /// The process.
    public static let flow = FlowDefinition(
        id: "lgsco-decision",
        title: "Final decisions to CQC before publication",
        source: "seed 002: LGSCO–CQC monthly exchange; decisions published after the JR window",
        reference: ReferenceFormat(prefix: "FD"),
        subjectLabel: "provider",
        states: [
            FlowState("embargoed", "sent to CQC, under embargo until its release day", stage: stage),
            FlowState("published", "published", stage: stage, closed: true),
        ],
        steps: [
            .opening("send-decision", "Send a final decision with a finding of fault to CQC", on: "Date of the final decision",
                     effects: [.writesNotice(FlowNoticeSpec(finalDecision, field: "decision", suffix: "DECISION",
                                                            embargo: .init(field: "releaseOn", lag: ("publication-lag", defaultLag))))],
                     fields: [
                         StepField("title", "LGSCO case reference and a short title", .text, required: true, hint: "e.g. 26 012 345: charging"),
                         StepField("subject", "Provider and location", .text, required: true,
                                   hint: "The provider, and the location with its CQC id, e.g. Oak Care Ltd, Oaktrees 1-100000001",
                                   suggests: .description),
                         StepField("decision", "The final decision", .longText, required: true,
                                   hint: "The decision as it will be published: people are not named in it"),
                         StepField("releaseOn", "Not to be published before", .date,
                                   hint: "Leave empty for the decision's day plus the publication lag set here"),
                     ]),
            FlowStep("publish", "Record the decision's publication", from: .states(["embargoed"]), to: "published", on: "Date published",
                     waitsForRelease: true, fields: [
                         StepField("publicUrl", "Where it is published", .text, required: true),
                     ]),
        ],
        clocks: [],
        documents: [FlowNotice.schema(finalDecision)])
}
