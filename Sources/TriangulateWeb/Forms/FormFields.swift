import Foundation
import Hummingbird

/// The fields of a form a browser sent (`application/x-www-form-urlencoded`), by name, each
/// name with every value given for it in order.
public struct FormFields: Sendable {
    private let values: [String: [String]]

    /// The largest form body read; anything longer is refused with 413.
    public static let maximumBytes = 256 << 10

    /// Parses an encoded body, e.g. `name=a.khan&password=x%26y`.
    public init(encoded text: String) {
        var values: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
        self.values = values
    }

    /// Reads and parses a request's body.
    public init(request: Request) async throws {
        let buffer = try await request.body.collect(upTo: Self.maximumBytes)
        self.init(encoded: String(buffer: buffer))
    }

    /// The first value of `name`, with surrounding white space removed; nil when absent or blank.
    public subscript(name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The first value of `name` exactly as sent (a password), or nil.
    public func raw(_ name: String) -> String? { values[name]?.first }

    /// Every non-blank value of `name` (checkboxes, repeated fields).
    public func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
