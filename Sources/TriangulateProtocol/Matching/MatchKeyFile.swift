import Foundation

/// The file a network's match key travels in, from the signatory that made it to every other
/// signatory's node, by hand and never through the hub: JSON with the key in base64 and its
/// fingerprint, which the importing node checks.
public struct MatchKeyFile: Codable, Sendable {
    /// The key, base64.
    public var matchKey: String
    /// Its fingerprint.
    public var fingerprint: String

    /// The file of `key`.
    public init(_ key: MatchKey) {
        matchKey = key.bytes.base64EncodedString()
        fingerprint = key.fingerprint
    }

    /// The key the file holds; refuses a file whose key is malformed or does not have its fingerprint.
    public func key() throws(ProtocolError) -> MatchKey {
        guard let bytes = Data(base64Encoded: matchKey) else { throw ProtocolError(.malformed, "the file's matchKey is not base64") }
        let key = try MatchKey(bytes: bytes)
        guard key.fingerprint == fingerprint else {
            throw ProtocolError(.malformed, "the key's fingerprint is \(key.fingerprint), not \(fingerprint) as the file says: the file was damaged")
        }
        return key
    }
}
