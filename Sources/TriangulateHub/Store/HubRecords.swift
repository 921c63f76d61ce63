import Foundation
import TriangulateModel
import TriangulateProtocol

/// An organisation of the exchange, as the hub holds it.
public struct HubOrganisation: Codable, Hashable, Sendable {
    /// Its code, e.g. `CQC`.
    public var code: String
    /// Its name.
    public var name: String
    /// `signatory`, `partner` or `secretariat`.
    public var role: String
    /// `active`, `suspended` or `removed`: only active organisations send or receive.
    public var status: String
    /// When it was added.
    public var addedAt: Date

    /// Makes a record.
    public init(code: String, name: String, role: String, status: String, addedAt: Date) {
        self.code = code
        self.name = name
        self.role = role
        self.status = status
        self.addedAt = addedAt
    }
}

/// An enrolled node key.
public struct HubKey: Hashable, Sendable {
    /// The key's id.
    public var keyID: String
    /// The organisation it belongs to.
    public var organisation: String
    /// The public key, base64.
    public var publicKey: String
    /// When it stops authenticating (revoked, retired, or at the end of a rotation window);
    /// nil while it is the organisation's current key.
    public var validUntil: Date?

    /// Makes a record; a store enrolling a key fills in the organisation from the token.
    public init(keyID: String, organisation: String, publicKey: String, validUntil: Date? = nil) {
        self.keyID = keyID
        self.organisation = organisation
        self.publicKey = publicKey
        self.validUntil = validUntil
    }

    /// Whether the key authenticates at `date`.
    public func isValid(at date: Date) -> Bool { validUntil.map { date < $0 } ?? true }
}

/// A share as the hub holds it: the declaration, and what has been withdrawn.
public struct HubShare: Hashable, Sendable {
    /// What the owner declared.
    public var declaration: ShareDeclaration
    /// When the whole share was withdrawn, if it was.
    public var withdrawnAt: Date?
    /// The organisations removed from its audience.
    public var removed: Set<String>

    /// Makes a record.
    public init(declaration: ShareDeclaration, withdrawnAt: Date?, removed: Set<String>) {
        self.declaration = declaration
        self.withdrawnAt = withdrawnAt
        self.removed = removed
    }

    /// The organisations it is delivered to now: the audience, less those removed; nobody once
    /// withdrawn.
    public var currentAudience: Set<String> {
        withdrawnAt == nil ? Set(declaration.audience.map(\.organisation)).subtracting(removed) : []
    }
}

/// One numbered entry of the hub's delivery log.
public struct HubMessage: Hashable, Sendable {
    /// The sequence number.
    public var seq: Int64
    /// `share`, `batch` or `withdrawal`.
    public var kind: String
    /// The share concerned.
    public var share: String
    /// The organisation that sent it.
    public var sender: String
    /// The JSON of the declaration, batch or withdrawal.
    public var payload: Data
    /// When the hub accepted it.
    public var at: Date

    /// Makes a record.
    public init(seq: Int64, kind: String, share: String, sender: String, payload: Data, at: Date) {
        self.seq = seq
        self.kind = kind
        self.share = share
        self.sender = sender
        self.payload = payload
        self.at = at
    }
}

/// One stored audit entry: its index in the log, its leaf bytes, and the leaf hash stored with it.
public struct StoredAuditEntry: Hashable, Sendable {
    /// Its index, from 0.
    public var index: UInt64
    /// The leaf bytes (the entry's JSON).
    public var entry: Data
    /// The stored leaf hash.
    public var hash: Data

    /// Makes a record.
    public init(index: UInt64, entry: Data, hash: Data) {
        self.index = index
        self.entry = entry
        self.hash = hash
    }
}
