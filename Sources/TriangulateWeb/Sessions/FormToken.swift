/// Cross-site request forgery tokens: every form carries its session's token in a hidden
/// field, and a form whose token does not match is refused.
public enum FormToken {
    /// Whether `sent` equals `expected`, compared in time that does not depend on where they differ.
    public static func matches(_ sent: String?, _ expected: String) -> Bool {
        guard let sent else { return false }
        let left = Array(sent.utf8), right = Array(expected.utf8)
        guard left.count == right.count, !right.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// A fresh random token: 32 bytes, as 64 hexadecimal digits.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }
}
