import Foundation
import TriangulateModel
import TriangulateSync

/// Changes one node made to one shared document, signed by that node so that every recipient
/// can check the hub relayed them unaltered. The signature covers the share id and the encoded
/// change set: `triangulate-batch-v1 \n SHARE \n BYTES`.
public struct SignedBatch: Codable, Hashable, Sendable {
    /// The share the changes belong to.
    public var share: String
    /// The signer's key id.
    public var signer: String
    /// The encoded change set (Protocol/sync.md, "Wire encoding"), base64.
    public var changes: String
    /// The Ed25519 signature, base64.
    public var signature: String

    /// Signs a change set for a share.
    public init(share: String, changes: ChangeSet, key: NodeSigningKey) throws {
        let bytes = Data(changes.encoded())
        self.share = share
        self.signer = key.publicKey.keyID
        self.changes = bytes.base64EncodedString()
        self.signature = try key.signature(for: Self.message(share: share, bytes: bytes)).base64EncodedString()
    }

    /// A batch from its parts, as received.
    public init(share: String, signer: String, changes: String, signature: String) {
        self.share = share
        self.signer = signer
        self.changes = changes
        self.signature = signature
    }

    /// The change set, once its signature has been checked against the signer's key.
    public func verified(with key: NodePublicKey) throws(ProtocolError) -> ChangeSet {
        guard let bytes = Data(base64Encoded: changes) else { throw ProtocolError(.malformed, "a batch's changes are not base64") }
        guard let raw = Data(base64Encoded: signature), key.isValidSignature(raw, for: Self.message(share: share, bytes: bytes)) else {
            throw ProtocolError(.badSignature, "a batch for share \(share) does not carry a valid signature by key \(signer): it was altered or forged")
        }
        do {
            return try ChangeSet(decoding: [UInt8](bytes))
        } catch {
            throw ProtocolError(.malformed, error.message)
        }
    }

    /// The change set without checking the signature: for the hub, which checks the sender's
    /// request signature instead and re-checks the batch signature before storing it.
    public func decodedChanges() throws(ProtocolError) -> ChangeSet {
        guard let bytes = Data(base64Encoded: changes) else { throw ProtocolError(.malformed, "a batch's changes are not base64") }
        do {
            return try ChangeSet(decoding: [UInt8](bytes))
        } catch {
            throw ProtocolError(.malformed, error.message)
        }
    }

    static func message(share: String, bytes: Data) -> Data {
        Data("triangulate-batch-v1\n\(share)\n".utf8) + bytes
    }
}
