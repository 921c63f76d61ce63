import Foundation
import Testing

/// The whole system under a seeded simulator (`Simulation`): thousands of seeds, each a hub and
/// three to five nodes through a schedule of faults, then healed and checked. A failure prints
/// its seed; `TRIANGULATE_SIM_SEED=S` replays it, `TRIANGULATE_SIM_SEEDS=N` runs N seeds (CI:
/// 10,000), `TRIANGULATE_SIM_FIRST=F` starts from seed F and `TRIANGULATE_SIM_STEPS=K` gives each
/// K events before healing (default 24); `TRIANGULATE_SIM_MINUTES=M` stops starting seeds after M
/// minutes, for a long run as large as the time allows. It prints how many seeds ran and how often
/// each event and fault happened.
@Suite("The whole system under a seeded simulator")
struct SimulationTests {
    static let environment = ProcessInfo.processInfo.environment

    static var seeds: [UInt64] {
        if let seed = environment["TRIANGULATE_SIM_SEED"].flatMap(UInt64.init) { return [seed] }
        let first = environment["TRIANGULATE_SIM_FIRST"].flatMap(UInt64.init) ?? 1
        let count = environment["TRIANGULATE_SIM_SEEDS"].flatMap(UInt64.init) ?? 10_000
        return Array(first..<(first + count))
    }

    static var steps: Int { environment["TRIANGULATE_SIM_STEPS"].flatMap(Int.init) ?? 24 }

    /// When to stop starting seeds, if the run has a time budget.
    static var deadline: ContinuousClock.Instant? {
        environment["TRIANGULATE_SIM_MINUTES"].flatMap(Double.init).map { .now + .seconds($0 * 60) }
    }

    @Test func everySeedKeepsTheInvariants() async throws {
        let scratch = SimulationTemplate.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let template = try await SimulationTemplate.make(under: scratch)
        let seeds = Self.seeds
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        let started = Date()
        let deadline = Self.deadline
        let outcome = try await withThrowingTaskGroup(of: Lane.self) { group in
            for index in 0..<lanes {
                group.addTask {
                    var lane = Lane()
                    for seed in stride(from: index, to: seeds.count, by: lanes).map({ seeds[$0] }) {
                        if let deadline, ContinuousClock.now >= deadline { break }
                        lane.seeds += 1
                        let simulation = try await Simulation(seed: seed, steps: Self.steps, template: template, under: scratch)
                        defer { simulation.remove() }
                        let failure = try await simulation.run()
                        lane.counts.merge(simulation.counts, uniquingKeysWith: +)
                        if let failure {
                            lane.failures.append(failure)
                            if lane.failures.count == 3 { break }
                        }
                    }
                    return lane
                }
            }
            return try await group.reduce(into: Lane()) { total, lane in
                total.seeds += lane.seeds
                total.failures += lane.failures
                total.counts.merge(lane.counts, uniquingKeysWith: +)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("simulation: \(outcome.seeds) seeds of \(Self.steps) events in \(String(format: "%.1f", seconds)) s, \(outcome.failures.count) failed; "
              + outcome.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(outcome.failures.isEmpty, "replay one with TRIANGULATE_SIM_SEED=S:\n\(outcome.failures.joined(separator: "\n"))")
    }

    /// What one lane of seeds found: how many it ran, its failures, and how often each event and
    /// fault happened.
    struct Lane: Sendable {
        var seeds = 0
        var failures: [String] = []
        var counts: [String: Int] = [:]
    }
}

