/// One replica of the shared documents: its clock, its documents, a log of every change it
/// knows, and the version vector saying how far it has seen each replica's changes.
///
/// The log of each origin is kept as a prefix (all of that origin's changes up to the vector's
/// entry), because changes travel in whole batches of "everything after your vector". It holds
/// the batches' changes where they arrived, as slices, rather than copying them.
public struct Replica: Sendable {
    /// This replica's clock.
    public private(set) var clock: HybridClock
    private var states: [DocumentKey: DocumentState] = [:]
    /// The highest stamp seen from each replica.
    public private(set) var vector: [ReplicaID: HybridTimestamp] = [:]
    private var log: [ReplicaID: [ArraySlice<Change>]] = [:]

    /// Makes an empty replica.
    public init(id: ReplicaID, maximumDrift: UInt64 = 30 * 24 * 60 * 60 * 1000) {
        clock = HybridClock(replica: id, maximumDrift: maximumDrift)
    }

    /// The replica's id.
    public var id: ReplicaID { clock.replica }

    /// The merged state of the document `id`, if this replica has any change to it.
    public func document(_ id: String) -> DocumentState? { states[DocumentKey(id)] }

    /// Every document, by id (made on each call).
    public var documents: [String: DocumentState] {
        Dictionary(uniqueKeysWithValues: states.map { ($0.key.id, $0.value) })
    }

    /// Writes a register field.
    @discardableResult
    public mutating func assign(_ value: String?, to field: String, of document: String, wall: UInt64) -> Change {
        let seen = self.document(document)?.fields[field]?.register.liveStamps ?? []
        return record(document, field, .assign(value: value, supersedes: seen), wall: wall)
    }

    /// Adds an element to a set field.
    @discardableResult
    public mutating func add(_ element: String, to field: String, of document: String, wall: UInt64) -> Change {
        record(document, field, .add(element: element), wall: wall)
    }

    /// Removes an element from a set field, as far as this replica has seen it.
    @discardableResult
    public mutating func remove(_ element: String, from field: String, of document: String, wall: UInt64) -> Change {
        let observed = self.document(document)?.fields[field]?.set.liveTags(of: element) ?? []
        return record(document, field, .remove(element: element, observed: observed), wall: wall)
    }

    /// Purges a document for good.
    @discardableResult
    public mutating func purge(_ document: String, wall: UInt64) -> Change {
        record(document, "", .purge, wall: wall)
    }

    /// Every change this replica knows that `other` has not seen.
    public func changes(since other: [ReplicaID: HybridTimestamp]) -> [Change] {
        log.flatMap { origin, segments in
            guard let seen = other[origin] else { return Array(segments.joined()) }
            return segments.joined().filter { $0.stamp > seen }
        }.sorted { $0.stamp < $1.stamp }
    }

    /// Applies a batch of remote changes; those already known are skipped. The batch is refused
    /// whole, and nothing applied, if any change is stamped too far in the future. Returns how
    /// many changes were new.
    @discardableResult
    public mutating func apply(_ batch: [Change], wall: UInt64) throws(SyncError) -> Int {
        var clock = self.clock
        var isOrdered = true
        var runs = batch.isEmpty ? 0 : 1
        for index in batch.indices {
            try clock.receive(batch[index].stamp, wall: wall)
            if index > 0 {
                if batch[index - 1].stamp >= batch[index].stamp { isOrdered = false }
                if batch[index - 1].document != batch[index].document { runs += 1 }
            }
        }
        self.clock = clock
        let ordered = isOrdered ? batch : batch.sorted { $0.stamp < $1.stamp }
        states.reserveCapacity(states.count + runs)
        var applied = 0
        // The origin of the last run, with its vector entry and the slice of `ordered` its
        // applied changes form so far: written back when the origin changes or a run skips.
        var origin = ordered.first?.stamp.replica ?? id
        var seen = vector[origin]
        var segment = ordered.startIndex..<ordered.startIndex
        func close() {
            guard !segment.isEmpty else { return }
            log[origin, default: []].append(ordered[segment])
            vector[origin] = seen
        }
        var start = ordered.startIndex
        while start < ordered.endIndex {
            // A run: consecutive changes from one replica to one document, applied together.
            if ordered[start].stamp.replica != origin {
                close()
                origin = ordered[start].stamp.replica
                seen = vector[origin]
                segment = start..<start
            }
            let document = ordered[start].document
            var end = start + 1
            while end < ordered.endIndex, ordered[end].document == document, ordered[end].stamp.replica == origin { end += 1 }
            var first = start
            if let seen { while first < end, ordered[first].stamp <= seen { first += 1 } }
            if first < end {
                states[DocumentKey(document), default: DocumentState()].apply(ordered[first..<end])
                if segment.upperBound != first {
                    close()
                    segment = first..<first
                }
                segment = segment.lowerBound..<end
                seen = ordered[end - 1].stamp
                applied += end - first
            }
            start = end
        }
        close()
        return applied
    }

    /// The view of every document.
    public var views: [String: DocumentView] {
        Dictionary(uniqueKeysWithValues: states.map { ($0.key.id, $0.value.view) })
    }

    private mutating func record(_ document: String, _ field: String, _ operation: Change.Operation, wall: UInt64) -> Change {
        let change = Change(document: document, field: field, operation: operation, stamp: clock.tick(wall: wall))
        integrate(change)
        return change
    }

    private mutating func integrate(_ change: Change) {
        states[DocumentKey(change.document), default: DocumentState()].apply(change)
        log[change.stamp.replica, default: []].appendToLast(change)
        vector[change.stamp.replica] = max(vector[change.stamp.replica] ?? change.stamp, change.stamp)
    }
}

private extension Array where Element == ArraySlice<Change> {
    /// Appends a local change to the last segment, in place once that segment is this log's own.
    mutating func appendToLast(_ change: Change) {
        if isEmpty { append([change]) } else { self[endIndex - 1].append(change) }
    }
}
