import Crypto
import Foundation

/// A node's Ed25519 key pair, made at `init`. The public key is enrolled with the hub; the
/// private key signs every request and every batch of changes the node sends.
public struct NodeSigningKey: Sendable {
    private let box: KeyBox
    /// The public half.
    public let publicKey: NodePublicKey

    /// A new random key.
    public init() { self.init(Curve25519.Signing.PrivateKey()) }

    /// The key stored as `rawRepresentation` (32 bytes).
    public init(rawRepresentation: Data) throws {
        self.init(try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation))
    }

    private init(_ key: Curve25519.Signing.PrivateKey) {
        box = KeyBox(key: key)
        publicKey = NodePublicKey(raw: key.publicKey.rawRepresentation)
    }

    /// The 32 bytes to store.
    public var rawRepresentation: Data { privateKey.rawRepresentation }

    private var privateKey: Curve25519.Signing.PrivateKey { box.key }

    /// Signs `message`.
    public func signature(for message: Data) throws -> Data { try privateKey.signature(for: message) }
}

/// Holds a private key, which is immutable and safe to sign with from any thread, but is not
/// declared `Sendable` by its library.
private final class KeyBox: @unchecked Sendable {
    let key: Curve25519.Signing.PrivateKey
    init(key: Curve25519.Signing.PrivateKey) { self.key = key }
}

/// A node's Ed25519 public key, as enrolled with the hub and pinned by the nodes that verify it.
public struct NodePublicKey: Hashable, Sendable {
    /// The key's 32 bytes.
    public let raw: Data

    init(raw: Data) { self.raw = raw }

    /// Reads a public key from its base64 text (32 raw bytes).
    public init(base64 text: String) throws(ProtocolError) {
        guard let data = Data(base64Encoded: text), (try? Curve25519.Signing.PublicKey(rawRepresentation: data)) != nil else {
            throw ProtocolError(.malformed, "'\(text.prefix(60))' is not an Ed25519 public key in base64")
        }
        raw = data
    }

    /// The key as base64 text.
    public var base64: String { raw.base64EncodedString() }

    /// The key's id: the first 16 hex digits of the SHA-256 of its bytes.
    public var keyID: String {
        Data(SHA256.hash(data: raw).prefix(8)).hex
    }

    /// Whether `signature` is this key's signature of `message`.
    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        (try? Curve25519.Signing.PublicKey(rawRepresentation: raw))?.isValidSignature(signature, for: message) ?? false
    }
}

/// SHA-256 of `data`, as lowercase hex.
public func sha256Hex(_ data: Data) -> String {
    Data(SHA256.hash(data: data)).hex
}
