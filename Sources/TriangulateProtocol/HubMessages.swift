import Foundation

// The JSON bodies of the hub's API (Protocol/openapi.yaml). Field names are the property names.

/// `POST /v1/enrol`: a node registers its public key with a one-time token, and proves it
/// holds the private half by signing `triangulate-enrol-v1 \n TOKEN \n PUBLIC KEY` with it — so
/// that a token holder cannot enrol another organisation's public key as its own.
public struct EnrolmentRequest: Codable, Hashable, Sendable {
    /// The token the hub operator handed over.
    public var token: String
    /// The node's Ed25519 public key, base64.
    public var publicKey: String
    /// The node's signature of the token and key, base64: proof of possession.
    public var proof: String

    /// Makes a request signed with `key`.
    public init(token: String, key: NodeSigningKey) throws {
        self.token = token
        self.publicKey = key.publicKey.base64
        self.proof = try key.signature(for: Self.message(token: token, publicKey: key.publicKey.base64)).base64EncodedString()
    }

    /// Makes a request from its parts, as received.
    public init(token: String, publicKey: String, proof: String) {
        self.token = token
        self.publicKey = publicKey
        self.proof = proof
    }

    /// The public key, once the proof shows the sender holds its private half.
    public func provenKey() throws(ProtocolError) -> NodePublicKey {
        guard token.utf8.count <= 128, publicKey.utf8.count <= 64, proof.utf8.count <= 128 else {
            throw ProtocolError(.malformed, "the enrolment's token, key or proof is too long")
        }
        let key = try NodePublicKey(base64: publicKey)
        guard let signature = Data(base64Encoded: proof), key.isValidSignature(signature, for: Self.message(token: token, publicKey: publicKey)) else {
            throw ProtocolError(.badSignature, "the enrolment's proof is not a signature of the token by the key enrolled: a node enrols only its own key")
        }
        return key
    }

    static func message(token: String, publicKey: String) -> Data {
        Data("triangulate-enrol-v1\n\(token)\n\(publicKey)".utf8)
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
    /// The log after the push, when the node asked with `auditFrom`.
    public var audit: AuditReceipt?

    /// Makes a response.
    public init(accepted: Int, refused: [Refusal], audit: AuditReceipt? = nil) {
        self.accepted = accepted
        self.refused = refused
        self.audit = audit
    }
}

/// An item the hub refused.
public struct Refusal: Codable, Hashable, Sendable {
    /// `share`, `batch`, `withdrawal` or `purge`.
    public var kind: String
    /// The share concerned; empty when what was sent is not a share id.
    public var share: String
    /// Why, as a code (`RefusalCode`'s raw value; a newer hub may send one this node does not
    /// know): the hub's log keeps only this.
    public var code: String
    /// Why, in words for the node's user.
    public var reason: String

    /// Makes a refusal.
    public init(kind: String, share: String, code: RefusalCode, reason: String) {
        self.kind = kind
        self.share = share
        self.code = code.rawValue
        self.reason = reason
    }

    /// The code, when this node knows it.
    public var refusalCode: RefusalCode? { RefusalCode(rawValue: code) }

    /// Whether sending the item again later may succeed.
    public var mayLaterSucceed: Bool { refusalCode?.mayLaterSucceed ?? false }
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

extension WithdrawalRequest {
    /// Checks the ids, codes and reason are well formed, as the node and the hub both do.
    public func validate() throws(ProtocolError) {
        try WireID.check(share, "the share id")
        guard organisations.count <= ShareDeclaration.maximumAudience else {
            throw ProtocolError(.malformed, "a withdrawal names at most \(ShareDeclaration.maximumAudience) organisations")
        }
        for code in organisations { try ShareDeclaration.checkCode(code, "a withdrawn organisation") }
        try WireText.check(reason ?? "", "the reason", maximum: WireText.maximumProse)
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
    /// The log after the page was delivered, when it holds items and the node asked with `auditFrom`.
    public var audit: AuditReceipt?

    /// Makes a page.
    public init(items: [InboxItem], cursor: Int64, more: Bool, audit: AuditReceipt? = nil) {
        self.items = items
        self.cursor = cursor
        self.more = more
        self.audit = audit
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
