import Foundation

// The JSON bodies of the hub's API (Protocol/openapi.yaml). Field names are the property names.

/// `POST /v1/enrol`: a node registers its public key with a one-time token. Not signed: the
/// token is the proof.
public struct EnrolmentRequest: Codable, Hashable, Sendable {
    /// The token the hub operator handed over.
    public var token: String
    /// The node's Ed25519 public key, base64.
    public var publicKey: String

    /// Makes a request.
    public init(token: String, publicKey: String) {
        self.token = token
        self.publicKey = publicKey
    }
}

/// The answer to an enrolment.
public struct EnrolmentResponse: Codable, Hashable, Sendable {
    /// The organisation the token was for.
    public var organisation: String
    /// The enrolled key's id.
    public var keyID: String
    /// The hub's public key, base64, which signs its audit checkpoints: the node pins it.
    public var hubKey: String

    /// Makes a response.
    public init(organisation: String, keyID: String, hubKey: String) {
        self.organisation = organisation
        self.keyID = keyID
        self.hubKey = hubKey
    }
}

/// `POST /v1/push`: shares to declare, batches of changes, withdrawals and purge
/// acknowledgements, applied by the hub in that order. Each item is accepted or refused on its
/// own, with a reason.
public struct PushRequest: Codable, Hashable, Sendable {
    /// New shares made by this organisation.
    public var shares: [ShareDeclaration]
    /// Signed changes to shared documents.
    public var batches: [SignedBatch]
    /// Shares this organisation withdraws, whole or from some organisations.
    public var withdrawals: [WithdrawalRequest]
    /// Shares whose content this organisation has purged after a withdrawal.
    public var purges: [PurgeAcknowledgement]

    /// Makes a request.
    public init(shares: [ShareDeclaration] = [], batches: [SignedBatch] = [], withdrawals: [WithdrawalRequest] = [],
                purges: [PurgeAcknowledgement] = []) {
        self.shares = shares
        self.batches = batches
        self.withdrawals = withdrawals
        self.purges = purges
    }

    /// Whether there is nothing to send.
    public var isEmpty: Bool { shares.isEmpty && batches.isEmpty && withdrawals.isEmpty && purges.isEmpty }
}

/// What the hub did with a push.
public struct PushResponse: Codable, Hashable, Sendable {
    /// How many items it accepted.
    public var accepted: Int
    /// The items it refused, each with the reason.
    public var refused: [Refusal]

    /// Makes a response.
    public init(accepted: Int, refused: [Refusal]) {
        self.accepted = accepted
        self.refused = refused
    }
}

/// An item the hub refused.
public struct Refusal: Codable, Hashable, Sendable {
    /// What kind of item: `share`, `batch`, `withdrawal` or `purge`.
    public var kind: String
    /// The share it named.
    public var share: String
    /// Why, for the node's user.
    public var reason: String

    /// Makes a refusal.
    public init(kind: String, share: String, reason: String) {
        self.kind = kind
        self.share = share
        self.reason = reason
    }
}

/// A share withdrawn by its owner: whole, or from the organisations listed.
public struct WithdrawalRequest: Codable, Hashable, Sendable {
    /// The share.
    public var share: String
    /// The organisations removed from its audience; empty withdraws the whole share.
    public var organisations: [String]
    /// Why, for the record.
    public var reason: String?

    /// Makes a request.
    public init(share: String, organisations: [String] = [], reason: String? = nil) {
        self.share = share
        self.organisations = organisations
        self.reason = reason
    }
}

/// A recipient's word that it has purged a withdrawn share's content.
public struct PurgeAcknowledgement: Codable, Hashable, Sendable {
    /// The share.
    public var share: String
    /// When the content was purged.
    public var purgedAt: Date

    /// Makes an acknowledgement.
    public init(share: String, purgedAt: Date) {
        self.share = share
        self.purgedAt = purgedAt
    }
}

/// `GET /v1/inbox?after=N&limit=L`: what is addressed to this organisation after cursor N.
public struct InboxPage: Codable, Hashable, Sendable {
    /// The items, by sequence number.
    public var items: [InboxItem]
    /// The cursor to ask from next time: the last item's sequence number, or N.
    public var cursor: Int64
    /// Whether more items wait after this page.
    public var more: Bool

    /// Makes a page.
    public init(items: [InboxItem], cursor: Int64, more: Bool) {
        self.items = items
        self.cursor = cursor
        self.more = more
    }
}

/// One thing delivered to an organisation.
public struct InboxItem: Codable, Hashable, Sendable {
    /// The hub's sequence number.
    public var seq: Int64
    /// `share` (a new share naming this organisation), `batch` (changes) or `withdrawal`.
    public var kind: String
    /// The share concerned.
    public var share: String
    /// For `share`: the declaration.
    public var declaration: ShareDeclaration?
    /// For `batch`: the signed changes.
    public var batch: SignedBatch?
    /// For `batch`: the signer's organisation and public key (base64), to verify and pin.
    public var signerOrganisation: String?
    public var signerKey: String?
    /// For `withdrawal`: who withdrew it, when, and why.
    public var withdrawnBy: String?
    public var withdrawnAt: Date?
    public var reason: String?

    /// Makes an item.
    public init(seq: Int64, kind: String, share: String, declaration: ShareDeclaration? = nil, batch: SignedBatch? = nil,
                signerOrganisation: String? = nil, signerKey: String? = nil, withdrawnBy: String? = nil,
                withdrawnAt: Date? = nil, reason: String? = nil) {
        self.seq = seq
        self.kind = kind
        self.share = share
        self.declaration = declaration
        self.batch = batch
        self.signerOrganisation = signerOrganisation
        self.signerKey = signerKey
        self.withdrawnBy = withdrawnBy
        self.withdrawnAt = withdrawnAt
        self.reason = reason
    }
}

/// The error body of every refused request.
public struct ErrorBody: Codable, Hashable, Sendable {
    /// One line saying what was wrong and what to do.
    public var error: String

    /// Makes a body.
    public init(error: String) { self.error = error }
}

/// The JSON coders every party uses: ISO 8601 dates, sorted keys.
public enum WireJSON {
    /// The encoder.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
