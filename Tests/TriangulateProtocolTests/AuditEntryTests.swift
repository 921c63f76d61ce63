import TriangulateModel
import Foundation
import Testing
import TriangulateProtocol

/// Audit entries' leaf bytes: valid JSON with sorted keys, that read back to the same entry.
@Suite("Audit entries")
struct AuditEntryTests {
    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "control \u{01}\u{1F}", "é — 🇬🇧 / slash"])
    func leafBytesAreSortedJSONThatReadsBack(_ text: String) throws {
        let entry = AuditEntry(event: "refused", at: Date(timeIntervalSince1970: 1_795_000_000), actor: "NMC", subject: "GMC",
                               share: "s-\(text)", document: "ab12", message: 42, digest: "cd34",
                               detail: ["reason": text, "kind": "batch", "a": ""])
        let bytes = entry.encoded()
        #expect(try AuditEntry(decoding: bytes) == entry)
        let object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect(object["reason"] == nil && (object["detail"] as? [String: String])?["reason"] == text)
        let json = String(decoding: bytes, as: UTF8.self)
        let order = ["\"actor\":", "\"at\":", "\"detail\":", "\"digest\":", "\"document\":", "\"event\":", "\"message\":", "\"share\":", "\"subject\":"]
            .map { json.range(of: $0)!.lowerBound }
        #expect(order == order.sorted(), "top-level keys are sorted")
        #expect(json.hasPrefix("{\"actor\":\"NMC\",\"at\":\"2026-11-18T"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\n"))
    }

    @Test func absentFieldsAreLeftOut() {
        let text = String(decoding: AuditEntry(event: "enrolled", at: Date(timeIntervalSince1970: 0), actor: "CQC").encoded(), as: UTF8.self)
        #expect(text == #"{"actor":"CQC","at":"1970-01-01T00:00:00Z","event":"enrolled"}"#)
    }
}
