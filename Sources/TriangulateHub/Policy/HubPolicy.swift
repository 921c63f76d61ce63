import Foundation
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The hub's need-to-know, in one pure place: given what was pushed, who signed it and the share
/// as it stands, it decides whether to accept it — or refuses it with a code and a reason — and
/// who receives what is appended (fan-out on write), whose pending deliveries a withdrawal
/// revokes, and who a withdrawal notice is for. No I/O, no clock of its own: the hub reads the
/// state, asks the policy, and the store writes the decision in one transaction (re-asking
/// `recipients` with the state it holds locked, so that a concurrent withdrawal is never missed).
/// The stores' inboxes are then "messages for this organisation after cursor N".
public enum HubPolicy {
    /// The organisations that receive a share's declaration or one of its batches sent by
    /// `sender`: the owner and the current audience, less the sender; nobody once the share is
    /// withdrawn. An empty audience means nobody.
    public static func recipients(of share: HubShare, from sender: String) -> [String] {
        guard share.withdrawnAt == nil else { return [] }
        var recipients = share.currentAudience
        recipients.insert(share.declaration.document.owner)
        recipients.remove(sender)
        return recipients.sorted()
    }

    /// Decides a declaration by `organisation`: nil when it repeats one already accepted (nothing
    /// to do), else the declaration to append. `registered` is the document as its first
    /// declaration gave it, `existing` the share of that id, `statuses` the status of each
    /// audience organisation that exists on this hub.
    public static func declare(_ declaration: ShareDeclaration, by organisation: String, registered: DocumentHeader?, existing: HubShare?,
                               statuses: [String: String]) throws(HubError) -> ShareDeclaration? {
        do {
            try declaration.validate()
        } catch {
            throw HubError(.invalidRequest, error.message)
        }
        guard declaration.document.owner == organisation else {
            throw HubError(.forbidden, .notOwner, "\(organisation) cannot share a document owned by \(declaration.document.owner)")
        }
        try register(declaration.document, found: registered)
        if let existing {
            guard existing.declaration == declaration else { throw HubError(.conflict, .shareConflict, "share \(declaration.id) exists with a different declaration") }
            return nil
        }
        for member in declaration.audience {
            guard let status = statuses[member.organisation] else {
                throw HubError(.invalidRequest, .unknownOrganisation, "\(member.organisation) is not an organisation of this hub (yet), so it cannot receive share \(declaration.id)")
            }
            guard status == "active" else {
                throw HubError(.invalidRequest, .organisationInactive, "\(member.organisation) is \(status) on this hub, so it cannot receive share \(declaration.id)")
            }
        }
        return declaration
    }

    /// Checks a declaration's document against what the hub registered under its id: the first
    /// declaration of an id fixes its owner and type (Protocol/sync.md, "Ownership"). `found` is
    /// the registration a store found (nil: none). A store asks again inside the transaction that
    /// registers the document, with `registering` true: the id is registered by then, so finding
    /// nothing means another organisation's registration, hidden from this one.
    public static func register(_ document: DocumentHeader, found: DocumentHeader?, registering: Bool = false) throws(HubError) {
        guard let found else {
            if registering { throw HubError.documentOwnedElsewhere(document.id) }
            return
        }
        guard found == document else { throw HubError.documentOwnedElsewhere(document.id) }
    }

