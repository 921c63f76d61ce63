/// One replica of the shared documents: its clock, its documents, a log of every change it
/// knows, and the version vector saying how far it has seen each replica's changes.
///
/// The log of each origin is kept as a prefix (all of that origin's changes up to the vector's
/// entry), because changes travel in whole batches of "everything after your vector".
public struct Replica: Sendable {
    /// This replica's clock.
    public private(set) var clock: HybridClock
    /// The documents, by id.
    public private(set) var documents: [String: DocumentState] = [:]
    /// The highest stamp seen from each replica.
    public private(set) var vector: [ReplicaID: HybridTimestamp] = [:]
    private var log: [ReplicaID: [Change]] = [:]

    /// Makes an empty replica.
    public init(id: ReplicaID, maximumDrift: UInt64 = 30 * 24 * 60 * 60 * 1000) {
        clock = HybridClock(replica: id, maximumDrift: maximumDrift)
    }

    /// The replica's id.
    public var id: ReplicaID { clock.replica }

    /// Writes a register field.
    @discardableResult
    public mutating func assign(_ value: String?, to field: String, of document: String, wall: UInt64) -> Change {
        let seen = documents[document]?.fields[field]?.register.liveStamps ?? []
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
        let observed = documents[document]?.fields[field]?.set.liveTags(of: element) ?? []
        return record(document, field, .remove(element: element, observed: observed), wall: wall)
    }

    /// Purges a document for good.
    @discardableResult
    public mutating func purge(_ document: String, wall: UInt64) -> Change {
        record(document, "", .purge, wall: wall)
    }

    /// Every change this replica knows that `other` has not seen.
    public func changes(since other: [ReplicaID: HybridTimestamp]) -> [Change] {
        log.flatMap { origin, changes in
            guard let seen = other[origin] else { return changes }
            return changes.filter { $0.stamp > seen }
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
        documents.reserveCapacity(documents.count + runs)
        var applied = 0
        var start = ordered.startIndex
        while start < ordered.endIndex {
            // A run: consecutive changes from one replica to one document, applied together.
            let origin = ordered[start].stamp.replica
            let document = ordered[start].document
            var end = start + 1
            while end < ordered.endIndex, ordered[end].document == document, ordered[end].stamp.replica == origin { end += 1 }
            let seen = vector[origin]
            var first = start
            if let seen { while first < end, ordered[first].stamp <= seen { first += 1 } }
            if first < end {
                let run = ordered[first..<end]
                documents[document, default: DocumentState()].apply(run)
                log[origin, default: []].append(contentsOf: run)
                vector[origin] = ordered[end - 1].stamp
                applied += end - first
            }
            start = end
        }
        return applied
    }

    /// The view of every document.
    public var views: [String: DocumentView] { documents.mapValues(\.view) }

    private mutating func record(_ document: String, _ field: String, _ operation: Change.Operation, wall: UInt64) -> Change {
        let change = Change(document: document, field: field, operation: operation, stamp: clock.tick(wall: wall))
        integrate(change)
        return change
    }

    private mutating func integrate(_ change: Change) {
        documents[change.document, default: DocumentState()].apply(change)
        log[change.stamp.replica, default: []].append(change)
        vector[change.stamp.replica] = max(vector[change.stamp.replica] ?? change.stamp, change.stamp)
    }
}
