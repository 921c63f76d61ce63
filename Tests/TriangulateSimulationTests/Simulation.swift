import Foundation
import Hummingbird
import HummingbirdTesting
@testable import TriangulateHub
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol
import TriangulateSync
import TriangulateTestSupport

/// One run of the whole system from one seed: a real hub — its SQLite store on disk and its HTTP
/// routes, in this process — and three to five real nodes running their own `sync` and `rejoin`
/// code against it, with caseworkers writing, sharing, co-editing and withdrawing between any two
/// of their requests. The scheduler decides every interleaving; the seed decides it and every
/// fault: requests lost, answers lost, requests duplicated or delivered late, nodes partitioned,
/// crashing mid-sync and restarting from their stores, clocks skewed, organisations suspended
/// and reinstated while writes are in flight, the hub crashing and restarting, and the hub
/// restored from an older backup, the nodes rejoining on the operator's word. Then the network
/// heals and the invariants are checked (`Simulation+Invariants`).
///
/// The driver alone touches this object's state, and only while every node is parked: the node
/// tasks reach it through the scheduler and their own stores. Hence `@unchecked Sendable`.
final class Simulation: @unchecked Sendable {
    /// What the driver does with the hub when it stops driving it.
    enum HubFate {
        /// The hub process died: start it again on its store as committed.
        case crashed
        /// The operator restored the hub's store from the backup.
        case restored
        /// The run is over.
        case finished
    }

    let seed: UInt64
    let steps: Int
    var random: SeededGenerator
    let directory: URL
    let clock: SimulatedClock
    let scheduler: Scheduler
    /// The nodes, by code order.
    let nodes: [SimulatedNode]
    var hub: Hub
    /// What the caseworkers did, to check the stores against.
    var truth = SimulationTruth()
    /// What went wrong; the run stops at the first.
    var violations: [String] = []
    /// The last events, printed with a violation.
    var trace: [String] = []
    /// How many of each event happened.
    var counts: [String: Int] = [:]
    var step = 0

    // The faults in force.
    var partitioned: Set<String> = []
    var delayed: [HubTransportRequest] = []
    var hasBackup = false
    /// The restored log's size and root, as the hub operator announced them.
    var announcement: (size: UInt64, root: String)?
    /// Nodes that may raise an audit alarm: the hub was restored since they last synced.
    var mayAlarm: Set<String> = []
    /// Nodes that raised the alarm and wait for a person to rejoin.
    var needsRejoin: Set<String> = []

    var hubPath: String { directory.appendingPathComponent(SimulationTemplate.hubFile).path }
    var backupDirectory: URL { directory.appendingPathComponent("backup") }

    /// Sets up seed `seed`'s world under `parent` from `template`.
    init(seed: UInt64, steps: Int, template: SimulationTemplate, under parent: URL) async throws {
        self.seed = seed
        self.steps = steps
        random = SeededGenerator(seed: seed)
        directory = parent.appendingPathComponent("seed-\(seed)")
        try? FileManager.default.removeItem(at: directory)
        try template.copy(to: directory)
        let clock = SimulatedClock(start: Date(timeIntervalSince1970: 1_772_701_200))  // 2026-03-05 09:00 UTC
        let count = Int.random(in: 3...SimulationTemplate.organisations.count, using: &random)
        let scheduler = Scheduler(nodes: count)
        let directory = directory
        nodes = try SimulationTemplate.organisations.prefix(count).sorted().enumerated().map { index, code in
            try SimulatedNode(code: code, path: directory.appendingPathComponent("\(code).sqlite").path, clock: clock,
                              scheduler: scheduler, seed: seed &* 31 &+ UInt64(index))
        }
        self.clock = clock
        self.scheduler = scheduler
        hub = try Self.openHub(at: directory.appendingPathComponent(SimulationTemplate.hubFile).path, clock: clock)
    }

    /// A hub process started on the store at `path`.
    private static func openHub(at path: String, clock: SimulatedClock) throws -> Hub {
        Hub(store: try SQLiteHubStore(path: path, create: false, startedAt: clock.now), now: { clock.now })
    }

