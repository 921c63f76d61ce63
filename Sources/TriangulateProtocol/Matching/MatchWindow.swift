import TriangulateModel

/// The periods tokens are derived and matched in: window `n` of length `days` holds the days
/// from `n × days` to `(n + 1) × days − 1` counted from 1970-01-01. Each window has its own key,
/// so a token says nothing about the same subject in another window. A case identified on day
/// `d` publishes tokens for the windows of `d` and of `d + days − 1` (one or two): two cases
/// identified fewer than `days` days apart always share a window, cases `2 × days` or more apart
/// never do.
public enum MatchWindow {
    /// The default length, 90 days (ECP: "within a window").
    public static let defaultDays = 90

    /// The window `day` falls in.
    public static func index(of day: LocalDate, days: Int) -> Int {
        let ordinal = day.dayNumber
        return ordinal >= 0 ? ordinal / days : (ordinal - days + 1) / days
    }

    /// The windows a case identified on `day` publishes tokens for.
    public static func windows(ofCaseIdentifiedOn day: LocalDate, days: Int) -> [Int] {
        let first = index(of: day, days: days)
        let last = index(of: day.adding(days: days - 1) ?? day, days: days)
        return first == last ? [first] : [first, last]
    }

    /// The first day of window `index`.
    public static func firstDay(of index: Int, days: Int) -> LocalDate? {
        LocalDate(dayNumber: index * days)
    }
}
