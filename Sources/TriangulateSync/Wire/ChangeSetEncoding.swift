import Foundation
import TriangulateModel

/// The binary wire encoding of change sets (Protocol/sync.md, "Wire encoding"): a string
/// table, then runs of changes, each after the header of the document it changes. Stamps are deltas from the
/// previous change and strings are table indexes, so a change costs a few bytes plus its value.
extension ChangeSet {
    /// The first byte of every encoded change set: 2 names each document's type in the string
    /// table. Version 1, which gave the Emerging Concerns Protocol's six types one-byte codes,
    /// is still read (batches a hub relayed before the process kit).
    public static let wireVersion: UInt8 = 2

    /// The types protocol version 1 coded as bytes 0 to 5; frozen, as batches already on hubs use them.
    static let version1Types = ["concern-summary", "information-request", "panel", "action", "outcome", "learning-review"]

    /// The change set's bytes. Changes keep their order exactly: each run of consecutive
    /// changes to one document is written after that document's header.
    public func encoded() -> [UInt8] {
        var runs: [ChangeRun] = []
        changes.withUnsafeBufferPointer { changes in
            var start = changes.startIndex
            while start < changes.endIndex {
                var end = start + 1
                while end < changes.endIndex, changes[end].document == changes[start].document { end += 1 }
                runs.append(ChangeRun(header: header(of: changes[start].document), changes: start..<end))
                start = end
            }
        }
        return Self.encode(changes, in: runs)
    }

    /// The bytes of `changes` in `runs`: the consecutive changes of each run, all to the
    /// document of its header, after that header. `encoded()` and `OutgoingChanges` both write
    /// through it. The changes and runs are read where they lie: a loop over copies retained and
    /// released every string of each.
    static func encode(_ changes: [Change], in runs: [ChangeRun]) -> [UInt8] {
        changes.withUnsafeBufferPointer { changes in
            runs.withUnsafeBufferPointer { runs in
                var table = StringTable()
                for run in runs.indices {
                    table.intern(runs[run].header.owner)
                    table.intern(runs[run].header.type.rawValue)
                    for index in runs[run].changes { table.intern(changes.baseAddress! + index) }
                }
                var writer = BinaryWriter(capacity: changes.count * 24)
                writer.byte(Self.wireVersion)
                writer.varint(table.strings.count)
                for string in table.strings { writer.string(string) }
                writer.varint(runs.count)
                var previous: UInt64 = 0
                for run in runs.indices {
                    Self.writeID(runs[run].header.id, to: &writer)
                    writer.varint(table.index(runs[run].header.type.rawValue))
                    writer.varint(table.index(runs[run].header.owner))
                    writer.varint(runs[run].changes.count)
                    for index in runs[run].changes {
                        writer.varint(table.index(changes[index].field))
                        Self.write(changes.baseAddress! + index, previous: &previous, table: table, to: &writer)
                    }
                }
                return writer.bytes
            }
        }
    }

    /// A document's header; a change set without one (which `validate()` refuses) is written
    /// with an empty owner so that the receiver refuses it.
    private func header(of id: String) -> DocumentHeader {
        headers[id] ?? DocumentHeader(id: id, type: DocumentType(declared: "unknown"), owner: "")
    }

