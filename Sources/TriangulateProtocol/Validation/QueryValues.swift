import Foundation

/// Reads a request's query values strictly: a value is decimal digits within its range, or the
/// request is refused (the hub answers 400 with the reason) — never quietly replaced by a
/// default. Only an absent optional value takes its default.
public struct QueryValues: Sendable {
    /// The values, by name; a name given twice is refused.
    private let values: [String: String]

    /// Parses `query` (the part after `?`, percent-encoded).
    public init(_ query: String?) throws(ProtocolError) {
        var values: [String: String] = [:]
        guard let query, !query.isEmpty else {
            self.values = [:]
            return
        }
        guard query.utf8.count <= 1_024 else { throw ProtocolError(.malformed, "the query is longer than 1,024 bytes") }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count == 2 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            guard values[name] == nil else { throw ProtocolError(.malformed, "the query gives '\(WireText.excerpt(name))' twice") }
            values[name] = value
        }
        self.values = values
    }

    /// The integer `name` within `range`; `fallback` when absent, and refused when absent
    /// without one.
    public func integer(_ name: String, in range: ClosedRange<Int64>, default fallback: Int64? = nil) throws(ProtocolError) -> Int64 {
        guard let text = values[name] else {
            guard let fallback else { throw ProtocolError(.malformed, "give the query value '\(name)' (an integer from \(range.lowerBound) to \(range.upperBound))") }
            return fallback
        }
        guard (1...19).contains(text.utf8.count), text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int64(text), range.contains(value) else {
            throw ProtocolError(.malformed, "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound), not '\(WireText.excerpt(text))'")
        }
        return value
    }
}
