import Foundation
import Synchronization
import TriangulateModel
@testable import TriangulateNode
import TriangulateSync

/// A value several tasks read and write, one at a time.
final class Shared<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    /// The value now.
    var current: Value { value.withLock { $0 } }

    /// Replaces the value.
    func set(_ new: Value) { value.withLock { $0 = new } }
}

/// The simulation's clock: every node and the hub read it (a node with its skew added), and
/// only the driver moves it.
final class SimulatedClock: Sendable {
    private let instant: Shared<Date>

    init(start: Date) { instant = Shared(start) }

    /// The time now.
    var now: Date { instant.current }

    /// Moves the time on by `seconds`.
    func advance(by seconds: TimeInterval) { instant.set(instant.current.addingTimeInterval(seconds)) }
}

/// Thrown into a node's code at a request to stop it as a crash would: nothing after that point
/// runs, and the node restarts from what its store had committed.
struct SimulatedCrash: Error {}

/// How a node's requests reach the simulated hub: each one parks with the scheduler until the
/// driver decides its fate.
struct SimulatedTransport: HubTransport {
    let node: String
    let scheduler: Scheduler

    func exchange(_ request: HubTransportRequest, with baseURL: String) async throws -> HubTransportAnswer {
        try await scheduler.request(node, request)
    }

    /// One request at a time: a node's task parks at its request, and only then may the driver
    /// choose what happens next.
    var carriesRequestsWhileTheNodeWorks: Bool { false }
}

/// One organisation's node: its real store on disk (reopened after a crash), its clock's skew,
/// and a task that runs the real `sync` and `rejoin` when a person asks.
final class SimulatedNode: Sendable {
    /// How an order ended.
    enum Outcome: Sendable {
        /// A sync finished, with its summary.
        case synced(SyncSummary)
        /// A rejoin was accepted.
        case rejoined
        /// The node crashed and restarted from its store.
        case crashed
        /// The node said why it could not.
        case failed(NodeError)
        /// Something no node should ever throw.
        case unexpected(String)
    }

    let code: String
    let path: String
    let environment: NodeEnvironment
    /// Seconds the node's clock is ahead of the simulation's (behind when negative).
    let skew: Shared<TimeInterval>
    private let opened: Shared<NodeStore>
    private let outcome = Shared<Outcome?>(nil)

    /// Opens the node's store at `path`, on the simulation's clock and network, its ids drawn from `seed`.
    init(code: String, path: String, clock: SimulatedClock, scheduler: Scheduler, seed: UInt64) throws {
        let skew = Shared<TimeInterval>(0)
        let ids = Shared(SeededGenerator(seed: seed))
        environment = NodeEnvironment(
            now: { clock.now.addingTimeInterval(skew.current) },
            makeUUID: { date in
                var generator = ids.current
                let id = UUIDv7.make(at: date, using: &generator)
                ids.set(generator)
                return id
            },
            passwordCost: 4,
            hubTransport: SimulatedTransport(node: code, scheduler: scheduler))
        self.code = code
        self.path = path
        self.skew = skew
        opened = Shared(try NodeStore.open(at: path, environment: environment))
    }

    /// The store as the node has it open now.
    var store: NodeStore { opened.current }

    /// What the last order ended with, taken once.
    func takeOutcome() -> Outcome? {
        let last = outcome.current
        outcome.set(nil)
        return last
    }

    /// Waits for orders until told to stop.
    func run(_ scheduler: Scheduler) async {
        while true {
            switch await scheduler.idle(code) {
            case .stop:
                return
            case .sync:
                outcome.set(await attempt { .synced(try await self.store.sync()) })
            case .rejoin(let size, let root):
                outcome.set(await attempt {
                    _ = try await self.store.rejoin(size: size, root: root, by: "simulator")
                    return .rejoined
                })
            }
        }
    }

    private func attempt(_ body: () async throws -> Outcome) async -> Outcome {
        do {
            return try await body()
        } catch is SimulatedCrash {
            do {
                opened.set(try NodeStore.open(at: path, environment: environment))
                return .crashed
            } catch {
                return .unexpected("the store did not reopen after a crash: \(error)")
            }
        } catch let error as NodeError {
            return .failed(error)
        } catch {
            return .unexpected("\(error)")
        }
    }
}