    /// Removes the run's files.
    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs the seed: chaos for `steps` events, then healing, then the final invariants. Returns
    /// the first violation, or nil.
    func run() async throws -> String? {
        let tasks = nodes.map { node in Task { await node.run(self.scheduler) } }
        var fate = HubFate.crashed
        while fate != .finished {
            let app = Application(router: HubRoutes.router(for: hub, logger: hub.logger))
            fate = try await app.test(.router) { client in try await self.drive(client) }
            switch fate {
            case .crashed:
                hub = try Self.openHub(at: hubPath, clock: clock)
            case .restored:
                try await restoreHub()
            case .finished:
                break
            }
        }
        await stopNodes()
        for task in tasks { await task.value }
        if violations.isEmpty { await checkFinalInvariants() }
        // A replayed seed prints every event; a failure among thousands, its last few.
        let shown = SimulationTests.environment["TRIANGULATE_SIM_SEED"] == nil ? Array(trace.suffix(16)) : trace
        return violations.first.map { "\($0)\n  events: \(shown.joined(separator: "\n    "))" }
    }

    // MARK: Driving

    private func drive(_ client: some TestClientProtocol) async throws -> HubFate {
        while true {
            await scheduler.quiescent()
            inspectOutcomes()
            guard violations.isEmpty else { return .finished }
            guard step < steps else {
                try await settle(client)
                return .finished
            }
            step += 1
            clock.advance(by: Double.random(in: 0...4, using: &random))
            if let fate = try await chaosEvent(client) { return fate }
        }
    }

    /// One event chosen by the seed among those possible now; a fate when the hub stops.
    private func chaosEvent(_ client: some TestClientProtocol) async throws -> HubFate? {
        let requests = scheduler.requests
        let idle = scheduler.idle
        var choices: [(weight: Int, name: String)] = [(24, "write"), (2, "partition"), (2, "skew"), (1, "tick"), (2, "status"), (1, "hub-crash"), (1, "backup")]
        if !requests.isEmpty { choices.append((40, "deliver")) }
        if !idle.isEmpty { choices.append((18, "sync")) }
        if !delayed.isEmpty { choices.append((2, "late")) }
        if hasBackup { choices.append((1, "restore")) }
        let name = pick(choices)
        count(name)
        switch name {
        case "deliver":
            let (node, request) = requests.randomElement(using: &random)!
            await deliverWithFaults(node, request, client)
        case "sync":
            startSync(idle.randomElement(using: &random)!)
        case "write":
            write(by: nodes.randomElement(using: &random)!)
        case "partition":
            let node = nodes.randomElement(using: &random)!.code
            if partitioned.remove(node) == nil { partitioned.insert(node) }
            note("\(node) \(partitioned.contains(node) ? "cut off" : "reconnected")")
        case "skew":
            let node = nodes.randomElement(using: &random)!
            // Mostly within the signatures' five minutes; now and then far outside them.
            let skew = Int.random(in: 0..<20, using: &random) == 0 ? Double.random(in: -7_200...7_200, using: &random)
                : Double.random(in: -240...240, using: &random)
            node.skew.set(skew)
            note("\(node.code) clock \(Int(skew)) s")
        case "tick":
            clock.advance(by: Double.random(in: 60...1_200, using: &random))
        case "status":
            try await changeStatus()
        case "late":
            let request = delayed.remove(at: Int.random(in: 0..<delayed.count, using: &random))
            _ = try? await client.deliver(request)
            note("late request \(request.target) delivered")
        case "backup":
            try takeBackup()
        case "restore":
            note("hub restored from backup")
            return .restored
        default:
            note("hub crashed")
            return .crashed
        }
        return nil
    }

    private func pick(_ choices: [(weight: Int, name: String)]) -> String {
        var roll = Int.random(in: 0..<choices.reduce(0) { $0 + $1.weight }, using: &random)
        for choice in choices {
            if roll < choice.weight { return choice.name }
            roll -= choice.weight
        }
        return choices[choices.count - 1].name
    }

    func note(_ event: String) {
        trace.append("\(step): \(event)")
    }

    func count(_ event: String) { counts[event, default: 0] += 1 }

    func violation(_ text: String) { violations.append("seed \(seed), step \(step): \(text)") }

    // MARK: The network

