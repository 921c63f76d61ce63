import Foundation
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// What a user asks to share.
public struct ShareRequest: Sendable {
    /// The record: a concern (`ECP-2026-0001`), request (`…/R1`), panel (`…/P1`), action
    /// (`…/A1`), or `outcome:ECP-…` / `review:ECP-…`.
    public var document: String
    /// The organisations to share with.
    public var to: [String]
    /// Why.
    public var purpose: String
    /// The lawful basis or legal gateway.
    public var basis: String
    /// The allow-list; empty means every field the class allows (no personal data below
    /// `identifiable`).
    public var fields: [String]
    /// How identifiable the content is.
    public var payloadClass: String
    /// For identifiable content: the panel whose invitees, named with their need to know, are the
    /// only people who may see it.
    public var panel: String?
    /// For identifiable content: who approved sharing it.
    public var approvedBy: String?

    /// Makes a request.
    public init(document: String, to: [String], purpose: String, basis: String, fields: [String] = [],
                payloadClass: String = "metadata", panel: String? = nil, approvedBy: String? = nil) {
        self.document = document
        self.to = to
        self.purpose = purpose
        self.basis = basis
        self.fields = fields
        self.payloadClass = payloadClass
        self.panel = panel
        self.approvedBy = approvedBy
    }
}

/// A share this organisation made, as listed to its users.
public struct ShareSummary: Codable, Hashable, Sendable {
    /// The share's id.
    public var id: String
    /// What was declared to the hub.
    public var declaration: ShareDeclaration
    /// Who made it and when.
    public var createdBy: String
    public var createdAt: Date
    /// When the hub accepted it (nil until the next `triangulate sync`).
    public var sentAt: Date?
    /// When the whole share was withdrawn.
    public var withdrawnAt: Date?
    /// Organisations withdrawn from it.
    public var withdrawnFrom: [String]
    /// The hub's refusal of its declaration, if the hub refused it; `retrying` when it goes again
    /// on each sync.
    public var refusal: PushRefusal?
}

/// The hub's latest refusal of an item this node pushed.
public struct PushRefusal: Codable, Hashable, Sendable {
    /// `share`, `batch`, `withdrawal` or `purge`.
    public var kind: String
    /// Why, as the hub's code (`RefusalCode`).
    public var code: String
    /// Why, in words.
    public var reason: String
    /// Whether the node sends the item again on each sync, as it may yet succeed.
    public var retrying: Bool
    /// When the hub refused it.
    public var at: Date
}

/// A decision not to share, recorded as the protocol requires.
public struct ShareDecision: Codable, Hashable, Sendable {
    /// The decision's id.
    public var id: String
    /// The document not shared.
    public var documentId: String
    /// With whom it was not shared.
    public var organisations: [String]
    /// Why not.
    public var reason: String
    /// Who decided, and when.
    public var decidedBy: String
    public var decidedAt: Date
}

/// A share another organisation made with this one.
public struct ReceivedShare: Codable, Hashable, Sendable {
    /// The share's id.
    public var share: String
    /// The document.
    public var documentId: String
    /// The organisation that shared it.
    public var owner: String
    /// What it declared; nil once withdrawn and purged.
    public var declaration: ShareDeclaration?
    /// When it arrived.
    public var receivedAt: Date
    /// The withdrawal stub: by whom, when, why, and when the content was purged here.
    public var withdrawnBy: String?
    public var withdrawnAt: Date?
    public var withdrawalReason: String?
    public var purgedAt: Date?
}

/// A received document as a user may see it: personal-data fields only for the named people.
public struct ReceivedDocumentView: Codable, Hashable, Sendable {
    /// The share.
    public var share: ReceivedShare
    /// Register fields: value and, while there is a conflict, every concurrent value.
    public var fields: [String: FieldView]
    /// Set fields.
    public var sets: [String: [String]]
    /// Fields withheld from this user: personal data they are not named for.
    public var withheld: [String]

    /// A register's value and its conflict set.
    public struct FieldView: Codable, Hashable, Sendable {
        /// The winning value.
        public var value: String?
        /// Every concurrent value while there is a conflict.
        public var conflicts: [String?]
    }
}

/// What one `triangulate sync` did.
public struct SyncSummary: Codable, Hashable, Sendable {
    /// Shares declared to the hub.
    public var sharesSent = 0
    /// Batches and changes pushed.
    public var batchesSent = 0
    public var changesSent = 0
    /// Withdrawals and purge acknowledgements sent.
    public var withdrawalsSent = 0
    public var purgesAcknowledged = 0
    /// What the hub refused, with its reasons.
    public var refused: [Refusal] = []
    /// Items pulled, and of them: new shares, changes applied, withdrawals purged.
    public var itemsPulled = 0
    public var sharesReceived = 0
    public var changesApplied = 0
    public var withdrawalsPurged = 0
    /// Items this node refused (bad signature, wrong document), with reasons.
    public var rejected: [String] = []
    /// The cursor after this sync.
    public var cursor: Int64 = 0
    /// The hub's audit checkpoint accepted at the end, consistent with every earlier one.
    public var checkpoint: SignedCheckpoint?
    /// What matching did: tokens published, alerts collected.
    public var matching = MatchSummary()

    /// Makes an empty summary.
    public init() {}
}

/// What a share would send, before it is made: every field of the record's shared document
/// with its value, whether it is personal data and whether it leaves the node; and who would see it.
public struct SharePreview: Sendable {
    /// One field of the shared document.
    public struct Field: Hashable, Sendable {
        /// Its name in the shared document.
        public let name: String
        /// Its value on this node, as text.
        public let value: String
        /// Whether it can hold personal data.
        public let isPersonal: Bool
        /// Whether this share sends it.
        public let leaves: Bool
    }

    /// The record's reference and its document's type.
    public let reference: String
    public let documentType: String
    /// How identifiable the share is.
    public let payloadClass: String
    /// Every field, in the schema's order.
    public let fields: [Field]
    /// The organisations, and for identifiable content the named people, who would see it.
    public let audience: [AudienceMember]
}
