extension DocumentType {
    /// What a concern is about, minimised: no source, no raw notes.
    public static let concernSummary = DocumentType(declared: "concern-summary")
    /// A request for information to or from a partner, and its answer.
    public static let informationRequest = DocumentType(declared: "information-request")
    /// A Regulatory Review Panel: agenda, invitees, attendance, minutes.
    public static let panel = DocumentType(declared: "panel")
    /// An action agreed at or after a panel.
    public static let action = DocumentType(declared: "action")
    /// The outcome of a concern, "no further action" included.
    public static let outcome = DocumentType(declared: "outcome")
    /// What the organisation learnt from its use of the protocol.
    public static let learningReview = DocumentType(declared: "learning-review")
    /// What the Forum secretariat receives of a use of the protocol: dates, the convening
    /// organisation, the panel decision, the outcome and the actions' count and status — never
    /// minutes, names or the concern's text (ECP §4.2.6).
    public static let forumRecord = DocumentType(declared: "forum-record")
}

extension EmergingConcerns {
    /// The schemas of the protocol's shareable documents. A document holds only what may ever
    /// be shared; which of these fields actually leave a node is the share's allow-list.
    public static let documents: [DocumentSchema] = [
        // Version 2 adds `services`: the providers and locations, organisations and not personal
        // data, so they can leave at the metadata class. `subjects` still lists everyone.
        DocumentSchema(.concernSummary, version: 2, [
            FieldSchema("reference", .register),
            FieldSchema("category", .register),
            FieldSchema("setting", .register),
            FieldSchema("title", .register),
            FieldSchema("summary", .register, isPersonal: true),  // the full account, which stays on the node unless approved
            FieldSchema("identifiedOn", .register),
            FieldSchema("state", .register),
            FieldSchema("safeguarding", .register),
            FieldSchema("subjects", .set, isPersonal: true),
            FieldSchema("services", .set),
        ]),
        DocumentSchema(.informationRequest, [
            FieldSchema("reference", .register),
            FieldSchema("concern", .register),
            FieldSchema("direction", .register),
            FieldSchema("counterpart", .register),
            FieldSchema("question", .register),
            FieldSchema("requestedOn", .register),
            FieldSchema("dueBy", .register),
            FieldSchema("legalGateway", .register),
            FieldSchema("state", .register, writer: .audience),
            FieldSchema("answerSummary", .register, writer: .audience),
            FieldSchema("answerPayloadClass", .register, writer: .audience),
            FieldSchema("respondedOn", .register, writer: .audience),
            FieldSchema("declineReason", .register, writer: .audience),
        ]),
        // Version 2 marks `attendance` personal: its elements are who attended ("NMC:A. Officer"),
        // so it leaves only in an identifiable share, to the people named for the panel.
        DocumentSchema(.panel, version: 2, [
            FieldSchema("reference", .register),
            FieldSchema("concern", .register),
            FieldSchema("convenedBy", .register),
            FieldSchema("chair", .register, isPersonal: true),
            FieldSchema("meetsOn", .register),
            FieldSchema("format", .register),
            FieldSchema("agenda", .register, writer: .audience),
            FieldSchema("invitees", .map(subfields: ["org", "person", "role", "needToKnow"]), isPersonal: true),
            FieldSchema("attendance", .set, writer: .audience, isPersonal: true),
            FieldSchema("minutes", .register, writer: .audience, isPersonal: true),
            FieldSchema("minutesAgreedOn", .register),
            FieldSchema("state", .register),
        ]),
        DocumentSchema(.action, [
            FieldSchema("reference", .register),
            FieldSchema("concern", .register),
            FieldSchema("panel", .register),
            FieldSchema("ownerOrg", .register),
            FieldSchema("owner", .register, writer: .audience, isPersonal: true),
            FieldSchema("summary", .register),
            FieldSchema("dueBy", .register),
            FieldSchema("state", .register, writer: .audience),
            FieldSchema("completedOn", .register, writer: .audience),
            FieldSchema("evidence", .register, writer: .audience),
        ]),
        DocumentSchema(.outcome, [
            FieldSchema("concern", .register),
            FieldSchema("type", .register),
            FieldSchema("summary", .register),
            FieldSchema("decidedOn", .register),
        ]),
        DocumentSchema(.learningReview, [
            FieldSchema("concern", .register),
            FieldSchema("reviewedOn", .register),
            FieldSchema("wentWell", .register),
            FieldSchema("doDifferently", .register),
            FieldSchema("lessons", .register),
        ]),
        // Nothing personal and nothing of the concern's text: what the secretariat counts.
        DocumentSchema(.forumRecord, [
            FieldSchema("reference", .register),
            FieldSchema("convenedBy", .register),
            FieldSchema("category", .register),
            FieldSchema("identifiedOn", .register),
            FieldSchema("panelDecision", .register),
            FieldSchema("panelDecidedOn", .register),
            FieldSchema("panelsHeld", .register),
            FieldSchema("firstPanelOn", .register),
            FieldSchema("outcome", .register),
            FieldSchema("outcomeOn", .register),
            FieldSchema("actions", .register),
            FieldSchema("actionStates", .set),
        ]),
    ]
}
