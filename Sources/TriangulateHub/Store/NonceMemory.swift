import Foundation
import TriangulateProtocol

/// The nonces of the last few minutes, in memory, for a hub that runs as one process. Requests
/// signed before the memory started are refused: their nonces may have been used already.
final class NonceMemory: @unchecked Sendable {
    private let lock = NSLock()
    private let startedAt: Date
    private var seen: [String: Date] = [:]
    private var lastSweep = Date.distantPast

    init(startedAt: Date) {
        // Whole seconds, as request timestamps are.
        self.startedAt = Date(timeIntervalSince1970: startedAt.timeIntervalSince1970.rounded(.down))
    }

    func use(_ nonce: String, keyID: String, signedAt: Date, at: Date) -> Bool {
        lock.withLock {
            guard signedAt >= startedAt else { return false }
            let window = 2 * TimeInterval(RequestSignature.allowedSkew)
            if at.timeIntervalSince(lastSweep) > window / 2 {
                seen = seen.filter { at.timeIntervalSince($0.value) < window }
                lastSweep = at
            }
            let key = keyID + ":" + nonce
            guard seen[key] == nil else { return false }
            seen[key] = at
            return true
        }
    }
}
