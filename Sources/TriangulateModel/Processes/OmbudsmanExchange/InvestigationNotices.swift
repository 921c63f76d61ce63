/// CQC's notices to the Ombudsman of its investigations (seed 002, MoU 4.12): "The information
/// will be limited to the name of the body in question and the service area of concern". The
/// form asks for those two and nothing else, so the notice can carry nothing else: its subject
/// is the body's name, its text the service area.
public enum InvestigationNotices {
    public static let notice = DocumentType(declared: "cqc-investigation-notice")

    static let stage = "Seed 002: investigation notice"

    /// The process.
    public static let flow = FlowDefinition(
        id: "cqc-investigation",
        title: "Investigation notices to the Ombudsman",
        source: "seed 002: LGSCO–CQC MoU 4.12",
        reference: ReferenceFormat(prefix: "IN"),
        subjectLabel: "body",
        states: [
            FlowState("sent", "sent to the Ombudsman", stage: stage, closed: true),
        ],
        steps: [
            .opening("notify", "Notify the Ombudsman of an investigation", on: "Date of the notice",
                     effects: [.writesNotice(FlowNoticeSpec(notice, field: "serviceArea", suffix: "NOTICE"))], fields: [
                         StepField("subject", "Name of the body", .text, required: true),
                         StepField("serviceArea", "Service area of concern", .text, required: true, hint: "e.g. Residential care"),
                     ]),
        ],
        clocks: [],
        documents: [FlowNotice.schema(notice)])
}