    /// What happens to a parked request: mostly delivered, else lost on the way there or back,
    /// sent twice, held back to arrive late, or the node crashes before or after it left.
    private func deliverWithFaults(_ node: String, _ request: HubTransportRequest, _ client: some TestClientProtocol) async {
        let unreachable = NodeError(.hubUnreachable, "cannot reach the hub (simulated)")
        if partitioned.contains(node) {
            note("\(node) \(request.target): cut off")
            return scheduler.answer(node, with: .failure(unreachable))
        }
        let roll = Int.random(in: 0..<100, using: &random)
        let fault = roll < 72 ? "" : roll < 77 ? "lost" : roll < 82 ? "answer lost" : roll < 86 ? "duplicated" : roll < 89 ? "delayed"
            : roll < 94 ? "crash before" : "crash after"
        note("\(node) \(request.method) \(request.target.prefix(40)) \(fault)")
        if !fault.isEmpty { count(fault) }
        switch fault {
        case "lost":
            scheduler.answer(node, with: .failure(unreachable))
        case "delayed":
            delayed.append(request)
            scheduler.answer(node, with: .failure(unreachable))
        case "crash before":
            scheduler.answer(node, with: .failure(SimulatedCrash()))
        default:
            let answer = await captured { try await client.deliver(request) }
            if fault == "duplicated" { _ = try? await client.deliver(request) }
            scheduler.answer(node, with: fault == "answer lost" ? .failure(unreachable) : fault == "crash after" ? .failure(SimulatedCrash()) : answer)
        }
    }

    // MARK: The people

    /// A person asks `node` to sync — or, after the alarm of a restored hub, to rejoin it.
    func startSync(_ node: String) {
        if needsRejoin.contains(node), let announcement {
            note("\(node) rejoin")
            scheduler.order(node, .rejoin(size: announcement.size, root: announcement.root))
        } else {
            note("\(node) sync")
            scheduler.order(node, .sync)
        }
    }

    /// The hub operator suspends an active organisation, or reinstates a suspended one.
    private func changeStatus() async throws {
        let organisations = try await hub.store.organisations().filter { code in nodes.contains { $0.code == code.code } }
        let suspended = organisations.filter { $0.status != "active" }
        if let back = suspended.first {
            try await hub.setStatus(of: back.code, to: "active")
            note("\(back.code) reinstated")
        } else if let target = organisations.randomElement(using: &random) {
            try await hub.setStatus(of: target.code, to: "suspended")
            note("\(target.code) suspended")
        }
    }

