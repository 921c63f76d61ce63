import Foundation
import TriangulateModel
import TriangulateSync

/// The benchmark's workload, the same for every run with the same seed: documents of five
/// fields with realistic values, and the fields edited concurrently.
struct Workload {
    /// The five fields, all registers of an action document.
    static let fields = ["reference", "summary", "state", "dueBy", "evidence"]

    let ids: [String]
    let edits: [(document: Int, field: String)]

    init(documents: Int, editFraction: Double, seed: UInt64) {
        ids = (0..<documents).map(Self.id)
        var random = SeededGenerator(seed: seed)
        let editCount = max(1, Int(Double(documents * Self.fields.count) * editFraction))
        var chosen = Set<Int>()
        while chosen.count < editCount { chosen.insert(Int.random(in: 0..<(documents * Self.fields.count), using: &random)) }
        edits = chosen.sorted().map { ($0 / Self.fields.count, Self.fields[$0 % Self.fields.count]) }
    }

    /// The value of `field` in document `index` when first written.
    static func value(_ field: String, _ index: Int) -> String {
        switch field {
        case "reference": "ECP-2026-\(String(format: "%04d", index % 10_000))/A\(index % 7 + 1)"
        case "summary": "Unannounced inspection of night staffing, item \(index)"
        case "state": "agreed"
        case "dueBy": "2026-0\(index % 9 + 1)-1\(index % 10)"
        default: "Report filed \(index)"
        }
    }

    /// A UUIDv7-shaped id, lowercase, as nodes make them.
    static func id(_ index: Int) -> String {
        let milliseconds = UInt64(1_790_000_000_000) + UInt64(index)
        var bytes = [UInt8](repeating: 0, count: 16)
        for byte in 0..<6 { bytes[byte] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - byte))) }
        bytes[6] = 0x70
        bytes[8] = 0x80
        for byte in 0..<4 { bytes[12 + byte] = UInt8(truncatingIfNeeded: index >> (8 * (3 - byte))) }
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }
}

/// Times a block with the monotonic clock.
func measure(_ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return clock.now - start
}

extension Duration {
    /// The duration in seconds, as a double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
