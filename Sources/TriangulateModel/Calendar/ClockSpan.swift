import Foundation

/// A length of time in one explicit unit, never mixed with another: "5 working days",
/// "10 calendar days", "48 hours" (elapsed, across clock changes), "3 months" (clamped to the
/// end of a shorter month).
public struct ClockSpan: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The units a clock counts in.
    public enum Unit: String, CaseIterable, Codable, Sendable {
        case workingDays = "working days"
        case calendarDays = "calendar days"
        case hours
        case months

        /// The largest count accepted: about thirty years.
        var maximum: Int {
            switch self {
            case .workingDays: 7_500
            case .calendarDays: 11_000
            case .hours: 263_000
            case .months: 360
            }
        }
    }

    /// How many.
    public let count: Int
    /// Of what.
    public let unit: Unit

    /// Makes a span; nil for a negative count or one past the unit's maximum.
    public init?(_ count: Int, _ unit: Unit) {
        guard (0...unit.maximum).contains(count) else { return nil }
        self.count = count
        self.unit = unit
    }

    /// Parses "N UNIT": `5 working days`, `1 working day`, `10 calendar days`, `48 hours`,
    /// `3 months`. Anything else — "5 wd", "5 days" (which days?) — is refused with one line.
    public init(parsing text: String) throws(ModelError) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        let refusal = ModelError(.invalidValue, "'\(text)' is not a length of time: write a whole number and a unit, one of \(Unit.allCases.map(\.rawValue).joined(separator: ", ")) — for example \"5 working days\" or \"48 hours\"")
        guard words.count >= 2, words[0].allSatisfy(\.isASCII), words[0].allSatisfy(\.isNumber), words[0].count <= 7,
              let count = Int(words[0]) else { throw refusal }
        let name = words.dropFirst().joined(separator: " ")
        let unit: Unit
        switch name {
        case "working days", "working day": unit = .workingDays
        case "calendar days", "calendar day": unit = .calendarDays
        case "hours", "hour": unit = .hours
        case "months", "month": unit = .months
        default: throw refusal
        }
        guard let span = ClockSpan(count, unit) else {
            throw ModelError(.invalidValue, "'\(text)' is too long: at most \(unit.maximum) \(unit.rawValue)")
        }
        self = span
    }

    /// `5 working days`, `1 working day`.
    public var description: String {
        guard count == 1 else { return "\(count) \(unit.rawValue)" }
        switch unit {
        case .workingDays: return "1 working day"
        case .calendarDays: return "1 calendar day"
        case .hours: return "1 hour"
        case .months: return "1 month"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try ClockSpan(parsing: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
