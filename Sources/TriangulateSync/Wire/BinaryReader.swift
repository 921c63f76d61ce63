/// Reads what `BinaryWriter` wrote, refusing truncated or malformed input with
/// `SyncError.malformedEncoding` rather than trapping: the bytes come from the network.
struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(SyncError) -> UInt8 {
        guard offset < bytes.count else { throw Self.malformed("it ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(SyncError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw Self.malformed("a number is too long") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    /// A varint used as a count or index, bounded so that a hostile length cannot make the
    /// reader allocate more than the input could describe.
    mutating func count(atMost limit: Int) throws(SyncError) -> Int {
        let value = try varint()
        guard limit >= 0, value <= UInt64(limit) else { throw Self.malformed("a count of \(value) exceeds \(limit)") }
        return Int(value)
    }

    mutating func signed() throws(SyncError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func string() throws(SyncError) -> String {
        let length = try varint()
        guard length <= UInt64(bytes.count - offset) else { throw Self.malformed("it ends early") }
        let end = offset + Int(length)
        defer { offset = end }
        let text = bytes.withUnsafeBufferPointer { buffer -> String? in
            let utf8 = UnsafeBufferPointer(rebasing: buffer[offset..<end])
            // ASCII, nearly every string here, is UTF-8 as it stands; anything else is checked.
            if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
            return String(validating: utf8, as: UTF8.self)
        }
        guard let text else { throw Self.malformed("a string is not UTF-8") }
        return text
    }

    mutating func raw(_ length: Int) throws(SyncError) -> ArraySlice<UInt8> {
        guard bytes.count - offset >= length else { throw Self.malformed("it ends early") }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }

    /// What remains unread, as a bound on any count still to come.
    var remaining: Int { bytes.count - offset }

    static func malformed(_ why: String) -> SyncError {
        SyncError(.malformedEncoding, "these bytes are not a Triangulate change set: \(why)")
    }
}
