import Foundation

/// The signature on every request to the hub (Protocol/openapi.yaml, "Signed requests"): the
/// node signs `METHOD \n TARGET \n TIMESTAMP \n NONCE \n SHA256(BODY)` with its key — TARGET
/// being the path and, when there is one, `?` and the query exactly as sent, so that no part of
/// the request can be changed — and sends the key id, timestamp, nonce and signature as headers. The hub refuses a request whose key is not
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
    /// The header carrying the SHA-256 of the body (hex) that the signature covers, so that the
    /// hub can check who signs before it reads the body.
    public static let digestHeader = "Triangulate-Content-SHA256"
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

    /// Signs a request to `path`, which includes `?` and the query when there is one.
    public static func sign(method: String, path: String, body: Data, key: NodeSigningKey, at date: Date) throws -> RequestSignature {
        let timestamp = Int64(date.timeIntervalSince1970)
        let nonce = UUID().uuidString.lowercased()
        let message = canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, body: body)
        return RequestSignature(keyID: key.publicKey.keyID, timestamp: timestamp, nonce: nonce,
                                signature: try key.signature(for: message).base64EncodedString())
    }

    /// Reads the signature headers; `nil` header values mean the request is unsigned. Every
    /// value is checked for its form before anything is computed from it: the key id is 16
    /// lowercase hex digits, the timestamp 1 to 12 decimal digits, the nonce 16 to 128
    /// characters of `[A-Za-z0-9-_]`, the signature 88 characters of base64.
    public init(keyID: String?, timestamp: String?, nonce: String?, signature: String?) throws(ProtocolError) {
        guard let keyID, let timestamp, let nonce, let signature else {
            throw ProtocolError(.badSignature, "the request is not signed: send \(Self.keyHeader), \(Self.timestampHeader), \(Self.nonceHeader) and \(Self.signatureHeader)")
        }
        guard keyID.utf8.count == 16, keyID.utf8.allSatisfy(WireID.isLowerHex) else {
            throw ProtocolError(.badSignature, "\(Self.keyHeader) '\(WireText.excerpt(keyID))' is not a key id (16 lowercase hex digits)")
        }
        guard (1...12).contains(timestamp.utf8.count), timestamp.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let seconds = Int64(timestamp) else {
            throw ProtocolError(.badSignature, "\(Self.timestampHeader) '\(WireText.excerpt(timestamp))' is not Unix seconds (1 to 12 digits)")
        }
        guard (16...128).contains(nonce.utf8.count), nonce.utf8.allSatisfy(Self.isNonceByte) else {
            throw ProtocolError(.badSignature, "\(Self.nonceHeader) must have 16 to 128 characters of letters, digits, '-' and '_'")
        }
        guard signature.utf8.count == 88, Data(base64Encoded: signature)?.count == 64 else {
            throw ProtocolError(.badSignature, "\(Self.signatureHeader) is not a base64 Ed25519 signature")
        }
        self.init(keyID: keyID, timestamp: seconds, nonce: nonce, signature: signature)
    }

    private static func isNonceByte(_ byte: UInt8) -> Bool {
        WireID.isLowerHex(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "g")...UInt8(ascii: "z")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// Whether the signed time is within the allowed skew of `now`, in checked arithmetic.
    public func isFresh(at now: Date) -> Bool {
        let seconds = now.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return false }
        let current = Int64(seconds.rounded(.down))
        let (earliest, low) = current.subtractingReportingOverflow(Self.allowedSkew)
        let (latest, high) = current.addingReportingOverflow(Self.allowedSkew)
        return !low && !high && (earliest...latest).contains(timestamp)
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

    /// Checks the signature of a request to `path` (with `?` and its query, if any) against `key`
    /// and the timestamp against `now`; replay is the hub's
    /// to check, with the nonce.
    public func verify(method: String, path: String, body: Data, key: NodePublicKey, now: Date) throws(ProtocolError) {
        try verify(method: method, path: path, bodyDigest: sha256Hex(body), key: key, now: now)
    }

    /// Checks the signature over a body known by its SHA-256 (hex), before the body is read.
    public func verify(method: String, path: String, bodyDigest: String, key: NodePublicKey, now: Date) throws(ProtocolError) {
        try checkFreshness(at: now)
        guard let raw = Data(base64Encoded: signature),
              key.isValidSignature(raw, for: Self.canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, bodyDigest: bodyDigest))
        else {
            throw ProtocolError(.badSignature, "the request's signature does not verify with key \(keyID)")
        }
    }

    /// Refuses a request signed more than the allowed skew from `now`: the hub checks this
    /// before it reads a body.
    public func checkFreshness(at now: Date) throws(ProtocolError) {
        guard isFresh(at: now) else {
            throw ProtocolError(.badSignature, "the request was signed at \(timestamp) (Unix seconds), more than \(Self.allowedSkew) s from the hub's clock (\(Int64(now.timeIntervalSince1970.rounded(.down)))): check the node's clock")
        }
    }

    /// The bytes that are signed.
    static func canonical(method: String, path: String, timestamp: Int64, nonce: String, body: Data) -> Data {
        canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, bodyDigest: sha256Hex(body))
    }

    static func canonical(method: String, path: String, timestamp: Int64, nonce: String, bodyDigest: String) -> Data {
        Data("\(method.uppercased())\n\(path)\n\(timestamp)\n\(nonce)\n\(bodyDigest)".utf8)
    }

    /// Whether `text` has the form of a body digest: 64 lowercase hex digits.
    public static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(WireID.isLowerHex)
    }
}
