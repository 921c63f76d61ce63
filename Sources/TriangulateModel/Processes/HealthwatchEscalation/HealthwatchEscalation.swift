/// Healthwatch England's interim escalation process for patient-safety concerns (seed 004,
/// DOMAIN.md §1.3.9) as a process definition.
public enum HealthwatchEscalation {
    /// The process.
    public static let definition = ProcessDefinition(
        id: "hwe",
        title: "Healthwatch escalation",
        source: "seed 004: Healthwatch England, patient safety concerns — interim escalation process",
        reference: ReferenceFormat(prefix: "HWE"),
        records: [
            RecordDefinition("escalation", [
                RecordField("title", .text, required: true),
                RecordField("summary", .text, required: true),
                RecordField("concernType", .choice(EscalationConcernType.allCases.map(\.rawValue)), required: true),
                RecordField("organisations", .text, required: true),
                RecordField("systemic", .flag), RecordField("nearlyNeverEvent", .flag),
                RecordField("identifiedOn", .date, required: true),
                RecordField("safeguardingConsidered", .flag), RecordField("safeguardingNote", .text),
                RecordField("outcome", .choice(EscalationOutcome.allCases.map(\.rawValue))), RecordField("outcomeSummary", .text),
                RecordField("closedOn", .date), RecordField("cqcReference", .text),
            ]),
            RecordDefinition("stage", [
                RecordField("stage", .choice(EscalationStage.allCases.map(\.rawValue)), required: true),
                RecordField("raisedOn", .date), RecordField("raisedWith", .text), RecordField("copiedTo", .text, personal: true),
                RecordField("skippedReason", .text), RecordField("respondedOn", .date), RecordField("response", .text),
                RecordField("responseReceived", .flag), RecordField("satisfactory", .flag),
            ]),
        ],
        machines: [
            StateMachineDescription(EscalationLifecycle.self, rules: [
                .raise: TransitionRule(needs: ["stage", "raisedWith", "copiedTo for CQC"], records: ["raisedOn"]),
                .skip: TransitionRule(needs: ["stage", "skippedReason"]),
                .recordResponse: TransitionRule(needs: ["response or that none came"], records: ["respondedOn", "satisfactory"]),
                .close: TransitionRule(by: [.manager, .caseworker], needs: ["outcome", "outcomeSummary"], records: ["closedOn"]),
            ]),
        ],
        clocks: EscalationStage.allCases.map { ResponseClockSetting.standard($0).clock },
        documents: [escalationDocument])

    /// The escalation as CQC and the regional manager receive it: minimised, and co-edited by
    /// CQC with its reference and response.
    public static let escalationDocument = DocumentSchema(DocumentType(declared: "healthwatch-escalation"), [
        FieldSchema("reference", .register),
        FieldSchema("localHealthwatch", .register),
        FieldSchema("concernType", .register),
        FieldSchema("title", .register),
        FieldSchema("summary", .register),
        FieldSchema("organisations", .set),
        FieldSchema("systemic", .register),
        FieldSchema("nearlyNeverEvent", .register),
        FieldSchema("identifiedOn", .register),
        FieldSchema("safeguardingConsidered", .register),
        FieldSchema("stages", .map(subfields: ["state", "raisedOn", "raisedWith", "skippedReason", "respondedOn", "responseReceived", "satisfactory"])),
        FieldSchema("regionalManagerCopied", .register),
        FieldSchema("regionalManager", .register, isPersonal: true),
        FieldSchema("state", .register),
        FieldSchema("outcome", .register),
        FieldSchema("closedOn", .register),
        FieldSchema("cqcReference", .register, writer: .audience),
        FieldSchema("cqcTriagedOn", .register, writer: .audience),
        FieldSchema("cqcResponse", .register, writer: .audience),
        FieldSchema("cqcRespondedOn", .register, writer: .audience),
    ])
}
