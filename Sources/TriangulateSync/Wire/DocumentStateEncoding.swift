/// The compact binary form in which a node stores a document's merged state: every live
/// register write, each register's superseded frontiers and pending stamps, every set tag and
/// every removed tag — enough to go on merging exactly as if the changes were replayed. Replica
/// ids are written once, in a table in order; stamps are a table index, milliseconds relative to
/// the earliest stamp, and a counter, so that equal states have equal bytes.
///
/// Version 3 keeps a register's superseded writes as frontiers and pending stamps; version 2,
/// still read, kept every superseded stamp, and they are read as pending (which of them were
/// writes held here is not recorded), so such a state converges as it meets new writes.
extension DocumentState {
    private static let storageVersion: UInt8 = 3
    private static let everySupersededStampVersion: UInt8 = 2

    /// The state's bytes. The fields are read where they lie (`FieldTable.withEntries`): a
    /// loop over copies of them retained and released every set and string of each field twice.
    public func encoded() -> [UInt8] {
        fields.withEntries { fields in
            var replicas: [ReplicaID] = []
            var base: UInt64?
            var size = 16
            func note(_ stamp: HybridTimestamp) {
                if !replicas.contains(stamp.replica) { replicas.append(stamp.replica) }
                base = min(base ?? stamp.milliseconds, stamp.milliseconds)
                size += 8
            }
            for index in fields.indices {
                size += fields[index].name.utf8.count + 8
                for write in fields[index].state.register.live {
                    note(write.stamp)
                    size += write.value?.utf8.count ?? 0
                }
                for stamp in fields[index].state.register.superseded.frontiers { note(stamp) }
                for stamp in fields[index].state.register.superseded.pending { note(stamp) }
                for (element, tags) in fields[index].state.set.tags {
                    size += element.utf8.count
                    for stamp in tags { note(stamp) }
                }
                for stamp in fields[index].state.set.removed { note(stamp) }
            }
            replicas.sort()  // with the earliest stamp as base, the same state always has the same bytes
            var writer = BinaryWriter(capacity: size + replicas.reduce(0) { $0 + $1.rawValue.utf8.count + 1 })
            writer.byte(Self.storageVersion)
            writer.byte(isPurged ? 1 : 0)
            writer.varint(replicas.count)
            for replica in replicas { writer.string(replica.rawValue) }
            writer.varint(base ?? 0)
            let context = StampContext(replicas: replicas, base: base ?? 0)
            writer.varint(fields.count)
            for index in fields.indices {
                writer.string(fields[index].name)
                writer.varint(fields[index].state.register.live.count)
                for write in fields[index].state.register.live {
                    context.write(write.stamp, to: &writer)
                    if let value = write.value {
                        writer.byte(1)
                        writer.string(value)
                    } else {
                        writer.byte(0)
                    }
                }
                context.write(fields[index].state.register.superseded.frontiers, to: &writer)  // one per replica, in replica order
                context.write(fields[index].state.register.superseded.pending, to: &writer)
                writer.varint(fields[index].state.set.tags.count)
                if !fields[index].state.set.tags.isEmpty {
                    for (element, tags) in fields[index].state.set.tags.sorted(by: { $0.key < $1.key }) {
                        writer.string(element)
                        context.write(tags, to: &writer)
                    }
                }
                context.write(fields[index].state.set.removed, to: &writer)
            }
            return writer.bytes
        }
    }

    /// Reads a stored state.
    public init(decoding bytes: [UInt8]) throws(SyncError) {
        var reader = BinaryReader(bytes)
        let version = try reader.byte()
        guard version == Self.storageVersion || version == Self.everySupersededStampVersion else {
            throw BinaryReader.malformed("unknown state version")
        }
        let isPurged = try reader.byte() == 1
        var replicas: [ReplicaID] = []
        for _ in 0..<(try reader.count(atMost: reader.remaining)) { replicas.append(ReplicaID(try reader.string())) }
        let context = StampContext(replicas: replicas, base: try reader.varint())
        let fieldCount = try reader.count(atMost: reader.remaining)
        var fields: [FieldTable.Entry] = []
        fields.reserveCapacity(fieldCount)
        for _ in 0..<fieldCount {
            let name = try reader.string()
            let liveCount = try reader.count(atMost: reader.remaining)
            var live: [RegisterState.Write] = []
            live.reserveCapacity(liveCount)
            for _ in 0..<liveCount {
                let stamp = try context.readStamp(&reader)
                live.append(RegisterState.Write(stamp: stamp, value: try reader.byte() == 1 ? try reader.string() : nil))
            }
            let frontiers = version == Self.storageVersion ? try context.readStampList(&reader) : []
            let pending = try context.readStamps(&reader)
            var tags: [String: Set<HybridTimestamp>] = [:]
            for _ in 0..<(try reader.count(atMost: reader.remaining)) {
                let element = try reader.string()
                tags[element] = try context.readStamps(&reader)
            }
            let removed = try context.readStamps(&reader)
            fields.append(FieldTable.Entry(name: name, state: FieldState(
                register: RegisterState(live: live, frontiers: frontiers, pending: pending),
                set: ObservedRemoveSet(tags: tags, removed: removed))))
        }
        guard reader.isAtEnd else { throw BinaryReader.malformed("there are bytes after the last field") }
        self.init(fields: FieldTable(fields), isPurged: isPurged)
    }

}

/// How stamps are written in a stored state: replica by table index, milliseconds relative
/// to a base, counter.
private struct StampContext {
    let replicas: [ReplicaID]
    let base: UInt64

    func write(_ stamp: HybridTimestamp, to writer: inout BinaryWriter) {
        writer.varint(replicas.firstIndex(of: stamp.replica) ?? 0)
        writer.signed(Int64(bitPattern: stamp.milliseconds &- base))
        writer.varint(UInt64(stamp.counter))
    }

    func write(_ stamps: Set<HybridTimestamp>, to writer: inout BinaryWriter) {
        writer.varint(stamps.count)
        switch stamps.count {
        case 0: break
        case 1: for stamp in stamps { write(stamp, to: &writer) }
        default: for stamp in stamps.sorted() { write(stamp, to: &writer) }
        }
    }

    func readStamp(_ reader: inout BinaryReader) throws(SyncError) -> HybridTimestamp {
        let replica = replicas[try reader.count(atMost: replicas.count - 1)]
        let milliseconds = base &+ UInt64(bitPattern: try reader.signed())
        let counter = try reader.varint()
        guard counter <= UInt64(UInt32.max) else { throw BinaryReader.malformed("a clock counter is too large") }
        return HybridTimestamp(milliseconds: milliseconds, counter: UInt32(counter), replica: replica)
    }

    func write(_ stamps: [HybridTimestamp], to writer: inout BinaryWriter) {
        writer.varint(stamps.count)
        for stamp in stamps { write(stamp, to: &writer) }
    }

    func readStampList(_ reader: inout BinaryReader) throws(SyncError) -> [HybridTimestamp] {
        let count = try reader.count(atMost: reader.remaining)
        var stamps: [HybridTimestamp] = []
        stamps.reserveCapacity(count)
        for _ in 0..<count { stamps.append(try readStamp(&reader)) }
        return stamps
    }

    func readStamps(_ reader: inout BinaryReader) throws(SyncError) -> Set<HybridTimestamp> {
        let count = try reader.count(atMost: reader.remaining)
        guard count > 0 else { return [] }
        var stamps = Set<HybridTimestamp>(minimumCapacity: count)
        for _ in 0..<count { stamps.insert(try readStamp(&reader)) }
        return stamps
    }
}
