/// Free text a partner sends — a share's purpose and basis, names, need-to-know, reasons — is
/// bounded in length and carries no control characters but line breaks and tabs, so that it
/// can neither fill a store nor drive a terminal. Whatever is shown of it is still escaped
/// (`escaped`), since older records may predate these checks.
public enum WireText {
    /// The longest purpose, basis, need-to-know or reason, in characters.
    public static let maximumProse = 2_000
    /// The longest name, approver or panel reference, in characters.
    public static let maximumName = 200

    /// Refuses `text` when it is longer than `maximum` characters or holds a control
    /// character (a line break or a tab is allowed in prose, never in a name).
    public static func check(_ text: String, _ what: String, maximum: Int) throws(ProtocolError) {
        guard text.count <= maximum else {
            throw ProtocolError(.malformed, "\(what) is \(text.count) characters long: at most \(maximum) are allowed")
        }
        let prose = maximum > maximumName
        for scalar in text.unicodeScalars where isControl(scalar) && !(prose && (scalar == "\n" || scalar == "\t")) {
            throw ProtocolError(.malformed, "\(what) holds the control character U+\(String(scalar.value, radix: 16, uppercase: true)): send plain text")
        }
    }

    /// `text` with every control character written as a visible escape (`\u{1B}`), line breaks
    /// and tabs included when `keepLines` is false: safe to print on a terminal or in a log.
    public static func escaped(_ text: String, keepLines: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepLines && (scalar == "\n" || scalar == "\t")) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The first few characters of `text`, escaped: for quoting bad input in an error.
    public static func excerpt(_ text: String, length: Int = 40) -> String {
        escaped(text.count > length ? String(text.prefix(length)) + "…" : text, keepLines: false)
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a
    /// terminal shows.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
