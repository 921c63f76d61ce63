/// An LGSCO case reference: two digits of the year, then two groups of three digits, with an
/// optional letter — `25 012 345`, `25 012 345A` (seed 002).
public struct LGSCOCaseReference: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The reference in its written form, `25 012 345` (with its letter, if any).
    public let rawValue: String

    /// Parses a reference, with or without its spaces, the letter in either case.
    public init(parsing text: String) throws(ModelError) {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        let digits = compact.prefix { $0.isASCII && $0.isNumber }
        let rest = compact.dropFirst(digits.count)
        guard digits.count == 8, rest.count <= 1, rest.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw ModelError(.invalidValue, "'\(text)' is not an LGSCO case reference: write YY NNN NNN, with an optional letter (e.g. 25 012 345)")
        }
        let d = Array(digits)
        rawValue = "\(String(d[0..<2])) \(String(d[2..<5])) \(String(d[5..<8]))\(rest)"
    }

    public var description: String { rawValue }
}
