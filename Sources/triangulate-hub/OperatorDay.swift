import Foundation
import TriangulateHub

/// A day an operator types (`YYYY-MM-DD`), as the start of that day in UTC.
enum OperatorDay {
    /// The day, or nil when none was given; refuses anything else.
    static func parse(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let date = formatter.date(from: text) else { throw HubError(.invalidRequest, "'\(text)' is not a date: write it as YYYY-MM-DD") }
        return date
    }
}
