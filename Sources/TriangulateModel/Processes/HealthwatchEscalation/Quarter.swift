import Foundation

/// A calendar quarter, `2026-Q4` (October to December 2026).
public struct Quarter: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// 1 to 4.
    public let number: Int

    /// Parses `YYYY-QN`.
    public init(parsing text: String) throws(ModelError) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...9999).contains(year),
              let number = Int(parts[1]), (1...4).contains(number) else {
            throw ModelError(.invalidValue, "'\(text)' is not a quarter: use YYYY-QN, e.g. 2026-Q4 for October to December 2026")
        }
        self.year = year
        self.number = number
    }

    /// The quarter `day` falls in.
    public init(containing day: LocalDate) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    /// Its first and last days.
    public var first: LocalDate { LocalDate(year: year, month: number * 3 - 2, day: 1)! }
    public var last: LocalDate { first.adding(months: 3)!.adding(days: -1)! }

    public var description: String { "\(year)-Q\(number)" }
}
