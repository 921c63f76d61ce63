import Foundation
import TriangulateHub
import TriangulateModel
import TriangulateProtocol

/// Issue 5's benchmarks on a hub store on disk: appending to the audit log (batched, each batch
/// one durable transaction with its signed checkpoint), the size and verification time of an
/// inclusion proof at `entries` entries, and `who-received` over that many.
struct AuditBenchmarks {
    let entries: Int
    let batch: Int

    func run() async throws -> AuditFigures {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteHubStore(path: directory.appendingPathComponent("hub.sqlite").path)
            let watched = UUID().uuidString.lowercased()
            let watchedHash = store.documentHash(watched)
            let at = Date()
            progress("(audit) appending \(entries) entries, \(batch) per durable transaction")
            let appending = try await measureAsync {
                var index = 0
                while index < entries {
                    let count = min(batch, entries - index)
                    let chunk = (index..<index + count).map { number in
                        AuditEntry(event: "delivered", at: at, actor: "ORG\(number % 50)", subject: "ORG\((number + 1) % 50)",
                                   share: "01a2\(String(format: "%028x", number))",
                                   document: number % 100_000 == 7 ? watchedHash : sha256Hex(Data("document \(number / 5)".utf8)),
                                   message: Int64(number), detail: ["kind": "batch"])
                    }
                    try await store.appendAudit(chunk)
                    index += count
                    if index % 100_000 == 0 { progress("(audit) \(index) entries") }
                }
            }
            let hub = Hub(store: store)
            let size = UInt64(entries)
            progress("(audit) proofs at \(entries) entries")
            var proof = AuditProof(hashes: [])
            // Best of a hundred, each a fresh request to the store as a node's would be.
            var proving = Duration.seconds(3_600), consistency = Duration.seconds(3_600)
            for round in 0..<100 {
                let index = (size / 3 + UInt64(round) * 9_973) % size
                proving = min(proving, try await measureAsync { proof = try await hub.inclusionProof(index: index, size: size) })
                consistency = min(consistency, try await measureAsync { _ = try await hub.consistencyProof(from: size - 1 - UInt64(round), to: size) })
            }
            proof = try await hub.inclusionProof(index: size / 3, size: size)
            let checkpoint = try await store.auditCheckpoint()
            let leaf = try await store.auditEntries(from: size / 3, limit: 1)[0].hash
            let hashes = proof.bytes
            let rounds = 1_000
            var verified = true
            let verifying = measure {
                for _ in 0..<rounds {
                    verified = verified && MerkleTree.verifyInclusion(index: size / 3, size: size, leaf: leaf, proof: hashes, root: checkpoint.rootBytes)
                }
            }
            var received: [AuditEntry] = []
            let verifier = AuditVerifier(store: store)
            let asking = try await measureAsync { received = try await verifier.whoReceived(document: watched) }
            return AuditFigures(
                appends: .atLeast(Double(entries) / appending.seconds, 10_000, "entries/s"),
                entriesPerDurableTransaction: batch,
                inclusionProofBytes: .atMost(Double(hashes.count * 32), 1_024, "bytes"),
                inclusionProofHashes: hashes.count,
                inclusionProofVerification: .atMost(verifying.seconds / Double(rounds) * 1_000, 1, "ms", digits: 10_000),
                inclusionProofVerified: verified,
                inclusionProofGeneration: .atMost(proving.seconds * 1_000, 1, "ms", digits: 1_000),
                consistencyProofGeneration: .atMost(consistency.seconds * 1_000, 1, "ms", digits: 1_000),
                whoReceived: .atMost(asking.seconds * 1_000, 10, "ms"),
                whoReceivedDeliveries: received.count,
                entries: entries)
        }
    }
}
