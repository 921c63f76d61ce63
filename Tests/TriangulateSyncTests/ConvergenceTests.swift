import TriangulateModel
import Foundation
import Testing
import TriangulateSync

/// Convergence over random schedules: 2–6 replicas editing offline with clocks up to ±7 days
/// apart, batches delivered late, out of order, twice or never, across partitions. After the
/// network heals, every replica holds the same documents, conflict sets included, and the same
/// as applying every change once, in any order, to an empty document.
///
/// `TRIANGULATE_SCHEDULES=N` changes how many schedules run (CI runs 10,000);
/// `TRIANGULATE_SEED=S` replays one.
@Suite("Convergence")
struct ConvergenceTests {
    static let day: UInt64 = 24 * 60 * 60 * 1000

    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["TRIANGULATE_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["TRIANGULATE_SCHEDULES"].flatMap(Int.init) ?? 10_000
        return (0..<UInt64(count)).map { 0x5EED_0000 + $0 }
    }

    @Test func randomSchedulesConverge() {
        var failures: [UInt64] = []
        for seed in Self.seeds where !Self.converges(seed: seed) {
            failures.append(seed)
            if failures.count == 5 { break }
        }
        #expect(failures.isEmpty, "schedules that did not converge; replay with TRIANGULATE_SEED=\(failures.first ?? 0): \(failures)")
    }

    /// Runs one schedule and says whether it converged.
    static func converges(seed: UInt64) -> Bool {
        var random = SeededGenerator(seed: seed)
        let replicaCount = Int.random(in: 2...6, using: &random)
        var replicas = (0..<replicaCount).map { Replica(id: ReplicaID("r\($0)")) }
        let skews = (0..<replicaCount).map { _ in Int64.random(in: -7 * Int64(day)...7 * Int64(day), using: &random) }
        let documents = ["panel", "action", "answer"].prefix(Int.random(in: 1...3, using: &random))
        let fields = ["minutes", "status", "owner"]
        let elements = ["CQC", "NMC", "GMC", "LGSCO"]
        var now: UInt64 = 1_800_000_000_000
        var inFlight: [(to: Int, batch: [Change])] = []
        var partition: [Int]? = nil  // group of each replica while partitioned
        var everything: [Change] = []

        func wall(_ replica: Int) -> UInt64 { UInt64(Int64(now) + skews[replica]) }

        for _ in 0..<Int.random(in: 10...60, using: &random) {
            now += UInt64.random(in: 0...5_000, using: &random)
            let replica = Int.random(in: 0..<replicaCount, using: &random)
            let document = documents.randomElement(using: &random) ?? "panel"
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30:
                let value = Bool.random(using: &random) ? "v\(Int.random(in: 0..<5, using: &random))" : nil
                everything.append(replicas[replica].assign(value, to: fields.randomElement(using: &random) ?? "status", of: document, wall: wall(replica)))
            case 30..<45:
                everything.append(replicas[replica].add(elements.randomElement(using: &random) ?? "CQC", to: "attendees", of: document, wall: wall(replica)))
            case 45..<55:
                everything.append(replicas[replica].remove(elements.randomElement(using: &random) ?? "CQC", from: "attendees", of: document, wall: wall(replica)))
            case 55..<57:
                everything.append(replicas[replica].purge(document, wall: wall(replica)))
            case 57..<75:
                let target = Int.random(in: 0..<replicaCount, using: &random)
                if let partition, partition[replica] != partition[target] { break }
                inFlight.append((target, replicas[replica].changes(since: replicas[target].vector)))
            case 75..<93:
                guard !inFlight.isEmpty else { break }
                let index = Int.random(in: 0..<inFlight.count, using: &random)
                let message = inFlight[index]
                if Int.random(in: 0..<4, using: &random) != 0 { inFlight.remove(at: index) }  // else delivered again later
                if Int.random(in: 0..<6, using: &random) == 0 { break }  // lost
                guard (try? replicas[message.to].apply(message.batch, wall: wall(message.to))) != nil else { return false }
            default:
                partition = partition == nil ? (0..<replicaCount).map { _ in Int.random(in: 0..<2, using: &random) } : nil
            }
        }

        // The network heals: every replica sends everything to every other, twice round.
        for _ in 0..<2 {
            for from in 0..<replicaCount {
                for to in 0..<replicaCount where to != from {
                    let batch = replicas[from].changes(since: replicas[to].vector)
                    guard (try? replicas[to].apply(batch, wall: wall(to))) != nil else { return false }
                }
            }
        }
        let views = replicas.map(\.views)
        guard views.allSatisfy({ $0 == views[0] }) else { return false }

        // The same as every change applied once, shuffled, to empty documents.
        var oracle: [String: DocumentState] = [:]
        for change in everything.shuffled(using: &random) { oracle[change.document, default: DocumentState()].apply(change) }
        return oracle.mapValues(\.view) == views[0]
    }
}
