import Foundation
import TriangulateModel
import TriangulateProtocol

/// The nonces of requests that could still be accepted, in memory, for a hub that runs as one
/// process. A request is accepted only within the allowed skew of its own signed time, so its
/// nonce is kept until that time plus the skew — whenever it arrived. Requests signed before
/// the memory started are refused: their nonces may have been used already.
final class NonceMemory: @unchecked Sendable {
    private let lock = NSLock()
    private let startedAt: Date
    private var expiries: [String: Date] = [:]
    private var lastSweep = Date.distantPast

    init(startedAt: Date) {
        // Whole seconds, as request timestamps are.
        self.startedAt = Date(timeIntervalSince1970: startedAt.timeIntervalSince1970.rounded(.down))
    }

    func use(_ nonce: String, keyID: String, signedAt: Date, at: Date) -> Bool {
        lock.withLock {
            guard signedAt >= startedAt else { return false }
            let skew = TimeInterval(RequestSignature.allowedSkew)
            if at.timeIntervalSince(lastSweep) > skew / 2 {
                expiries = expiries.filter { $0.value >= at }
                lastSweep = at
            }
            let key = keyID + ":" + nonce
            guard expiries[key] == nil else { return false }
            expiries[key] = signedAt.addingTimeInterval(skew)
            return true
        }
    }
}
