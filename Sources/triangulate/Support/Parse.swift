import Foundation
import TriangulateModel

/// Parsing of command-line values, with the model's messages when they are wrong.
enum Parse {
    /// A `YYYY-MM-DD` date, or `today` when absent.
    static func date(_ text: String?, default today: @autoclosure () -> LocalDate = LondonMoment(Date()).date) throws -> LocalDate {
        guard let text else { return today() }
        return try LocalDate(parsing: text)
    }

    /// An optional `YYYY-MM-DD` date.
    static func optionalDate(_ text: String?) throws -> LocalDate? {
        try text.map { try LocalDate(parsing: $0) }
    }

    /// An organisation code.
    static func org(_ text: String) throws -> OrganisationCode { try OrganisationCode(parsing: text) }

    /// A comma-separated list of organisation codes; `nil` when absent.
    static func orgs(_ text: String?) throws -> [OrganisationCode]? {
        guard let text else { return nil }
        return try text.split(separator: ",").map { try OrganisationCode(parsing: String($0)) }
    }

    /// The text of a file, or of standard input for `-`.
    static func file(_ path: String) throws -> String {
        if path == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(.invalidValue, "cannot read \(path): check the path")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
