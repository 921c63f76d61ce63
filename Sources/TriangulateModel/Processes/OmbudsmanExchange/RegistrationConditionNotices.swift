/// CQC's notices to the Ombudsman of conditions placed on a provider's registration (seed 002,
/// MoU 4.13), "if this is practicable, prior to release into the public domain". The notice
/// names the provider (an organisation; a practitioner is a person and is not named by this
/// process) and carries the conditions; the day they become public, when given, is the notice's
/// release day, before which the Ombudsman must not make them public.
public enum RegistrationConditionNotices {
    public static let notice = DocumentType(declared: "cqc-registration-conditions")

    static let stage = "Seed 002: registration conditions"

    /// The process.
    public static let flow = FlowDefinition(
        id: "cqc-conditions",
        title: "Registration condition notices to the Ombudsman",
        source: "seed 002: LGSCO–CQC MoU 4.13",
        reference: ReferenceFormat(prefix: "RC"),
        subjectLabel: "provider",
        states: [
            FlowState("sent", "sent to the Ombudsman", stage: stage, closed: true),
        ],
        steps: [
            .opening("notify", "Notify the Ombudsman of registration conditions", on: "Date of the notice",
                     effects: [.writesNotice(FlowNoticeSpec(notice, field: "conditions", suffix: "NOTICE", embargo: .init(field: "publicOn")))], fields: [
                         StepField("subject", "Provider", .text, required: true, hint: "The provider with its CQC id, e.g. Oak Care Ltd 1-200000001",
                                   suggests: .description),
                         StepField("title", "Short title", .text, required: true),
                         StepField("conditions", "The conditions", .longText, required: true),
                         StepField("beforePublic", "Sent before the conditions are public", .flag),
                         StepField("publicOn", "Date the conditions become public", .date),
                     ]),
        ],
        clocks: [],
        documents: [FlowNotice.schema(notice)])
}
