import Foundation
import Testing
import TriangulateModel
import TriangulateProtocol

/// What arrives from the wire is checked for its form before anything is computed from it:
/// signature headers, ids, free text, enrolment proofs.
@Suite("Wire input")
struct WireInputTests {
    static let key = NodeSigningKey()

    static func headers(timestamp: String? = nil, nonce: String? = nil, keyID: String? = nil, signature: String? = nil) throws -> RequestSignature {
        let signed = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: key, at: Date())
        return try RequestSignature(keyID: keyID ?? signed.keyID, timestamp: timestamp ?? String(signed.timestamp),
                                    nonce: nonce ?? signed.nonce, signature: signature ?? signed.signature)
    }

    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "99999999999999999999", "1e9", "", " 1", "+1", "0x10", "١٢٣"])
    func timestampsOutOfFormAreRefused(_ timestamp: String) {
        #expect(throws: ProtocolError.self) { try Self.headers(timestamp: timestamp) }
    }

    @Test func otherHeadersOutOfFormAreRefused() {
        for nonce in ["short", String(repeating: "a", count: 129), "nonce with spaces!!", "ünïcödé-nonce-value"] {
            #expect(throws: ProtocolError.self) { try Self.headers(nonce: nonce) }
        }
        for keyID in ["", "ABCDEF0123456789", "0123456789abcde", String(repeating: "a", count: 1_000)] {
            #expect(throws: ProtocolError.self) { try Self.headers(keyID: keyID) }
        }
        for signature in ["", "not base64", String(repeating: "A", count: 88)] {
            #expect(throws: ProtocolError.self) { try Self.headers(signature: signature) }
        }
    }

    /// Freshness is in checked arithmetic: any timestamp against any clock answers, never traps.
    @Test func freshnessNeverTraps() throws {
        let signature = try Self.headers()
        for seconds in [0, 1, -1, 1e15, -1e15, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, .infinity, .nan] {
            _ = signature.isFresh(at: Date(timeIntervalSince1970: seconds))
        }
        let signedAt = Date(timeIntervalSince1970: TimeInterval(signature.timestamp))
        #expect(signature.isFresh(at: signedAt.addingTimeInterval(300)) && signature.isFresh(at: signedAt.addingTimeInterval(-300)))
        #expect(!signature.isFresh(at: signedAt.addingTimeInterval(301)) && !signature.isFresh(at: signedAt.addingTimeInterval(-301)))
        var extreme = signature
        extreme.timestamp = .min
        #expect(!extreme.isFresh(at: Date()))
        extreme.timestamp = .max
        #expect(!extreme.isFresh(at: Date()))
    }

    @Test func idsAreLowercaseUUIDv7s() {
        var generator = SystemRandomNumberGenerator()
        let id = UUIDv7.make(at: Date(), using: &generator).uuidString.lowercased()
        #expect(WireID.isUUIDv7(id))
        for bad in [id.uppercased(), UUID().uuidString.lowercased(), "{\(id)}", String(id.dropLast()), id + "0", "", String(repeating: "x", count: 1 << 20),
                    id.replacingOccurrences(of: "-", with: "_")] {
            #expect(!WireID.isUUIDv7(bad), "\(bad.prefix(40))")
        }
    }

    @Test func freeTextIsBoundedAndControlCharactersAreRefusedOrEscaped() {
        #expect(throws: ProtocolError.self) { try WireText.check("Red \u{1B}[31m", "the purpose", maximum: WireText.maximumProse) }
        #expect(throws: ProtocolError.self) { try WireText.check("right\u{202E}to left", "a name", maximum: WireText.maximumName) }
        #expect(throws: ProtocolError.self) { try WireText.check("two\nlines", "a name", maximum: WireText.maximumName) }
        #expect(throws: ProtocolError.self) { try WireText.check(String(repeating: "p", count: 2_001), "the purpose", maximum: WireText.maximumProse) }
        #expect((try? WireText.check("Two lines\n\tand a tab", "the purpose", maximum: WireText.maximumProse)) != nil)
        #expect(WireText.escaped("Red \u{1B}[31m text\u{7}\nnext") == "Red \\u{1B}[31m text\\u{7}\nnext")
        #expect(WireText.escaped("a\nb", keepLines: false) == "a\\u{A}b")
        #expect(WireText.excerpt(String(repeating: "x", count: 1 << 20)).count < 50)
    }

    @Test func enrolmentProvesPossessionOfTheKey() throws {
        let mine = NodeSigningKey(), theirs = NodeSigningKey()
        let request = try EnrolmentRequest(token: "t0k3n", key: mine)
        #expect(try request.provenKey() == mine.publicKey)
        let stolen = EnrolmentRequest(token: "t0k3n", publicKey: theirs.publicKey.base64, proof: request.proof)
        #expect(throws: ProtocolError.self) { try stolen.provenKey() }
        let replayed = EnrolmentRequest(token: "another", publicKey: mine.publicKey.base64, proof: request.proof)
        #expect(throws: ProtocolError.self, "the proof is bound to its token") { try replayed.provenKey() }
    }
}
