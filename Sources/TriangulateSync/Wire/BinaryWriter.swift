/// Appends the wire encoding's primitives to a byte buffer: LEB128 unsigned varints,
/// zig-zag signed varints, big-endian words, and length-prefixed UTF-8 strings.
///
/// It writes into memory it owns, through a pointer, and makes the array once at the end: an
/// array appended to byte by byte checks its capacity and that it is uniquely held on every
/// byte, which was a third of encoding a document's state. Being noncopyable, it is freed
/// exactly once.
struct BinaryWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes; it grows when more are written.
    init(capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// One byte.
    mutating func byte(_ value: UInt8) {
        reserve(1)
        start[count] = value
        count += 1
    }

    /// An unsigned LEB128 varint: seven bits a byte, least significant first.
    mutating func varint(_ value: UInt64) {
        reserve(10)  // the longest LEB128 form of 64 bits
        var value = value
        while value >= 0x80 {
            start[count] = UInt8(truncatingIfNeeded: value) | 0x80
            count += 1
            value >>= 7
        }
        start[count] = UInt8(value)
        count += 1
    }

    /// A count or an index, as an unsigned varint.
    mutating func varint(_ value: Int) { varint(UInt64(value)) }

    /// A signed value, zig-zagged so that small magnitudes of either sign take one byte.
    mutating func signed(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// Eight bytes, most significant first.
    mutating func bigEndian(_ value: UInt64) {
        reserve(8)
        for index in 0..<8 { start[count + index] = UInt8(truncatingIfNeeded: value >> (8 * (7 - index))) }
        count += 8
    }

    /// A string's UTF-8 length, then its bytes.
    mutating func string(_ value: String) {
        let utf8 = value.utf8
        varint(utf8.count)
        // A native string's bytes are copied from where they lie; any other is copied out first.
        if utf8.withContiguousStorageIfAvailable({ raw($0) }) == nil { raw(Array(utf8)) }
    }

    private mutating func raw(_ value: UnsafeBufferPointer<UInt8>) {
        guard let source = value.baseAddress, !value.isEmpty else { return }
        reserve(value.count)
        (start + count).initialize(from: source, count: value.count)
        count += value.count
    }

    private mutating func raw(_ value: [UInt8]) { value.withUnsafeBufferPointer { raw($0) } }

    /// Makes room for `extra` more bytes.
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }
}
