/// A written notice a flow step makes to share (a closure notice to the provider and CQC, a
/// summary report to the partnership, an Ombudsman alert): the case's reference and subject, the
/// day, the organisation issuing it, and its text — nothing else of the case leaves with it.
///
/// Version 2 adds `releaseOn`, the day before which its recipients must not publish it (an
/// embargo: LGSCO's final decisions reach CQC before they are public), and `replies`, which its
/// recipients write: each a step of the issuer's flow the recipient took (`FlowReply`), as
/// `FlowReplyElement` JSON, that the issuer's node records on the case.
public enum FlowNotice {
    /// The schema of a notice of `type`.
    public static func schema(_ type: DocumentType) -> DocumentSchema {
        DocumentSchema(type, version: 2, [
            FieldSchema("reference", .register),
            FieldSchema("process", .register),
            FieldSchema("subject", .register),
            FieldSchema("title", .register),
            FieldSchema("issuedOn", .register),
            FieldSchema("issuedBy", .register),
            FieldSchema("text", .register),
            FieldSchema("releaseOn", .register),
            FieldSchema("replies", .set, writer: .audience),
        ])
    }
}
