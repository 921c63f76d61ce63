/// The ids that travel: shares and documents are named by UUIDv7s their owner made, written
/// as lowercase canonical text (`0190a4e1-7c2b-7d3e-9f00-1a2b3c4d5e6f`). Anything else — a
/// UUID of another version, upper case, braces, a megabyte of text — is refused by the node and
/// the hub alike, so that ids can be stored, logged and compared as they are.
public enum WireID {
    /// Whether `text` is a UUIDv7 in lowercase canonical form.
    public static func isUUIDv7(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            case 14:
                guard byte == UInt8(ascii: "7") else { return false }
            case 19:
                guard [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b")].contains(byte) else { return false }
            default:
                guard isLowerHex(byte) else { return false }
            }
        }
        return true
    }

    /// Refuses `text` unless it is a UUIDv7 in lowercase canonical form; the message quotes at
    /// most a few characters of what was sent.
    public static func check(_ text: String, _ what: String) throws(ProtocolError) {
        guard isUUIDv7(text) else {
            throw ProtocolError(.malformed, "\(what) '\(WireText.excerpt(text))' is not a UUIDv7 in lowercase canonical form")
        }
    }

    /// Whether `byte` is an ASCII digit or a lowercase letter from a to f.
    static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
