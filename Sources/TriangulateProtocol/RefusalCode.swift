/// Why the hub refused an item of a push, as a code a node can act on: retry it later, or tell
/// its user what to change. The hub's audit log keeps only this code.
public enum RefusalCode: String, Codable, CaseIterable, Sendable {
    /// The item is not well formed: an id, a field, a text out of bounds, a bad signature.
    case malformed
    /// The sender does not own the document (or share) it acts on.
    case notOwner = "not-owner"
    /// An organisation of the audience is not on this hub (yet).
    case unknownOrganisation = "unknown-organisation"
    /// An organisation of the audience is suspended or removed.
    case organisationInactive = "organisation-inactive"
    /// The share id is taken by another declaration.
    case shareConflict = "share-conflict"
    /// The hub has no such share — yet, perhaps: its owner has not pushed it.
    case noSuchShareYet = "no-such-share-yet"
    /// The share was withdrawn.
    case shareWithdrawn = "share-withdrawn"
    /// The sender, or an organisation it names, is not in the share's audience.
    case notInAudience = "not-in-audience"
    /// The batch is not signed by a current key of the sender.
    case wrongSigner = "wrong-signer"
    /// The batch changes another document, or carries another organisation's changes.
    case wrongDocument = "wrong-document"
    /// A field outside the share's allow-list.
    case fieldNotAllowed = "field-not-allowed"
    /// A field only the owner may write.
    case forbiddenWriter = "forbidden-writer"
    /// A purge acknowledged by an organisation that was not withdrawn.
    case nothingToPurge = "nothing-to-purge"
    /// More than the sender's allowance: too many publications of match tokens in an hour, or
    /// too many new tokens in a day (a scan of subjects).
    case rateLimited = "rate-limited"

    /// Whether the same item may be accepted later without change: the node keeps it and sends
    /// it again on the next sync.
    public var mayLaterSucceed: Bool {
        switch self {
        case .unknownOrganisation, .organisationInactive, .noSuchShareYet: true
        default: false
        }
    }
}
