import Foundation
import TriangulateModel

/// What the node takes from the world: the time, fresh ids and the way to its hub. Tests pass
/// fixed ones; the whole-system simulator passes its own clock and network.
public struct NodeEnvironment: Sendable {
    /// The current instant.
    public var now: @Sendable () -> Date
    /// A fresh UUIDv7 for `date`.
    public var makeUUID: @Sendable (Date) -> UUID
    /// The bcrypt work factor of new password hashes: 12 (2¹² rounds, about a quarter of a
    /// second) unless a test asks for less. A hash keeps its own factor, so checking is unaffected.
    public var passwordCost: UInt8
    /// How requests reach the hub: `nil` is HTTP(S) to the enrolled hub's URL.
    public var hubTransport: (any HubTransport)?
    /// How many inbox items a sync asks the hub for at a time: 500, unless a test asks for
    /// fewer to see many pages.
    public var inboxPageSize: Int

    /// Makes an environment.
    public init(now: @escaping @Sendable () -> Date, makeUUID: @escaping @Sendable (Date) -> UUID, passwordCost: UInt8 = 12,
                hubTransport: (any HubTransport)? = nil, inboxPageSize: Int = 500) {
        self.now = now
        self.makeUUID = makeUUID
        self.passwordCost = passwordCost
        self.hubTransport = hubTransport
        self.inboxPageSize = inboxPageSize
    }

    /// The system clock and random ids.
    public static let live = NodeEnvironment(
        now: { Date() },
        makeUUID: { date in
            var generator = SystemRandomNumberGenerator()
            return UUIDv7.make(at: date, using: &generator)
        }
    )

    /// Today's date in London (Europe/London), where every step is dated.
    public var today: LocalDate { LondonMoment(now()).date }

    func makeID<Entity>(at date: Date) -> Identifier<Entity> { Identifier(makeUUID(date)) }
}
