import Foundation
import TriangulateProtocol
import TriangulateSync

/// The audit entry of each hub event, made in one place so that every hub store logs the same
/// events the same way. `document` is always the store's salted hash of the document id.
public enum AuditEvents {
    /// The operator added an organisation.
    public static func organisationAdded(_ organisation: HubOrganisation) -> AuditEntry {
        AuditEntry(event: "organisation-added", at: organisation.addedAt, actor: "operator", subject: organisation.code,
                   detail: ["role": organisation.role])
    }

    /// The operator issued a new enrolment token.
    public static func tokenIssued(to code: String, at: Date) -> AuditEntry {
        AuditEntry(event: "token-issued", at: at, actor: "operator", subject: code)
    }

    /// The operator suspended, removed or reinstated an organisation.
    public static func statusChanged(of code: String, to status: String, at: Date) -> AuditEntry {
        AuditEntry(event: "organisation-status", at: at, actor: "operator", subject: code, detail: ["status": status])
    }

    /// A node enrolled its key.
    public static func enrolled(_ code: String, keyID: String, at: Date) -> AuditEntry {
        AuditEntry(event: "enrolled", at: at, actor: code, detail: ["keyID": keyID])
    }

    /// A share was accepted: to whom, why, on what basis, which fields, of what class.
    public static func shareAccepted(_ declaration: ShareDeclaration, message: Int64, document: String, at: Date) -> AuditEntry {
        AuditEntry(
            event: "share-accepted", at: at, actor: declaration.document.owner, share: declaration.id, document: document, message: message,
            detail: ["type": declaration.document.type.rawValue, "audience": declaration.audience.map(\.organisation).joined(separator: ","),
                     "purpose": declaration.purpose, "basis": declaration.basis, "class": declaration.payloadClass,
                     "fields": declaration.fields.joined(separator: ","), "approvedBy": declaration.approvedBy ?? "",
                     "panel": declaration.panel ?? ""])
    }

    /// A batch of changes was accepted; `digest` is the salted hash of what is relayed.
    public static func batchAccepted(share: String, sender: String, message: Int64, document: String?, digest: String, at: Date) -> AuditEntry {
        AuditEntry(event: "batch-accepted", at: at, actor: sender, share: share, document: document, message: message, digest: digest)
    }

    /// An organisation was withdrawn from a share.
    public static func withdrawn(_ organisation: String, from share: String, by owner: String, message: Int64, document: String?,
                                 reason: String?, at: Date) -> AuditEntry {
        AuditEntry(event: "withdrawn", at: at, actor: owner, subject: organisation, share: share, document: document, message: message,
                   detail: reason.map { ["reason": $0] })
    }

    /// A withdrawn organisation acknowledged it purged the share.
    public static func purgeAcknowledged(by organisation: String, share: String, document: String?, at: Date) -> AuditEntry {
        AuditEntry(event: "purge-acknowledged", at: at, actor: organisation, share: share, document: document)
    }

    /// A message was delivered to an organisation.
    public static func delivered(_ message: HubMessage, to organisation: String, document: String?, at: Date) -> AuditEntry {
        AuditEntry(event: "delivered", at: at, actor: message.sender, subject: organisation, share: message.share, document: document,
                   message: message.seq, detail: ["kind": message.kind])
    }

    /// A pushed item was refused, and why.
    public static func refused(_ refusal: Refusal, by organisation: String, document: String?, at: Date) -> AuditEntry {
        AuditEntry(event: "refused", at: at, actor: organisation, share: refusal.share, document: document,
                   detail: ["kind": refusal.kind, "reason": refusal.reason])
    }
}
