import Foundation

/// Small checks on what people type.
enum Text {
    /// The text trimmed; throws when nothing is left.
    static func required(_ text: String, _ name: String, hint: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw NodeError(.invalidInput, "the \(name) is empty: give it with \(hint)")
        }
        return trimmed
    }

    /// The text trimmed, or `nil` when it is empty or absent.
    static func optional(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// `value` in decimal, padded with zeros to `width`.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
