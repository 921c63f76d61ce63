import Foundation

/// The signature on every request to the hub (Protocol/openapi.yaml, "Signed requests"): the
/// node signs `METHOD \n PATH \n TIMESTAMP \n NONCE \n SHA256(BODY)` with its key and sends the
/// key id, timestamp, nonce and signature as headers. The hub refuses a request whose key is not
/// enrolled, whose timestamp is more than five minutes off, whose nonce it has seen, or whose
/// signature does not verify.
public struct RequestSignature: Hashable, Sendable {
    /// The header carrying the signer's key id.
    public static let keyHeader = "Triangulate-Key"
    /// The header carrying the signing time, in Unix seconds.
    public static let timestampHeader = "Triangulate-Timestamp"
    /// The header carrying a random single-use value.
    public static let nonceHeader = "Triangulate-Nonce"
    /// The header carrying the base64 Ed25519 signature.
    public static let signatureHeader = "Triangulate-Signature"
    /// How far a request's timestamp may be from the hub's clock, in seconds.
    public static let allowedSkew: Int64 = 300

    /// The signer's key id.
    public var keyID: String
    /// Unix seconds.
    public var timestamp: Int64
    /// A single-use random value.
    public var nonce: String
    /// The signature, base64.
    public var signature: String

    /// Signs a request.
    public static func sign(method: String, path: String, body: Data, key: NodeSigningKey, at date: Date) throws -> RequestSignature {
        let timestamp = Int64(date.timeIntervalSince1970)
        let nonce = UUID().uuidString.lowercased()
        let message = canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, body: body)
        return RequestSignature(keyID: key.publicKey.keyID, timestamp: timestamp, nonce: nonce,
                                signature: try key.signature(for: message).base64EncodedString())
    }

    /// Reads the signature headers; `nil` header values mean the request is unsigned.
    public init(keyID: String?, timestamp: String?, nonce: String?, signature: String?) throws(ProtocolError) {
        guard let keyID, let timestamp, let nonce, let signature else {
            throw ProtocolError(.badSignature, "the request is not signed: send \(Self.keyHeader), \(Self.timestampHeader), \(Self.nonceHeader) and \(Self.signatureHeader)")
        }
        guard let seconds = Int64(timestamp) else { throw ProtocolError(.badSignature, "\(Self.timestampHeader) is not Unix seconds") }
        guard (16...128).contains(nonce.count) else { throw ProtocolError(.badSignature, "\(Self.nonceHeader) must have 16 to 128 characters") }
        self.init(keyID: keyID, timestamp: seconds, nonce: nonce, signature: signature)
    }

    /// Makes a signature from its parts.
    public init(keyID: String, timestamp: Int64, nonce: String, signature: String) {
        self.keyID = keyID
        self.timestamp = timestamp
        self.nonce = nonce
        self.signature = signature
    }

    /// The headers to send.
    public var headers: [String: String] {
        [Self.keyHeader: keyID, Self.timestampHeader: String(timestamp), Self.nonceHeader: nonce, Self.signatureHeader: signature]
    }

    /// Checks the signature against `key` and the timestamp against `now`; replay is the hub's
    /// to check, with the nonce.
    public func verify(method: String, path: String, body: Data, key: NodePublicKey, now: Date) throws(ProtocolError) {
        let skew = Int64(now.timeIntervalSince1970) - timestamp
        guard abs(skew) <= Self.allowedSkew else {
            throw ProtocolError(.badSignature, "the request was signed \(skew) s from the hub's clock, more than the \(Self.allowedSkew) s allowed: check the node's clock")
        }
        guard let raw = Data(base64Encoded: signature),
              key.isValidSignature(raw, for: Self.canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, body: body))
        else {
            throw ProtocolError(.badSignature, "the request's signature does not verify with key \(keyID)")
        }
    }

    /// The bytes that are signed.
    static func canonical(method: String, path: String, timestamp: Int64, nonce: String, body: Data) -> Data {
        Data("\(method.uppercased())\n\(path)\n\(timestamp)\n\(nonce)\n\(sha256Hex(body))".utf8)
    }
}
