/// A hybrid logical clock reading (Kulkarni et al., 2014): physical milliseconds, a counter for
/// events in the same millisecond or after a remote reading from the future, and the replica
/// that took it. Readings are totally ordered: by milliseconds, then counter, then replica.
public struct HybridTimestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch, as the replica's clock had it (or later).
    public var milliseconds: UInt64
    /// Orders readings within one millisecond.
    public var counter: UInt32
    /// The replica that took the reading.
    public var replica: ReplicaID

    /// Makes a reading.
    public init(milliseconds: UInt64, counter: UInt32, replica: ReplicaID) {
        self.milliseconds = milliseconds
        self.counter = counter
        self.replica = replica
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.milliseconds, lhs.counter, lhs.replica) < (rhs.milliseconds, rhs.counter, rhs.replica)
    }

    public var description: String { "\(milliseconds).\(counter)@\(replica)" }
}
