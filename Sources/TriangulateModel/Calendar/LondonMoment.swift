import Foundation

/// A moment as people in the UK write it: a date, and a time of day on the clocks in London
/// (Europe/London: GMT in winter, BST in summer) when the time matters. `YYYY-MM-DD` or
/// `YYYY-MM-DDTHH:MM`.
public struct LondonMoment: Hashable, Sendable, CustomStringConvertible {
    /// The local date.
    public let date: LocalDate
    /// The local time as minutes after midnight, when given.
    public let minuteOfDay: Int?

    /// London's time zone.
    public static let timeZone = TimeZone(identifier: "Europe/London")!

    /// Makes a moment; nil for a time of day out of range.
    public init?(date: LocalDate, minuteOfDay: Int? = nil) {
        if let minuteOfDay, !(0..<1_440).contains(minuteOfDay) { return nil }
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// The London date and time of `instant`, to the minute.
    public init(_ instant: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        date = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(instant)
        minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` strictly; refuses a time that London's clocks
    /// skip (the hour after 01:00 on the last Sunday of March).
    public init(parsing text: String) throws(ModelError) {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let date: LocalDate
        do {
            date = try LocalDate(parsing: String(parts[0]))
        } catch {
            throw ModelError(.invalidValue, "'\(text)' is not a date or a date and time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM, for example 2026-01-16T15:00")
        }
        guard parts.count == 2 else {
            self.init(date: date)!
            return
        }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60 else {
            throw ModelError(.invalidValue, "'\(text)' is not a date and time: write YYYY-MM-DDTHH:MM with a 24-hour time, for example 2026-01-16T15:00")
        }
        self.init(date: date, minuteOfDay: hour * 60 + minute)!
        guard LondonMoment(instant) == self else {
            throw ModelError(.invalidValue, "\(text) does not exist in London: the clocks go forward an hour that night")
        }
    }

    /// The instant (for a date alone, its midnight); when the clocks go back, the first of the
    /// two moments with this time.
    public var instant: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.timeZone
        let minutes = minuteOfDay ?? 0
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: minutes / 60, minute: minutes % 60)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: TimeInterval(date.dayNumber) * 86_400)
    }

    /// `2026-01-16` or `2026-01-16T15:00`.
    public var description: String {
        guard let minuteOfDay else { return date.description }
        let hour = minuteOfDay / 60, minute = minuteOfDay % 60
        return "\(date)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
