/// What a register knows was superseded, kept in space that grows with the replicas that wrote
/// the field rather than with its edits (Protocol/sync.md, "Merge rules").
///
/// A write supersedes every write live at its writer, that writer's own earlier writes
/// included. So once one of a replica's writes held here is superseded, every earlier write of
/// that replica to the field had been superseded before it was made. The register keeps, per
/// replica, the highest such stamp (its *frontier*) and counts every stamp of that replica at or
/// below it as superseded. A superseded stamp whose write is not held here is kept as it is
/// (*pending*) until the write arrives: only a write the register holds raises a frontier, so a
/// stamp a dishonest partner puts in `supersedes` hides nothing more than the full set of
/// stamps would.
public struct SupersededWrites: Hashable, Sendable {
    /// At most one stamp per replica, in replica order: the highest of its writes held here
    /// that another write superseded.
    public private(set) var frontiers: [HybridTimestamp] = []
    /// Superseded stamps whose writes are not held here, each above its replica's frontier.
    public private(set) var pending: Set<HybridTimestamp> = []

    /// Nothing superseded.
    init() {}

    /// Whether `stamp` is superseded: at or below its replica's frontier, or pending.
    public func contains(_ stamp: HybridTimestamp) -> Bool {
        isAtOrBelowFrontier(stamp) || isPending(stamp)
    }

    /// Whether `stamp` is at or below its replica's frontier: superseded, and already counted
    /// as a write held here.
    public func isAtOrBelowFrontier(_ stamp: HybridTimestamp) -> Bool {
        guard case .found(let index) = position(of: stamp.replica) else { return false }
        return stamp <= frontiers[index]
    }

    /// Whether `stamp` is pending: superseded, but its write not held here.
    func isPending(_ stamp: HybridTimestamp) -> Bool { !pending.isEmpty && pending.contains(stamp) }

    /// Every stamp kept, frontiers and pending: what an owner's adoption passes on as superseded.
    public var stamps: Set<HybridTimestamp> { pending.union(frontiers) }

    /// Counts `stamp`, a write held here, and every earlier write of its replica as superseded.
    mutating func raiseFrontier(to stamp: HybridTimestamp) {
        switch position(of: stamp.replica) {
        case .found(let index):
            guard frontiers[index] < stamp else { return }
            frontiers[index] = stamp
        case .insertion(let index):
            frontiers.insert(stamp, at: index)
        }
        if !pending.isEmpty { pending = pending.filter { $0.replica != stamp.replica || $0 > stamp } }
    }

    /// Records `stamp`, whose write is not held here, as superseded.
    mutating func insertPending(_ stamp: HybridTimestamp) {
        guard !isAtOrBelowFrontier(stamp) else { return }
        pending.insert(stamp)
    }

    private enum Position {
        case found(Int)
        case insertion(Int)
    }

    /// Where `replica`'s frontier is, or would go: a field has a frontier for each replica that
    /// wrote it, a handful, so a scan is enough.
    private func position(of replica: ReplicaID) -> Position {
        for index in frontiers.indices {
            let other = frontiers[index].replica
            if other == replica { return .found(index) }
            if replica < other { return .insertion(index) }
        }
        return .insertion(frontiers.endIndex)
    }
}
