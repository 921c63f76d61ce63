import Foundation

/// One entry of the hub's audit log: what happened, to whom, when and on what basis — ids,
/// codes and salted hashes only, never content or personal data. Its leaf bytes are its JSON
/// with sorted keys, so that anyone can recompute the tree from an export.
public struct AuditEntry: Codable, Hashable, Sendable {
    /// What happened: `organisation-added`, `organisation-status`, `token-issued`, `enrolled`,
    /// `share-accepted`, `batch-accepted`, `refused`, `delivered`, `withdrawn`, `purge-acknowledged`.
    public var event: String
    /// When, as the hub's clock had it.
    public var at: Date
    /// The organisation that acted (sender, enrolling organisation, or `operator`).
    public var actor: String
    /// The organisation the event concerns, when another: a recipient, a withdrawn organisation.
    public var subject: String?
    /// The share concerned.
    public var share: String?
    /// The salted hash of the shared document's id (hex): lets an auditor who knows the id
    /// find its entries, and tells nobody else anything.
    public var document: String?
    /// The hub's sequence number of the message concerned (declaration, batch, withdrawal).
    public var message: Int64?
    /// The SHA-256 of what was relayed (a batch's signed bytes), hex.
    public var digest: String?
    /// The basis, class, audience and fields of a share; a status; a refusal's reason.
    public var detail: [String: String]?

    /// Makes an entry.
    public init(event: String, at: Date, actor: String, subject: String? = nil, share: String? = nil, document: String? = nil,
                message: Int64? = nil, digest: String? = nil, detail: [String: String]? = nil) {
        self.event = event
        self.at = at
        self.actor = actor
        self.subject = subject
        self.share = share
        self.document = document
        self.message = message
        self.digest = digest
        self.detail = detail
    }

    /// The entry's leaf bytes; pass an encoder from `WireJSON.encoder()` to reuse it.
    public func encoded(with encoder: JSONEncoder = WireJSON.encoder()) throws -> Data { try encoder.encode(self) }

    /// Reads an entry from its leaf bytes.
    public init(decoding data: Data) throws { self = try WireJSON.decoder().decode(AuditEntry.self, from: data) }
}
