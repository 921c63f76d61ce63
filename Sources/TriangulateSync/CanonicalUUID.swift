/// A UUID written the way nodes write document ids — lowercase, 8-4-4-4-12 hex digits — held
/// as its 128 bits. Only that form parses, so the text it prints is the text it was read from:
/// an id in any other form stays text wherever this is used.
struct CanonicalUUID: Hashable, Sendable {
    /// The first eight bytes, big-endian.
    let high: UInt64
    /// The last eight bytes, big-endian.
    let low: UInt64

    /// Reads `text`, or `nil` when it is not a UUID in lowercase canonical form.
    init?(_ text: String) {
        var text = text
        guard let (high, low) = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.high = high
        self.low = low
    }

    /// The UUID of 16 bytes.
    init(bytes: some Collection<UInt8>) {
        precondition(bytes.count == 16, "a UUID has 16 bytes, not \(bytes.count)")
        high = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        low = bytes.dropFirst(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The lowercase canonical text.
    var text: String {
        String(unsafeUninitializedCapacity: 36) { text in
            var offset = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    text[offset] = UInt8(ascii: "-")
                    offset += 1
                }
                let byte = UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> (8 * (7 - index % 8)))
                text[offset] = Self.hexDigits[Int(byte >> 4)]
                text[offset + 1] = Self.hexDigits[Int(byte & 0x0F)]
                offset += 2
            }
            return offset
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func parse(_ text: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard text.count == 36 else { return nil }
        var halves: (UInt64, UInt64) = (0, 0)
        var offset = 0
        for index in 0..<32 {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard text[offset] == UInt8(ascii: "-") else { return nil }
                offset += 1
            }
            guard let digit = lowercaseHex(text[offset]) else { return nil }
            if index < 16 { halves.0 = halves.0 << 4 | UInt64(digit) } else { halves.1 = halves.1 << 4 | UInt64(digit) }
            offset += 1
        }
        return halves
    }

    private static func lowercaseHex(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
