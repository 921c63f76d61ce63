import TriangulateModel

extension ShareDeclaration {
    /// The schemas protocol 1 compiled into every hub and node, for the six document types of
    /// the Emerging Concerns Protocol. A declaration made before the process kit carries no
    /// schema and is read with its type's schema from here. Frozen: shares already on hubs and
    /// in node stores were declared against exactly these, so they are never edited; a process
    /// that changes its documents declares a new schema version and carries it in its shares.
    public static let protocol1Schemas = DocumentCatalog([
        DocumentSchema(DocumentType(declared: "concern-summary"), [
            FieldSchema("reference", .register),
            FieldSchema("category", .register),
            FieldSchema("setting", .register),
            FieldSchema("title", .register),
            FieldSchema("summary", .register, isPersonal: true),
            FieldSchema("identifiedOn", .register),
            FieldSchema("state", .register),
            FieldSchema("safeguarding", .register),
            FieldSchema("subjects", .set, isPersonal: true),
        ]),
        DocumentSchema(DocumentType(declared: "information-request"), [
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
        DocumentSchema(DocumentType(declared: "panel"), [
            FieldSchema("reference", .register),
            FieldSchema("concern", .register),
            FieldSchema("convenedBy", .register),
            FieldSchema("chair", .register, isPersonal: true),
            FieldSchema("meetsOn", .register),
            FieldSchema("format", .register),
            FieldSchema("agenda", .register, writer: .audience),
            FieldSchema("invitees", .map(subfields: ["org", "person", "role", "needToKnow"]), isPersonal: true),
            FieldSchema("attendance", .set, writer: .audience),
            FieldSchema("minutes", .register, writer: .audience, isPersonal: true),
            FieldSchema("minutesAgreedOn", .register),
            FieldSchema("state", .register),
        ]),
        DocumentSchema(DocumentType(declared: "action"), [
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
        DocumentSchema(DocumentType(declared: "outcome"), [
            FieldSchema("concern", .register),
            FieldSchema("type", .register),
            FieldSchema("summary", .register),
            FieldSchema("decidedOn", .register),
        ]),
        DocumentSchema(DocumentType(declared: "learning-review"), [
            FieldSchema("concern", .register),
            FieldSchema("reviewedOn", .register),
            FieldSchema("wentWell", .register),
            FieldSchema("doDifferently", .register),
            FieldSchema("lessons", .register),
        ]),
    ])
}
