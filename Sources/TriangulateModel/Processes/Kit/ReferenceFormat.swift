/// How a process numbers its cases: `PREFIX-YEAR-NNNN`, numbered from 1 within each year, e.g.
/// `ECP-2026-0001` or `HWE-2026-0001`. Sub-records add their own suffix (`/R1`).
public struct ReferenceFormat: Hashable, Sendable {
    /// The prefix: 2 to 5 capital letters, unique across the registry.
    public let prefix: String

    /// Declares a format; a malformed prefix is a programming error.
    public init(prefix: String) {
        precondition((2...5).contains(prefix.utf8.count) && prefix.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) },
                     "'\(prefix)' is not a reference prefix")
        self.prefix = prefix
    }

    /// What every reference of `year` starts with: `ECP-2026-`.
    public func yearPrefix(_ year: Int) -> String { "\(prefix)-\(year)-" }

    /// The reference numbered `number` in `year`: `ECP-2026-0001`.
    public func reference(year: Int, number: Int) -> String {
        let digits = String(number)
        return yearPrefix(year) + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether `text` is a case reference of this format (sub-record suffixes excluded).
    public func matches(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, parts[1].count == 4, parts[2].count >= 4,
              parts[1].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              parts[2].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        return true
    }
}
