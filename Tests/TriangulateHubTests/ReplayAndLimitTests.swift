import TriangulateModel
import Foundation
import Synchronization
import Testing
@testable import TriangulateHub
import TriangulateProtocol

/// Replay is judged by a request's own signed time, whenever it arrives; each organisation's
/// requests are rate-limited; refusals are logged as codes and counts.
@Suite("Replay, rate limits and refusals")
struct ReplayAndLimitTests {
    /// A hub whose clock the test moves.
    final class Clock: Sendable {
        let offset = Mutex<TimeInterval>(0)
        let base = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down) + 1)
        var now: Date { base.addingTimeInterval(offset.withLock { $0 }) }
        func set(_ seconds: TimeInterval) { offset.withLock { $0 = seconds } }
    }

    /// A request signed 299 s ahead of the hub's clock is accepted once and refused at every
    /// later moment until it is stale: the nonce outlives the signed time plus the skew.
    @Test func aRequestIsAcceptedOnceWithinTheSkewOfItsSignedTime() async throws {
        let clock = Clock()
        let hub = Hub(store: try SQLiteHubStore.inMemory(), now: { clock.now })
        let token = try await hub.addOrganisation(code: "CQC", name: "CQC", role: "signatory")
        let key = NodeSigningKey()
        _ = try await hub.enrol(try EnrolmentRequest(token: token, key: key))
        let signedAt = clock.base.addingTimeInterval(599)
        let signature = try RequestSignature.sign(method: "GET", path: "/v1/inbox", body: Data(), key: key, at: signedAt)
        clock.set(300)  // the node's clock runs 299 s ahead
        #expect(try await hub.authenticate(signature, method: "GET", path: "/v1/inbox", body: Data()) == "CQC")
        for later in stride(from: 301.0, through: 1_200, by: 37) + [899, 900, 901] {
            clock.set(later)
            await #expect(throws: HubError.self, "replayed \(later - 300) s later") {
                try await hub.authenticate(signature, method: "GET", path: "/v1/inbox", body: Data())
            }
        }
    }

    @Test func eachOrganisationHasItsAllowance() {
        let limiter = RateLimiter(rate: 2, burst: 20)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect((0..<20).allSatisfy { _ in limiter.admit("CQC", at: start) })
        #expect(!limiter.admit("CQC", at: start))
        #expect(limiter.admit("NMC", at: start), "another organisation's allowance is its own")
        #expect(limiter.admit("CQC", at: start.addingTimeInterval(0.5)) && !limiter.admit("CQC", at: start.addingTimeInterval(0.5)))
    }

    @Test func refusalsAreLoggedAsCodesOrCounts() throws {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let few = (0..<3).map { Refusal(kind: "batch", share: "s\($0)", code: .notInAudience, reason: "secret words \($0)") }
        let single = AuditEvents.refusals(few, unexamined: 0, by: "NMC", documents: [:], at: at)
        #expect(single.count == 3 && single.allSatisfy { $0.detail == ["kind": "batch", "code": "not-in-audience"] })
        let many = (0..<500).map { Refusal(kind: $0 % 2 == 0 ? "withdrawal" : "purge", share: "", code: .noSuchShareYet, reason: "x") }
        let counted = AuditEvents.refusals(many, unexamined: 19_500, by: "NMC", documents: [:], at: at)
        #expect(counted.count == 1)
        #expect(counted[0].detail == ["withdrawal.no-such-share-yet": "250", "purge.no-such-share-yet": "250", "unexamined": "19500"])
        #expect(!String(decoding: counted[0].encoded() + single[0].encoded(), as: UTF8.self).contains("secret"))
    }
}
