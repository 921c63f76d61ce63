import Testing
import TriangulateSync

/// Known answers for the two byte forms Protocol/sync.md fixes: the wire encoding of a change
/// set and the stored form of a document's state. A seeded history's bytes are digested
/// (64-bit FNV-1a) and compared with the digests the encoders gave when they were written, so
/// that any change to an encoder that moves a single byte is seen, not only one that breaks a
/// round trip: another node, on another build, must read these bytes.
@Suite("Known bytes of the encodings")
struct KnownBytesTests {
    /// FNV-1a, 64 bits: enough to tell any two byte strings a test will meet apart.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test func aSeededHistoryEncodesToKnownBytes() {
        let (set, _) = EncodingTests.history(seed: 2026, operations: 300)
        let wire = set.encoded()
        #expect((wire.count, Self.digest(wire)) == (9_238, 5_030_861_940_192_278_096), "change set")
        var states: [String: DocumentState] = [:]
        for change in set.changes { states[change.document, default: DocumentState()].apply(change) }
        let stored = states.keys.sorted().flatMap { states[$0]!.encoded() }
        #expect((stored.count, Self.digest(stored)) == (1_231, 11_713_058_892_946_539_943), "states")
    }
}
