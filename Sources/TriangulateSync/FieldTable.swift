/// A document's fields in name order, in one array: a document has a few fields, rarely more
/// than a hundred, so a lookup compares names (a short scan, or a binary search once there are
/// many) and merging a change allocates nothing once its field exists. Being in name order,
/// equal tables are equal arrays and encode without sorting.
public struct FieldTable: Hashable, Sendable, RandomAccessCollection {
    /// One field: its name (a path for a sub-document's field) and its state.
    public struct Entry: Hashable, Sendable {
        /// The field's name.
        public let name: String
        /// Its merged state.
        public internal(set) var state: FieldState
    }

    /// Above this many fields a lookup searches by halves rather than scanning.
    private static let scanLimit = 12

    private var entries: [Entry] = []

    /// No fields.
    init() {}

    /// The fields given, in any order; of two with the same name, the later is kept.
    init(_ fields: [Entry]) {
        guard !fields.isStrictlySorted else {
            entries = fields
            return
        }
        let sorted = fields.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
        entries = sorted.indices.compactMap { index in
            index + 1 < sorted.endIndex && sorted[index + 1].element.name == sorted[index].element.name ? nil : sorted[index].element
        }
    }

    private init(sorted entries: [Entry]) {
        self.entries = entries
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }

    /// Calls `body` with the fields in name order, where they lie: reading through the buffer
    /// copies no field's state, which a loop over the table would, reference by reference.
    func withEntries<Result>(_ body: (UnsafeBufferPointer<Entry>) throws -> Result) rethrows -> Result {
        try entries.withUnsafeBufferPointer(body)
    }

    /// The state of the field named `name`, if it was ever written.
    public subscript(name: String) -> FieldState? {
        guard case .found(let index) = position(of: name) else { return nil }
        return entries[index].state
    }

    /// Applies the change at `change` to its field, adding the field in its place when it is new.
    mutating func apply(_ change: UnsafePointer<Change>) {
        switch position(of: change.pointee.field) {
        case .found(let index):
            entries[index].state.apply(change)
        case .insertion(let index):
            entries.append(Entry(name: change.pointee.field, state: FieldState()))
            if index < entries.endIndex - 1 { moveLast(to: index) }
            entries[index].state.apply(change)
        }
    }

    /// Moves the last field to `index`, and those from `index` on up one place, by moving their
    /// memory: Array's insertion, and swaps, copy each field moved (retaining and releasing all
    /// it holds), which cost more than merging the field's change.
    private mutating func moveLast(to index: Int) {
        entries.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let last = (base + buffer.count - 1).move()
            (base + index + 1).moveInitialize(from: base + index, count: buffer.count - 1 - index)
            (base + index).initialize(to: last)
        }
    }

    /// The fields whose names `keep` accepts.
    func filter(_ keep: (String) -> Bool) -> FieldTable {
        FieldTable(sorted: entries.filter { keep($0.name) })
    }

    /// Makes room for `count` fields.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    private enum Position {
        case found(Int)
        case insertion(Int)
    }

    private func position(of name: String) -> Position {
        if entries.count <= Self.scanLimit {
            for index in entries.indices where entries[index].name == name { return .found(index) }
            if let last = entries.last, last.name < name { return .insertion(entries.endIndex) }
            return .insertion(entries.firstIndex { name < $0.name } ?? entries.endIndex)
        }
        var low = entries.startIndex
        var high = entries.endIndex
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < entries.endIndex && entries[low].name == name ? .found(low) : .insertion(low)
    }
}

private extension Array where Element == FieldTable.Entry {
    var isStrictlySorted: Bool { indices.dropFirst().allSatisfy { self[$0 - 1].name < self[$0].name } }
}
