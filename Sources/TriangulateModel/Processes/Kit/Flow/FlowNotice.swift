/// A written notice a flow step makes to share (a closure notice to the provider and CQC, a
/// summary report to the partnership): the case's reference and subject, the day, the
/// organisation issuing it, and its text — nothing else of the case leaves with it.
public enum FlowNotice {
    /// The schema of a notice of `type`: every field written by its issuer only.
    public static func schema(_ type: DocumentType) -> DocumentSchema {
        DocumentSchema(type, [
            FieldSchema("reference", .register),
            FieldSchema("process", .register),
            FieldSchema("subject", .register),
            FieldSchema("title", .register),
            FieldSchema("issuedOn", .register),
            FieldSchema("issuedBy", .register),
            FieldSchema("text", .register),
        ])
    }
}
