/// A register's live writes, oldest first, kept without an allocation while there is one:
/// there is almost always exactly one, and more only while a conflict waits to be resolved.
public struct LiveWrites: Hashable, Sendable, RandomAccessCollection {
    /// One live write: its stamp and its value (`nil` is a tombstone).
    public struct Write: Hashable, Sendable {
        /// The write's stamp.
        public var stamp: HybridTimestamp
        /// The value written.
        public var value: String?
    }

    /// Canonical by count, so that equal writes are equal storage: `many` holds two or more.
    private enum Storage: Hashable, Sendable {
        case none
        case one(Write)
        case many([Write])
    }

    private var storage = Storage.none

    /// No live write: a register never written.
    init() {}

    /// The writes, in any order; they are kept by stamp.
    init(_ writes: [Write]) {
        self.init(sorted: writes.count < 2 ? writes : writes.sorted { $0.stamp < $1.stamp })
    }

    private init(sorted writes: [Write]) {
        switch writes.count {
        case 0: storage = .none
        case 1: storage = .one(writes[0])
        default: storage = .many(writes)
        }
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .none: 0
        case .one: 1
        case .many(let writes): writes.count
        }
    }

    public subscript(position: Int) -> Write {
        switch storage {
        case .one(let write) where position == 0: write
        case .many(let writes): writes[position]
        default: preconditionFailure("index \(position) is out of range of \(endIndex) live writes")
        }
    }

    /// Adds `write` in stamp order, unless a write with its stamp is live already.
    mutating func insert(_ write: Write) {
        switch storage {
        case .none:
            storage = .one(write)
        case .one(let only):
            if only.stamp == write.stamp { return }
            storage = .many(only.stamp < write.stamp ? [only, write] : [write, only])
        case .many(var writes):
            let index = writes.firstIndex { $0.stamp >= write.stamp } ?? writes.endIndex
            if index < writes.endIndex, writes[index].stamp == write.stamp { return }
            storage = .none  // so that the array is uniquely held while it grows
            writes.insert(write, at: index)
            storage = .many(writes)
        }
    }

    /// Whether a write with `stamp` is live.
    func contains(stamp: HybridTimestamp) -> Bool {
        switch storage {
        case .none: false
        case .one(let only): only.stamp == stamp
        case .many(let writes): writes.contains { $0.stamp == stamp }
        }
    }

    /// Drops the writes of `stamp`'s replica at or below it.
    mutating func remove(ofReplicaAtOrBelow stamp: HybridTimestamp) {
        func isCovered(_ write: Write) -> Bool { write.stamp.replica == stamp.replica && write.stamp <= stamp }
        switch storage {
        case .none:
            return
        case .one(let only):
            if isCovered(only) { storage = .none }
        case .many(var writes):
            storage = .none
            writes.removeAll(where: isCovered)
            self = LiveWrites(sorted: writes)
        }
    }
}
