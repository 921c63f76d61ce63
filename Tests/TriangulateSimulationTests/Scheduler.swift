import Foundation
import Synchronization
import TriangulateNode

/// Decides every interleaving of a simulation. Each node runs as a task of its own, the real
/// node code, and stops — parks — wherever it would wait on the world: for a person to ask it
/// to sync (`idle`), or for the hub to answer a request (`request`). The simulation's driver
/// waits until every node is parked (`quiescent`), then chooses, from its seed, what happens
/// next: one node goes on (`order`, `answer`), or the driver acts itself. So at most one piece
/// of code runs at any moment, and the seed alone decides the order.
final class Scheduler: Sendable {
    /// What a parked node waits for.
    enum Parked {
        /// A person's order.
        case idle(CheckedContinuation<Order, Never>)
        /// The hub's answer to a request.
        case request(HubTransportRequest, CheckedContinuation<HubTransportAnswer, any Error>)
    }

    /// What a person asks an idle node to do.
    enum Order: Sendable {
        /// Sync with the hub (`triangulate sync`).
        case sync
        /// Rejoin a hub restored from a backup, with the size and root its operator announced.
        case rejoin(size: UInt64, root: String)
        /// Stop: the simulation is over.
        case stop
    }

    private struct State {
        var running: Int
        var parked: [String: Parked] = [:]
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state: Mutex<State>

    /// A scheduler for `nodes` tasks, which start running.
    init(nodes: Int) {
        state = Mutex(State(running: nodes))
    }

    // MARK: The nodes' side

    /// Parks `node` until a person gives it an order.
    func idle(_ node: String) async -> Order {
        await withCheckedContinuation { continuation in park(node, .idle(continuation)) }
    }

    /// Parks `node`'s request until the driver delivers it (or fails it).
    func request(_ node: String, _ request: HubTransportRequest) async throws -> HubTransportAnswer {
        try await withCheckedThrowingContinuation { continuation in park(node, .request(request, continuation)) }
    }

    private func park(_ node: String, _ parked: Parked) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            precondition(state.parked[node] == nil, "\(node) parked twice")
            state.parked[node] = parked
            state.running -= 1
            guard state.running == 0, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    // MARK: The driver's side

    /// Returns once every node is parked.
    func quiescent() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.running == 0 { return true }
                state.waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// The nodes parked idle, in order.
    var idle: [String] {
        state.withLock { state in state.parked.compactMap { if case .idle = $0.value { $0.key } else { nil } }.sorted() }
    }

    /// The nodes parked at a request, in order, with their requests.
    var requests: [(node: String, request: HubTransportRequest)] {
        state.withLock { state in
            state.parked.compactMap { node, parked in if case .request(let request, _) = parked { (node, request) } else { nil } }
                .sorted { $0.node < $1.node }
        }
    }

    /// Gives idle `node` an order and lets it run (`stop` ends its task: it never parks again).
    func order(_ node: String, _ order: Order) {
        let stopping = if case .stop = order { true } else { false }
        guard case .idle(let continuation) = take(node, running: !stopping) else { preconditionFailure("\(node) is not idle") }
        continuation.resume(returning: order)
    }

    /// Answers `node`'s parked request, or fails it, and lets the node run.
    func answer(_ node: String, with result: Result<HubTransportAnswer, any Error>) {
        guard case .request(_, let continuation) = take(node) else { preconditionFailure("\(node) has no request parked") }
        continuation.resume(with: result)
    }

    private func take(_ node: String, running: Bool = true) -> Parked? {
        state.withLock { state in
            let parked = state.parked.removeValue(forKey: node)
            if parked != nil, running { state.running += 1 }
            return parked
        }
    }
}
