import Crypto
import Foundation

/// The network's match key: 32 random bytes every signatory's node holds and the hub never
/// sees. Each window's token key is derived from it, and each token from that key and the
/// subject's canonical text, so equal subjects give equal tokens across organisations while the
/// hub, holding no key, can neither recover a subject from a token nor test a guess against one.
public struct MatchKey: Sendable, Equatable {
    /// The key's bytes.
    public let bytes: Data

    /// The bytes' size.
    public static let size = 32

    /// A key from its bytes; refuses any other size.
    public init(bytes: Data) throws(ProtocolError) {
        guard bytes.count == Self.size else { throw ProtocolError(.malformed, "a match key is \(Self.size) bytes, not \(bytes.count)") }
        self.bytes = bytes
    }

    /// A new random key: 32 bytes from the system's generator, as SymmetricKey makes them.
    public static func generate() -> MatchKey {
        MatchKey(random: SymmetricKey(size: .bits256))
    }

    /// The key of `random`'s bytes, which are 256 bits by construction.
    private init(random: SymmetricKey) {
        bytes = random.withUnsafeBytes { Data($0) }
    }

    /// A short public name of the key (the first 16 hex digits of its SHA-256), so that two
    /// nodes can check they hold the same key without showing it.
    public var fingerprint: String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined().prefix(16).description }

    /// The key of window `index` of `days` days: HMAC-SHA256 of `triangulate-match-window/v1|DAYS|INDEX`.
    public func windowKey(_ index: Int, days: Int) -> SymmetricKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("triangulate-match-window/v1|\(days)|\(index)".utf8), using: SymmetricKey(data: bytes))
        return SymmetricKey(data: Data(mac))
    }

    /// The token of `subject` in window `index`: the first 16 bytes of HMAC-SHA256, under the
    /// window's key, of `triangulate-match/v1|KIND|CANONICAL`, as 32 lowercase hex digits.
    public func token(of subject: MatchSubject, window index: Int, days: Int) -> String {
        token(of: subject, windowKey: windowKey(index, days: days))
    }

    /// The token of `subject` under a window key already derived.
    public func token(of subject: MatchSubject, windowKey: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("triangulate-match/v1|\(subject.kind.rawValue)|\(subject.canonical)".utf8), using: windowKey)
        return Data(mac).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