    /// Decodes a change set, refusing anything malformed or of an unknown version.
    public init(decoding bytes: [UInt8]) throws(SyncError) {
        var reader = BinaryReader(bytes)
        let version = try reader.byte()
        guard version == Self.wireVersion || version == 1 else {
            throw BinaryReader.malformed("version \(version) is not one this node reads (1 or \(Self.wireVersion))")
        }
        let stringCount = try reader.count(atMost: reader.remaining)
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { strings.append(try reader.string()) }
        func string(_ reader: inout BinaryReader) throws(SyncError) -> String {
            let index = try reader.count(atMost: strings.count - 1)
            return strings[index]
        }
        // A type name in the string table is checked once, not once per document.
        var types = [DocumentType?](repeating: nil, count: stringCount)
        func type(_ reader: inout BinaryReader) throws(SyncError) -> DocumentType {
            if version == 1 {
                let code = Int(try reader.byte())
                guard code < Self.version1Types.count else { throw BinaryReader.malformed("unknown document type code \(code)") }
                return DocumentType(declared: Self.version1Types[code])
            }
            let index = try reader.count(atMost: strings.count - 1)
            if let type = types[index] { return type }
            guard let type = DocumentType(rawValue: strings[index]) else {
                throw BinaryReader.malformed("'\(strings[index].prefix(48))' is not a document type name")
            }
            types[index] = type
            return type
        }
        let documentCount = try reader.count(atMost: reader.remaining)
        // Room for the documents the bytes left can hold, so that the tables grow once; a
        // document takes at least eight bytes, so a forged count reserves no more than that.
        let expected = min(documentCount, reader.remaining / 8)
        var headers: [String: DocumentHeader] = [:]
        headers.reserveCapacity(expected)
        var changes: [Change] = []
        var previous: UInt64 = 0
        for document in 0..<documentCount {
            let id = try Self.readID(&reader)
            let header = DocumentHeader(id: id, type: try type(&reader), owner: try string(&reader))
            if let earlier = headers.updateValue(header, forKey: id), earlier != header {
                throw BinaryReader.malformed("document \(id) appears with two different headers")
            }
            let changeCount = try reader.count(atMost: reader.remaining)
            // A header travels only with changes: one alone would read back as nothing.
            guard changeCount > 0 else { throw BinaryReader.malformed("document \(id) appears with no changes") }
            if document == 0 {
                // Room for as many changes in every document as in the first, so that the array
                // grows once at most; a change takes at least five bytes, which bounds a forgery.
                let (all, overflows) = documentCount.multipliedReportingOverflow(by: changeCount)
                changes.reserveCapacity(overflows ? reader.remaining / 5 : min(all, reader.remaining / 5))
            }
            for _ in 0..<changeCount {
                let field = try string(&reader)
                let kind = try reader.byte()
                let stamp = try Self.readStamp(&reader, previous: &previous, strings: strings)
                let operation: Change.Operation
                switch kind {
                case 0: operation = .assign(value: try reader.string(), supersedes: try Self.readStamps(&reader, relativeTo: stamp.milliseconds, strings: strings))
                case 1: operation = .assign(value: nil, supersedes: try Self.readStamps(&reader, relativeTo: stamp.milliseconds, strings: strings))
                case 2: operation = .add(element: try reader.string())
                case 3: operation = .remove(element: try reader.string(), observed: try Self.readStamps(&reader, relativeTo: stamp.milliseconds, strings: strings))
                case 4: operation = .purge
                default: throw BinaryReader.malformed("unknown operation \(kind)")
                }
                changes.append(Change(document: id, field: field, operation: operation, stamp: stamp))
            }
        }
        guard reader.isAtEnd else { throw BinaryReader.malformed("there are bytes after the last document") }
        self.init(headers: headers, changes: changes)
    }

    /// Writes the change at `change`: read through its address, as a change passed by value
    /// was copied, every string retained and released, although only read.
    private static func write(_ change: UnsafePointer<Change>, previous: inout UInt64, table: StringTable, to writer: inout BinaryWriter) {
        let stamp = change.pointee.stamp
        func writeStamp(_ stamp: HybridTimestamp, relativeTo base: UInt64) {
            writer.varint(table.index(stamp.replica.rawValue))
            writer.signed(Int64(bitPattern: stamp.milliseconds &- base))
            writer.varint(UInt64(stamp.counter))
        }
        func writeStamps(_ stamps: Set<HybridTimestamp>) {
            writer.varint(stamps.count)
            if stamps.count == 1, let only = stamps.first {
                writeStamp(only, relativeTo: stamp.milliseconds)
            } else if stamps.count > 1 {
                for other in stamps.sorted() { writeStamp(other, relativeTo: stamp.milliseconds) }
            }
        }
        switch change.pointee.operation {
        case .assign(.some, _): writer.byte(0)
        case .assign(.none, _): writer.byte(1)
        case .add: writer.byte(2)
        case .remove: writer.byte(3)
        case .purge: writer.byte(4)
        }
        writeStamp(stamp, relativeTo: previous)
        previous = stamp.milliseconds
        switch change.pointee.operation {
        case .assign(let value, let supersedes):
            if let value { writer.string(value) }
            writeStamps(supersedes)
        case .add(let element):
            writer.string(element)
        case .remove(let element, let observed):
            writer.string(element)
            writeStamps(observed)
        case .purge:
            break
        }
    }