    /// Decides a batch `organisation` pushed into `share`, signed with `key` (the key the batch
    /// names, if enrolled): returns its changes once verified, every one to the share's document,
    /// made by the sender, in a field the share allows and the sender may write under the schema
    /// the share declared.
    public static func relay(_ batch: SignedBatch, from organisation: String, share: HubShare?, key: HubKey?, at date: Date) throws(HubError) -> ChangeSet {
        guard let share else { throw HubError(.notFound, .noSuchShareYet, "there is no share \(batch.share) on this hub (yet: its owner may not have pushed it)") }
        let owner = share.declaration.document.owner
        guard share.withdrawnAt == nil else { throw HubError(.forbidden, .shareWithdrawn, "share \(batch.share) has been withdrawn") }
        guard organisation == owner || share.currentAudience.contains(organisation) else {
            throw HubError(.forbidden, .notInAudience, "\(organisation) is not in the audience of share \(batch.share)")
        }
        guard let key, key.organisation == organisation, key.isValid(at: date) else {
            throw HubError(.forbidden, .wrongSigner, "the batch is signed with key \(batch.signer), which is not a current key of \(organisation)'s")
        }
        let changes: ChangeSet
        do {
            changes = try batch.verified(with: try NodePublicKey(base64: key.publicKey))
            try changes.validate(in: DocumentCatalog([share.declaration.schema]))
        } catch let error as ProtocolError {
            throw HubError(.invalidRequest, error.message)
        } catch let error as SyncError {
            throw HubError(.invalidRequest, error.message)
        } catch {
            throw HubError(.invalidRequest, "the batch could not be read")
        }
        let document = share.declaration.document
        let schema = share.declaration.schema
        for change in changes.changes {
            guard change.document == document.id, changes.headers[change.document] == document else {
                throw HubError(.forbidden, .wrongDocument, "the batch changes a document other than share \(batch.share)'s")
            }
            guard change.stamp.replica.rawValue.prefix(while: { $0 != "." }) == organisation else {
                throw HubError(.forbidden, .wrongDocument, "the batch carries changes made by \(change.stamp.replica), not by \(organisation)")
            }
            if case .purge = change.operation { throw HubError(.forbidden, .malformed, "purges travel as withdrawals, not as changes") }
            guard share.declaration.allows(change.field) else {
                throw HubError(.forbidden, .fieldNotAllowed, "'\(change.field)' is not among the fields of share \(batch.share) (\(share.declaration.fields.joined(separator: ", ")))")
            }
            guard let field = try? schema.validate(change), field.writer == .audience || organisation == owner else {
                throw HubError(.forbidden, .forbiddenWriter, "only \(owner) may write '\(change.field)' of this \(document.type.rawValue)")
            }
        }
        return changes
    }

    /// What a withdrawal does: the organisations it removes (every current member for a whole
    /// withdrawal) — each receives the notice and loses what of the share it has not yet
    /// collected — and whether it withdraws the whole share.
    public struct Withdrawal: Hashable, Sendable {
        /// The organisations removed, sorted.
        public let targets: [String]
        /// Whether the whole share is withdrawn (its owner's pending co-edits are revoked too).
        public let isWhole: Bool

        /// Makes a decision.
        public init(targets: [String], isWhole: Bool) {
            self.targets = targets
            self.isWhole = isWhole
        }
    }

    /// Decides a withdrawal by `organisation`: nil when it changes nothing (already withdrawn,
    /// or every organisation named already removed).
    public static func withdraw(_ withdrawal: WithdrawalRequest, by organisation: String, share: HubShare?) throws(HubError) -> Withdrawal? {
        do {
            try withdrawal.validate()
        } catch {
            throw HubError(.invalidRequest, error.message)
        }
        guard let share else { throw HubError(.notFound, .noSuchShareYet, "there is no share \(withdrawal.share) on this hub") }
        guard share.declaration.document.owner == organisation else {
            throw HubError(.forbidden, .notOwner, "only \(share.declaration.document.owner), which made share \(withdrawal.share), may withdraw it")
        }
        let audience = Set(share.declaration.audience.map(\.organisation))
        for code in withdrawal.organisations where !audience.contains(code) {
            throw HubError(.invalidRequest, .notInAudience, "\(code) is not in the audience of share \(withdrawal.share)")
        }
        guard share.withdrawnAt == nil else { return nil }
        if withdrawal.organisations.isEmpty {
            return Withdrawal(targets: share.currentAudience.sorted(), isWhole: true)
        }
        let targets = Set(withdrawal.organisations).subtracting(share.removed)
        return targets.isEmpty ? nil : Withdrawal(targets: targets.sorted(), isWhole: false)
    }

    /// Decides a purge acknowledgement by `organisation`: only one removed from the share has a
    /// purge to acknowledge. The hub asks before the store's transaction, the store again inside
    /// it, with the share as it holds it.
    public static func acknowledgePurge(of share: HubShare?, id: String, by organisation: String) throws(HubError) {
        guard let share, share.removed.contains(organisation) || (share.withdrawnAt != nil && share.declaration.audience.contains { $0.organisation == organisation }) else {
            throw HubError(.forbidden, .nothingToPurge, "\(organisation) was not withdrawn from share \(id), so there is no purge to acknowledge")
        }
    }
}
