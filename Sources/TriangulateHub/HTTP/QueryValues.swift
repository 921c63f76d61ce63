import Foundation
import TriangulateProtocol

/// Reads a request's query values strictly: a value is decimal digits within its range, or the
/// request is refused with 400 and the reason — never quietly replaced by a default. Only an
/// absent optional value takes its default.
struct QueryValues {
    /// The values, by name; a name given twice is refused.
    private let values: [String: String]

    /// Parses `query` (the part after `?`, percent-encoded).
    init(_ query: String?) throws(HubError) {
        var values: [String: String] = [:]
        guard let query, !query.isEmpty else {
            self.values = [:]
            return
        }
        guard query.utf8.count <= 1_024 else { throw HubError(.invalidRequest, "the query is longer than 1,024 bytes") }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count == 2 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            guard values[name] == nil else { throw HubError(.invalidRequest, "the query gives '\(WireText.excerpt(name))' twice") }
            values[name] = value
        }
        self.values = values
    }

    /// The integer `name` within `range`; `fallback` when absent, and refused when absent
    /// without one.
    func integer(_ name: String, in range: ClosedRange<Int64>, default fallback: Int64? = nil) throws(HubError) -> Int64 {
        guard let text = values[name] else {
            guard let fallback else { throw HubError(.invalidRequest, "give the query value '\(name)' (an integer from \(range.lowerBound) to \(range.upperBound))") }
            return fallback
        }
        guard (1...19).contains(text.utf8.count), text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int64(text), range.contains(value) else {
            throw HubError(.invalidRequest, "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), not '\(WireText.excerpt(text))'")
        }
        return value
    }
}