    private static func readStamp(
        _ reader: inout BinaryReader, previous: inout UInt64, strings: [String]
    ) throws(SyncError) -> HybridTimestamp {
        let stamp = try readStamp(&reader, relativeTo: previous, strings: strings)
        previous = stamp.milliseconds
        return stamp
    }

    private static func readStamp(
        _ reader: inout BinaryReader, relativeTo base: UInt64, strings: [String]
    ) throws(SyncError) -> HybridTimestamp {
        let replica = strings[try reader.count(atMost: strings.count - 1)]
        let milliseconds = base &+ UInt64(bitPattern: try reader.signed())
        let counter = try reader.varint()
        guard counter <= UInt64(UInt32.max) else { throw BinaryReader.malformed("a clock counter is too large") }
        return HybridTimestamp(milliseconds: milliseconds, counter: UInt32(counter), replica: ReplicaID(replica))
    }

    /// Reads the stamps an operation names, each relative to the operation's own stamp.
    private static func readStamps(
        _ reader: inout BinaryReader, relativeTo base: UInt64, strings: [String]
    ) throws(SyncError) -> Set<HybridTimestamp> {
        let count = try reader.count(atMost: reader.remaining)
        guard count > 0 else { return [] }
        // A stamp takes at least three bytes, so a forged count reserves no more than the bytes left.
        var stamps = Set<HybridTimestamp>(minimumCapacity: min(count, reader.remaining / 3))
        for _ in 0..<count { stamps.insert(try readStamp(&reader, relativeTo: base, strings: strings)) }
        return stamps
    }

    private static func writeID(_ id: String, to writer: inout BinaryWriter) {
        if let uuid = CanonicalUUID(id) {
            writer.byte(0)
            writer.bigEndian(uuid.high)
            writer.bigEndian(uuid.low)
        } else {
            writer.byte(1)
            writer.string(id)
        }
    }

    private static func readID(_ reader: inout BinaryReader) throws(SyncError) -> String {
        switch try reader.byte() {
        case 0: CanonicalUUID(bytes: try reader.raw(16)).text
        case 1: try reader.string()
        default: throw BinaryReader.malformed("unknown document id form")
        }
    }
}

/// The strings of a change set — replica ids, field paths, owners — each written once.
/// A change set names few distinct strings, most of them over and over, so a short table is
/// searched in order (equal strings sharing storage compare at once) before any hashing.
private struct StringTable {
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]
    private static let searchedInOrder = 16

    mutating func intern(_ string: String) {
        if strings.count < Self.searchedInOrder {
            if !strings.contains(string) { strings.append(string) }
            if strings.count == Self.searchedInOrder {
                for (index, string) in strings.enumerated() { indexes[string] = index }
            }
        } else if indexes[string] == nil {
            indexes[string] = strings.count
            strings.append(string)
        }
    }

    /// Interns the strings of the change at `change`, read through its address (see `write`).
    mutating func intern(_ change: UnsafePointer<Change>) {
        intern(change.pointee.field)
        intern(change.pointee.stamp.replica.rawValue)
        switch change.pointee.operation {
        case .assign(_, let stamps), .remove(_, let stamps): for stamp in stamps { intern(stamp.replica.rawValue) }
        case .add, .purge: break
        }
    }

    func index(_ string: String) -> Int {
        if strings.count < Self.searchedInOrder, let index = strings.firstIndex(of: string) { return index }
        return indexes[string]!
    }
}
