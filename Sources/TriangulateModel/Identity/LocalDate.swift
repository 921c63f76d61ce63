import Foundation

/// A calendar date with no time of day, written `YYYY-MM-DD`: the "dates" the protocol asks
/// each organisation to record.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Makes a date from its parts; `nil` when they do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly; anything else throws an error saying the format expected.
    /// Reads the ten ASCII bytes directly: stores hold many dates.
    public init(parsing text: String) throws {
        let parsed = text.utf8.withContiguousStorageIfAvailable { LocalDate(iso: $0) } ?? LocalDate(iso: Array(text.utf8))
        guard let date = parsed else {
            throw ModelError(.invalidValue, "'\(text)' is not a date: write it as YYYY-MM-DD, for example 2026-03-14")
        }
        self = date
    }

    /// The date written as the bytes `YYYY-MM-DD`, or nil.
    private init?<Bytes: Collection>(iso bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == 10 else { return nil }
        var values = (0, 0, 0)
        for offset in 0..<10 {
            let byte = bytes[bytes.startIndex + offset]
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case 0..<4: values.0 = values.0 * 10 + digit
            case 5, 6: values.1 = values.1 * 10 + digit
            default: values.2 = values.2 * 10 + digit
            }
        }
        self.init(year: values.0, month: values.1, day: values.2)
    }

    /// The UTC calendar date of an instant.
    public init(_ instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year ?? 1970
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// The month this date falls in, `YYYY-MM`: the period used by the reports.
    public var monthKey: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try LocalDate(parsing: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
