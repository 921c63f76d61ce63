/// Appends the wire encoding's primitives to a byte buffer: LEB128 unsigned varints,
/// zig-zag signed varints, and length-prefixed UTF-8 strings.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        if value < 0x80 {  // most counts, indexes and counters: one byte
            bytes.append(UInt8(value))
            return
        }
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func varint(_ value: Int) { varint(UInt64(value)) }

    mutating func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        varint(utf8.count)
        // A native string's bytes are appended where they lie; any other is copied first.
        if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: Array(utf8))
        }
    }

    mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }
}
