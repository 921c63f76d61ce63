import Foundation

/// Counts, per organisation, what the hub has accepted for it, and wakes the long-polling inbox
/// requests of exactly those organisations as soon as something new may be addressed to them.
public final class DeliverySignal: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: UInt64] = [:]
    private var waiters: [String: [UUID: CheckedContinuation<Void, Never>]] = [:]

    /// Makes a signal.
    public init() {}

    /// How many times something was accepted that may concern `organisation`.
    public func generation(of organisation: String) -> UInt64 { lock.withLock { counts[organisation] ?? 0 } }

    /// Says something was accepted that may concern these organisations, and wakes their waiters.
    func fire(for organisations: Set<String>) {
        let woken = lock.withLock {
            organisations.flatMap { organisation -> [CheckedContinuation<Void, Never>] in
                counts[organisation, default: 0] &+= 1
                return Array((waiters.removeValue(forKey: organisation) ?? [:]).values)
            }
        }
        for continuation in woken { continuation.resume() }
    }

    /// Waits until `organisation`'s generation moves past `generation`, or until `deadline`.
    func wait(for organisation: String, after generation: UInt64, until deadline: ContinuousClock.Instant) async {
        let id = UUID()
        let timeout = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            self.resume(organisation, id)
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = lock.withLock { () -> Bool in
                if (counts[organisation] ?? 0) != generation || ContinuousClock.now >= deadline { return true }
                waiters[organisation, default: [:]][id] = continuation
                return false
            }
            if now { continuation.resume() }
        }
        timeout.cancel()
    }

    private func resume(_ organisation: String, _ id: UUID) {
        let continuation = lock.withLock { waiters[organisation]?.removeValue(forKey: id) }
        continuation?.resume()
    }
}
