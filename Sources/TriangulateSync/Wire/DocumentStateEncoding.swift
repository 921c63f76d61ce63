/// The compact binary form in which a node stores a document's merged state: every live
/// register write, every superseded stamp, every set tag and every removed tag — enough to go
/// on merging exactly as if the changes were replayed.
extension DocumentState {
    private static let storageVersion: UInt8 = 1

    /// The state's bytes.
    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 64 * max(fields.count, 1))
        writer.byte(Self.storageVersion)
        writer.byte(isPurged ? 1 : 0)
        writer.varint(fields.count)
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            writer.varint(field.register.live.count)
            for (stamp, value) in field.register.live.sorted(by: { $0.key < $1.key }) {
                Self.write(stamp, to: &writer)
                if let value {
                    writer.byte(1)
                    writer.string(value)
                } else {
                    writer.byte(0)
                }
            }
            Self.write(field.register.superseded, to: &writer)
            writer.varint(field.set.tags.count)
            for (element, tags) in field.set.tags.sorted(by: { $0.key < $1.key }) {
                writer.string(element)
                Self.write(tags, to: &writer)
            }
            Self.write(field.set.removed, to: &writer)
        }
        return writer.bytes
    }

    /// Reads a stored state.
    public init(decoding bytes: [UInt8]) throws(SyncError) {
        var reader = BinaryReader(bytes)
        guard try reader.byte() == Self.storageVersion else { throw BinaryReader.malformed("unknown state version") }
        let isPurged = try reader.byte() == 1
        var fields: [String: FieldState] = [:]
        for _ in 0..<(try reader.count(atMost: reader.remaining)) {
            let name = try reader.string()
            var live: [HybridTimestamp: String?] = [:]
            for _ in 0..<(try reader.count(atMost: reader.remaining)) {
                let stamp = try Self.readStamp(&reader)
                live[stamp] = try reader.byte() == 1 ? .some(try reader.string()) : .some(nil)
            }
            let superseded = try Self.readStamps(&reader)
            var tags: [String: Set<HybridTimestamp>] = [:]
            for _ in 0..<(try reader.count(atMost: reader.remaining)) {
                let element = try reader.string()
                tags[element] = try Self.readStamps(&reader)
            }
            let removed = try Self.readStamps(&reader)
            fields[name] = FieldState(
                register: RegisterState(live: live, superseded: superseded),
                set: ObservedRemoveSet(tags: tags, removed: removed))
        }
        guard reader.isAtEnd else { throw BinaryReader.malformed("there are bytes after the last field") }
        self.init(fields: fields, isPurged: isPurged)
    }

    private static func write(_ stamp: HybridTimestamp, to writer: inout BinaryWriter) {
        writer.string(stamp.replica.rawValue)
        writer.varint(stamp.milliseconds)
        writer.varint(UInt64(stamp.counter))
    }

    private static func write(_ stamps: Set<HybridTimestamp>, to writer: inout BinaryWriter) {
        writer.varint(stamps.count)
        for stamp in stamps.sorted() { write(stamp, to: &writer) }
    }

    private static func readStamp(_ reader: inout BinaryReader) throws(SyncError) -> HybridTimestamp {
        let replica = try reader.string()
        let milliseconds = try reader.varint()
        let counter = try reader.varint()
        guard counter <= UInt64(UInt32.max) else { throw BinaryReader.malformed("a clock counter is too large") }
        return HybridTimestamp(milliseconds: milliseconds, counter: UInt32(counter), replica: ReplicaID(replica))
    }

    private static func readStamps(_ reader: inout BinaryReader) throws(SyncError) -> Set<HybridTimestamp> {
        var stamps = Set<HybridTimestamp>()
        for _ in 0..<(try reader.count(atMost: reader.remaining)) { stamps.insert(try readStamp(&reader)) }
        return stamps
    }
}