    /// Copies the hub's committed files aside, as `ops/hub/backup.sh` would (no request is in
    /// the hub while the driver acts).
    private func takeBackup() throws {
        try? FileManager.default.removeItem(at: backupDirectory)
        try FileManager.default.createDirectory(at: backupDirectory, withIntermediateDirectories: true)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: hubPath + suffix) {
            try FileManager.default.copyItem(atPath: hubPath + suffix, toPath: backupDirectory.appendingPathComponent("hub.sqlite" + suffix).path)
        }
        hasBackup = true
        note("hub backed up")
    }

    /// Puts the backup in place of the hub's store and starts the hub on it; the operator
    /// announces the restored log's size and root, and every node may now alarm.
    private func restoreHub() async throws {
        hub = Hub(store: try SQLiteHubStore.inMemory())  // the old process is gone, its files closed
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: hubPath + suffix) }
        for suffix in ["", "-wal"] {
            let saved = backupDirectory.appendingPathComponent("hub.sqlite" + suffix).path
            if FileManager.default.fileExists(atPath: saved) { try FileManager.default.copyItem(atPath: saved, toPath: hubPath + suffix) }
        }
        hub = try Self.openHub(at: hubPath, clock: clock)
        let checkpoint = try await hub.auditCheckpoint()
        announcement = (checkpoint.size, checkpoint.root)
        mayAlarm = Set(nodes.map(\.code))
        count("restored")
    }

    // MARK: What the nodes said

    /// Reads what each node's last order ended with, and checks it: no node alarms unless the
    /// hub really lost history since it last synced, nothing arrives that it should not hold.
    func inspectOutcomes() {
        for node in nodes {
            if let outcome = node.takeOutcome() { inspect(outcome, of: node) }
        }
    }

    /// Checks one outcome of `node`'s last order.
    private func inspect(_ outcome: SimulatedNode.Outcome, of node: SimulatedNode) {
        switch outcome {
        case .synced(let summary):
            mayAlarm.remove(node.code)
            if let alarm = summary.rejected.first(where: { $0.contains("ALARM") }) { violation("\(node.code) rejected an item: \(alarm)") }
            checkHoldings(of: node)
        case .rejoined:
            needsRejoin.remove(node.code)
            mayAlarm.remove(node.code)
            count("rejoined")
        case .crashed:
            count("node crashed")
        case .failed(let error):
            switch error.code {
            case .hubUnreachable, .hubRefused:
                break
            case .auditAlarm where mayAlarm.contains(node.code):
                needsRejoin.insert(node.code)
                count("alarm after restore")
            case .invalidInput where needsRejoin.contains(node.code) && error.message.contains("nothing to rejoin"):
                needsRejoin.remove(node.code)
                mayAlarm.remove(node.code)
            default:
                violation("\(node.code) failed: \(error.code) \(error.message)")
            }
        case .unexpected(let text):
            violation("\(node.code) threw what no node should: \(text)")
        }
    }

    // MARK: Ending

    /// Heals every fault — partitions, skews, late requests, suspensions — and has the nodes
    /// sync, requests delivered faithfully, until nothing moves: a round in which no sync sent
    /// anything and no node has anything waiting to go. After a round in which something was
    /// sent, every node syncs again (it may be addressed to any of them).
    private func settle(_ client: some TestClientProtocol) async throws {
        note("healing")
        partitioned = []
        for node in nodes { node.skew.set(0) }
        delayed = []
        for organisation in try await hub.store.organisations() where organisation.status != "active" {
            try await hub.setStatus(of: organisation.code, to: "active")
        }
        for node in nodes {
            await runToIdle(node, client)
            if let outcome = node.takeOutcome() { inspect(outcome, of: node) }
        }
        var due = nodes
        var moving: [String] = []
        var resolutions = 0
        for round in 0..<16 {
            var sent = false
            moving = []
            for node in due {
                clock.advance(by: 1)
                startSync(node.code)
                await runToIdle(node, client)
                let outcome = node.takeOutcome()
                switch outcome {
                case .synced(let summary)? where summary.sentNothing:
                    break
                default:
                    sent = true
                    moving.append("\(node.code): \(outcome.map { "\($0)" } ?? "nothing")")
                }
                if let outcome { inspect(outcome, of: node) }
                guard violations.isEmpty else { return }
            }
            var waiting = try nodes.filter { node in try !node.store.outgoingPush(key: node.store.signingKey()).request.isEmpty }
            if !sent && waiting.isEmpty {
                // Conflicting agendas wait for a person: each owner resolves those it sees, once.
                let resolved = try resolveConflicts()
                if resolved.isEmpty || resolutions == 2 {
                    note("settled after \(round + 1) rounds")
                    return
                }
                resolutions += 1
                waiting = resolved
            }
            due = sent ? nodes : waiting
        }
        violation("the nodes did not settle: after 16 rounds of syncing without faults, something still moves: \(moving.joined(separator: "; "))")
    }

    /// Delivers `node`'s requests faithfully until it is idle.
    private func runToIdle(_ node: SimulatedNode, _ client: some TestClientProtocol) async {
        while true {
            await scheduler.quiescent()
            guard let parked = scheduler.requests.first(where: { $0.node == node.code }) else { return }
            scheduler.answer(node.code, with: await captured { try await client.deliver(parked.request) })
        }
    }

    /// Stops every node's task, failing any request still parked.
    private func stopNodes() async {
        while true {
            await scheduler.quiescent()
            let requests = scheduler.requests
            let idle = scheduler.idle
            if requests.isEmpty && idle.isEmpty { return }
            for (node, _) in requests { scheduler.answer(node, with: .failure(NodeError(.hubUnreachable, "the simulation is over"))) }
            if requests.isEmpty { for node in idle { scheduler.order(node, .stop) } }
            _ = nodes.map { $0.takeOutcome() }
        }
    }
}

extension SyncSummary {
    /// Whether the sync sent nothing to the hub.
    var sentNothing: Bool {
        sharesSent == 0 && batchesSent == 0 && withdrawalsSent == 0 && purgesAcknowledged == 0
    }
}

/// The result of an async body, its error included.
func captured<Success>(_ body: () async throws -> Success) async -> Result<Success, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
