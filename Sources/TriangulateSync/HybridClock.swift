/// A replica's hybrid logical clock: a sans-IO state machine fed with wall-clock readings.
///
/// Local events get readings that never go backwards, whatever the wall clock does; remote
/// readings move the clock forward so that causality is respected. A remote reading further in
/// the future than `maximumDrift` is refused: accepting it would let one badly-set clock win
/// every merge for as long as its lead lasts.
public struct HybridClock: Sendable {
    /// The replica this clock belongs to.
    public let replica: ReplicaID
    /// How far ahead of the local wall clock a remote reading may be, in milliseconds.
    public let maximumDrift: UInt64
    private var last: (milliseconds: UInt64, counter: UInt32) = (0, 0)

    /// Makes a clock for `replica`.
    public init(replica: ReplicaID, maximumDrift: UInt64 = 30 * 24 * 60 * 60 * 1000) {
        self.replica = replica
        self.maximumDrift = maximumDrift
    }

    /// Makes a clock for `replica` that carries on after a reading it took before, e.g. one
    /// stored with the replica's data, so that a restart never reuses a stamp.
    public init(replica: ReplicaID, maximumDrift: UInt64 = 30 * 24 * 60 * 60 * 1000, resumingAfter last: HybridTimestamp) {
        self.init(replica: replica, maximumDrift: maximumDrift)
        self.last = (last.milliseconds, last.counter)
    }

    /// The clock's latest reading: to store, and to resume from.
    public var lastReading: HybridTimestamp {
        HybridTimestamp(milliseconds: last.milliseconds, counter: last.counter, replica: replica)
    }

    /// A reading for a local event at wall-clock time `wall` (milliseconds).
    public mutating func tick(wall: UInt64) -> HybridTimestamp {
        if wall > last.milliseconds {
            last = (wall, 0)
        } else {
            last.counter += 1
        }
        return HybridTimestamp(milliseconds: last.milliseconds, counter: last.counter, replica: replica)
    }

    /// Takes in a remote reading at wall-clock time `wall`; refuses one too far in the future.
    public mutating func receive(_ remote: HybridTimestamp, wall: UInt64) throws(SyncError) {
        if remote.milliseconds > wall, remote.milliseconds - wall > maximumDrift {
            throw SyncError(
                .clockTooFarAhead,
                "a change from \(remote.replica) is stamped \((remote.milliseconds - wall) / 1000) s ahead of this clock, more than the \(maximumDrift / 1000) s allowed: check that replica's clock"
            )
        }
        let top = max(wall, last.milliseconds, remote.milliseconds)
        if top == last.milliseconds && top == remote.milliseconds {
            last = (top, max(last.counter, remote.counter) + 1)
        } else if top == last.milliseconds {
            last.counter += 1
        } else if top == remote.milliseconds {
            last = (top, remote.counter + 1)
        } else {
            last = (top, 0)
        }
    }
}
