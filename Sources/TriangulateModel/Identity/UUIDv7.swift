import Foundation

/// Builds version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids
/// sort by creation time.
///
/// Pure: the caller supplies the time and the random bits.
public enum UUIDv7 {
    /// Makes a UUIDv7 from a Unix time in milliseconds and ten random bytes.
    public static func make(unixMilliseconds: UInt64, random: [UInt8]) -> UUID {
        precondition(random.count >= 10, "UUIDv7 needs ten random bytes")
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: unixMilliseconds >> (8 * (5 - index)))
        }
        for index in 6..<16 { bytes[index] = random[index - 6] }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    /// Makes a UUIDv7 for `date`, drawing the random bits from `generator`.
    public static func make(at date: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let millis = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        let random = (0..<10).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return make(unixMilliseconds: millis, random: random)
    }
}
