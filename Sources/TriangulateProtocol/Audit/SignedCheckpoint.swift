import Foundation

/// The hub's signed statement of its audit log at one moment: the number of entries and the
/// tree head. The signature covers `triangulate-audit-checkpoint-v1 \n SIZE \n HEX(ROOT) \n`.
public struct SignedCheckpoint: Codable, Hashable, Sendable, CustomStringConvertible {
    /// How many entries the log had.
    public var size: UInt64
    /// The tree head, as lowercase hex.
    public var root: String
    /// The signing key's id.
    public var keyID: String
    /// The Ed25519 signature, base64.
    public var signature: String

    /// Signs a checkpoint.
    public init(size: UInt64, root: Data, key: NodeSigningKey) throws {
        self.size = size
        self.root = root.hex
        self.keyID = key.publicKey.keyID
        self.signature = try key.signature(for: Self.message(size: size, root: self.root)).base64EncodedString()
    }

    /// A checkpoint as stored or received.
    public init(size: UInt64, root: String, keyID: String, signature: String) {
        self.size = size
        self.root = root
        self.keyID = keyID
        self.signature = signature
    }

    /// Whether the signature is `key`'s.
    public func isSigned(by key: NodePublicKey) -> Bool {
        guard let raw = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(raw, for: Self.message(size: size, root: root))
    }

    /// The tree head's bytes.
    public var rootBytes: Data { Data(hex: root) ?? Data() }

    public var description: String { "size \(size), root \(root.prefix(16))…" }

    static func message(size: UInt64, root: String) -> Data {
        Data("triangulate-audit-checkpoint-v1\n\(size)\n\(root)\n".utf8)
    }
}

/// A proof served by the hub's audit API: the hashes, hex.
public struct AuditProof: Codable, Hashable, Sendable {
    /// The proof's hashes, lowercase hex, in RFC 9162 order.
    public var hashes: [String]

    /// Makes a proof.
    public init(hashes: [Data]) { self.hashes = hashes.map(\.hex) }

    /// The hashes' bytes (an unreadable hash becomes empty, and fails verification).
    public var bytes: [Data] { hashes.map { Data(hex: $0) ?? Data() } }
}
