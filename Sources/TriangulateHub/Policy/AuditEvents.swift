import Foundation
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The audit entries of each hub event — the part of the policy that says what the log records
/// of a decision — made in one place so that every hub store logs the same events the same way.
/// A store fills in only what its transaction knows: the message's sequence number and its
/// salted hashes (`document` is always the store's salted hash of the document id).
public enum AuditEvents {
    /// The operator added an organisation.
    public static func organisationAdded(_ organisation: HubOrganisation) -> AuditEntry {
        AuditEntry(event: "organisation-added", at: organisation.addedAt, actor: "operator", subject: organisation.code,
                   detail: ["role": organisation.role])
    }

    /// The operator issued a new enrolment token; with a rotation window (seconds) the
    /// organisation's keys outlive the next enrolment by that long, without one they are retired.
    public static func tokenIssued(to code: String, rotationWindow: TimeInterval?, at: Date) -> AuditEntry {
        AuditEntry(event: "token-issued", at: at, actor: "operator", subject: code,
                   detail: rotationWindow.map { ["rotationWindow": String(Int64($0))] })
    }

    /// A key stops authenticating at `until`: `why` is `token-issued`, `enrolment` (another key
    /// enrolled) or `revoked` (by the operator).
    public static func keyRetired(_ keyID: String, of code: String, until: Date, why: String, at: Date) -> AuditEntry {
        AuditEntry(event: "key-retired", at: at, actor: why == "enrolment" ? code : "operator", subject: code,
                   detail: ["keyID": keyID, "until": AuditEntry.timestamp(until), "why": why])
    }

    /// The operator suspended, removed or reinstated an organisation.
    public static func statusChanged(of code: String, to status: String, at: Date) -> AuditEntry {
        AuditEntry(event: "organisation-status", at: at, actor: "operator", subject: code, detail: ["status": status])
    }

    /// A node enrolled its key.
    public static func enrolled(_ code: String, keyID: String, at: Date) -> AuditEntry {
        AuditEntry(event: "enrolled", at: at, actor: code, detail: ["keyID": keyID])
    }

    /// A share was accepted: to whom, which fields, of what class; `digest` is the salted hash
    /// of the declaration (its purpose, basis, approver, panel and named people are in it), which
    /// the hub and every node of the audience hold and an auditor can check against it.
    public static func shareAccepted(_ declaration: ShareDeclaration, message: Int64, document: String, digest: String, at: Date) -> AuditEntry {
        AuditEntry(
            event: "share-accepted", at: at, actor: declaration.document.owner, share: declaration.id, document: document, message: message,
            digest: digest,
            detail: ["type": declaration.document.type.rawValue, "audience": declaration.audience.map(\.organisation).joined(separator: ","),
                     "class": declaration.payloadClass, "fields": declaration.fields.joined(separator: ","),
                     "people": String(declaration.audience.reduce(0) { $0 + $1.people.count })])
    }

    /// A batch of changes was accepted; `digest` is the salted hash of what is relayed.
    public static func batchAccepted(share: String, sender: String, message: Int64, document: String?, digest: String, at: Date) -> AuditEntry {
        AuditEntry(event: "batch-accepted", at: at, actor: sender, share: share, document: document, message: message, digest: digest)
    }

    /// An organisation was withdrawn from a share; `reasonDigest` is the salted hash of the
    /// reason given, if any.
    public static func withdrawn(_ organisation: String, from share: String, by owner: String, message: Int64, document: String?,
                                 reasonDigest: String?, at: Date) -> AuditEntry {
        AuditEntry(event: "withdrawn", at: at, actor: owner, subject: organisation, share: share, document: document, message: message,
                   digest: reasonDigest)
    }

    /// What a withdrawal records: one `withdrawn` entry for each organisation it removes.
    public static func withdrawal(_ decision: HubPolicy.Withdrawal, from share: String, by owner: String, message: Int64, document: String?,
                                  reasonDigest: String?, at: Date) -> [AuditEntry] {
        decision.targets.map { withdrawn($0, from: share, by: owner, message: message, document: document, reasonDigest: reasonDigest, at: at) }
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

    /// The most refusals of one push logged one by one; past it the log gets their counts.
    public static let refusalsLoggedSingly = 10

    /// What a push had refused: an entry per item (its kind and code) when there are few, or
    /// one `refusals` entry with counts by kind and code — and how many items were not examined
    /// — when there are many. Never the reason's words or anything else the sender chose.
    public static func refusals(_ refusals: [Refusal], unexamined: Int, by organisation: String, documents: [String: String],
                                at: Date) -> [AuditEntry] {
        if refusals.count <= refusalsLoggedSingly && unexamined == 0 {
            return refusals.map {
                AuditEntry(event: "refused", at: at, actor: organisation, share: $0.share.isEmpty ? nil : $0.share,
                           document: documents[$0.share], detail: ["kind": $0.kind, "code": $0.code])
            }
        }
        var counts: [String: Int] = [:]
        for refusal in refusals { counts["\(refusal.kind).\(refusal.code)", default: 0] += 1 }
        var detail = counts.mapValues(String.init)
        detail["unexamined"] = String(unexamined)
        return [AuditEntry(event: "refusals", at: at, actor: organisation, detail: detail)]
    }

    // MARK: Matching

    /// An organisation replaced the tokens it holds for matching: how many it holds now, how
    /// many are new and how many it withdrew. Never a token.
    public static func tokensPublished(by organisation: String, held: Int, added: Int, withdrawn: Int, at: Date) -> AuditEntry {
        AuditEntry(event: "match-tokens", at: at, actor: organisation,
                   detail: ["held": String(held), "added": String(added), "withdrawn": String(withdrawn)])
    }

    /// A group of tokens first reached the quorum: its kind, window and how many organisations.
    public static func matched(kind: MatchKind, window: Int, organisations: Int, at: Date) -> AuditEntry {
        AuditEntry(event: "match", at: at, actor: "hub", detail: ["kind": kind.rawValue, "window": String(window), "organisations": String(organisations)])
    }

    /// An alert was raised (or raised again) for an organisation.
    public static func matchAlertRaised(_ alert: StoredMatchAlert, at: Date) -> AuditEntry {
        matchAlert("match-alert", alert, at: at)
    }

    /// An alert's count of other organisations changed.
    public static func matchAlertUpdated(_ alert: StoredMatchAlert, at: Date) -> AuditEntry {
        matchAlert("match-alert-updated", alert, at: at)
    }

    /// An alert lapsed: its group fell below the quorum, or its organisation left it.
    public static func matchAlertLapsed(_ alert: StoredMatchAlert, at: Date) -> AuditEntry {
        matchAlert("match-alert-lapsed", alert, at: at)
    }

    private static func matchAlert(_ event: String, _ alert: StoredMatchAlert, at: Date) -> AuditEntry {
        AuditEntry(event: event, at: at, actor: "hub", subject: alert.organisation,
                   detail: ["alert": alert.id, "kind": alert.kind.rawValue, "window": String(alert.key.window), "others": String(alert.others)])
    }

    /// An organisation answered an alert: asked to be put in touch, agreed to be revealed, or
    /// declined; `introduced` are the organisations it is now introduced to (and they to it).
    public static func matchAnswered(_ alert: StoredMatchAlert, introduced: [String], at: Date) -> AuditEntry {
        var detail = ["alert": alert.id, "consent": alert.consent?.rawValue ?? ""]
        if !introduced.isEmpty { detail["introduced"] = introduced.joined(separator: ",") }
        return AuditEntry(event: "match-answer", at: at, actor: alert.organisation, detail: detail)
    }
}
