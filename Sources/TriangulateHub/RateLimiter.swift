import Foundation

/// Each organisation's allowance of requests, as a token bucket: `rate` a second on average, up
/// to `burst` at once. Kept in memory by each hub process, so a hub of several processes allows
/// each organisation that much per process.
final class RateLimiter: @unchecked Sendable {
    /// Requests a second, on average.
    let rate: Double
    /// Requests at once.
    let burst: Double
    private let lock = NSLock()
    private var buckets: [String: (tokens: Double, at: Date)] = [:]

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// Takes one request from `organisation`'s allowance; false when it has none left.
    func admit(_ organisation: String, at now: Date) -> Bool {
        lock.withLock {
            let bucket = buckets[organisation] ?? (burst, now)
            let elapsed = max(0, now.timeIntervalSince(bucket.at))
            let tokens = min(burst, bucket.tokens + elapsed * rate)
            guard tokens >= 1 else {
                buckets[organisation] = (tokens, now)
                return false
            }
            buckets[organisation] = (tokens - 1, now)
            return true
        }
    }
}
