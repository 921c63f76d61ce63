import Foundation
import TriangulateProtocol

/// What the console reads from the audit log, each entry with its inclusion in the latest
/// signed checkpoint proved and checked here, as an auditor would: the proof comes from the
/// stored tree, the check from RFC 9162's algorithm, against a checkpoint whose signature is
/// checked with the hub's key.
struct ConsoleAudit {
    let hub: Hub

    /// An entry of the log and whether its inclusion proof checks against the checkpoint.
    struct CheckedEntry: Sendable {
        let index: UInt64
        let entry: AuditEntry
        let included: Bool
    }

    /// The latest checkpoint, and whether the hub's key signed it.
    func checkpoint() async throws -> (checkpoint: SignedCheckpoint, signed: Bool) {
        let checkpoint = try await hub.store.auditCheckpoint()
        return (checkpoint, checkpoint.isSigned(by: hub.store.hubKey))
    }

    /// What a search of the log found: the first `shownAtMost` entries in log order, each with its
    /// proof checked, how many there are in all, and how many of them are deliveries.
    struct Found: Sendable {
        let entries: [CheckedEntry]
        let total: Int
        let deliveries: Int
    }

    /// The most entries a search proves and shows: the rest are counted.
    static let shownAtMost = 500

    /// Every delivery of document `id`, and every other entry about it, oldest first.
    func aboutDocument(_ id: String, checkpoint: SignedCheckpoint) async throws -> Found {
        try await found(hub.store.auditEntries(aboutDocument: hub.store.documentHash(id)), checkpoint: checkpoint)
    }

    /// What `organisation` sent and received, had refused and had withdrawn, from `from` up to
    /// (not including) `to`.
    func activity(of organisation: String, from: Date?, to: Date?, checkpoint: SignedCheckpoint) async throws -> Found {
        var found: [StoredAuditEntry] = []
        var next: UInt64 = 0
        while next < checkpoint.size {
            let batch = try await hub.store.auditEntries(from: next, limit: 10_000)
            guard let last = batch.last else { break }
            for stored in batch where stored.index < checkpoint.size {
                guard let entry = try? AuditEntry(decoding: stored.entry) else { continue }
                if (entry.actor == organisation || entry.subject == organisation) && from.map({ entry.at >= $0 }) ?? true
                    && to.map({ entry.at < $0 }) ?? true {
                    found.append(stored)
                }
            }
            next = last.index + 1
        }
        return try await self.found(found, checkpoint: checkpoint)
    }

    /// The last `count` entries of the log, newest first.
    func recent(_ count: Int, checkpoint: SignedCheckpoint) async throws -> [CheckedEntry] {
        let start = checkpoint.size > UInt64(count) ? checkpoint.size - UInt64(count) : 0
        let stored = try await hub.store.auditEntries(from: start, limit: count).filter { $0.index < checkpoint.size }
        return try await checked(stored, checkpoint: checkpoint).reversed()
    }

    /// Refusals by kind and code, over the whole log.
    func refusalsByCode() async throws -> [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        var next: UInt64 = 0
        while true {
            let batch = try await hub.store.auditEntries(from: next, limit: 10_000)
            guard let last = batch.last else { break }
            for stored in batch {
                guard let entry = try? AuditEntry(decoding: stored.entry) else { continue }
                if entry.event == "refused", let code = entry.detail?["code"] {
                    counts["\(entry.detail?["kind"] ?? "item").\(code)", default: 0] += 1
                } else if entry.event == "refusals" {
                    for (key, value) in entry.detail ?? [:] where key != "unexamined" { counts[key, default: 0] += Int(value) ?? 0 }
                }
            }
            next = last.index + 1
        }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }

    /// The checkpoints, newest first (at most `count`), each with whether the one before it is
    /// proved consistent with it.
    func checkpoints(_ count: Int) async throws -> [(checkpoint: SignedCheckpoint, signed: Bool, consistentWithPrevious: Bool?)] {
        let all = try await hub.store.auditCheckpoints().sorted { $0.size < $1.size }
        let shown = all.suffix(count + 1)
        var result: [(SignedCheckpoint, Bool, Bool?)] = []
        var previous: SignedCheckpoint?
        for checkpoint in shown {
            var consistent: Bool?
            if let previous, previous.size > 0, previous.size < checkpoint.size {
                let proof = try await hub.consistencyProof(from: previous.size, to: checkpoint.size)
                consistent = MerkleTree.verifyConsistency(oldSize: previous.size, newSize: checkpoint.size, proof: proof.bytes,
                                                          oldRoot: previous.rootBytes, newRoot: checkpoint.rootBytes)
            } else if let previous, previous.size == checkpoint.size {
                consistent = previous.root == checkpoint.root
            }
            result.append((checkpoint, checkpoint.isSigned(by: hub.store.hubKey), consistent))
            previous = checkpoint
        }
        return Array(result.suffix(count).reversed())
    }

    /// The entries within `checkpoint`, the first `shownAtMost` of them proved.
    private func found(_ stored: [StoredAuditEntry], checkpoint: SignedCheckpoint) async throws -> Found {
        let within = stored.filter { $0.index < checkpoint.size }
        let deliveries = within.filter { (try? AuditEntry(decoding: $0.entry))?.event == "delivered" }.count
        return Found(entries: try await checked(Array(within.prefix(Self.shownAtMost)), checkpoint: checkpoint), total: within.count,
                     deliveries: deliveries)
    }

    private func checked(_ stored: [StoredAuditEntry], checkpoint: SignedCheckpoint) async throws -> [CheckedEntry] {
        var result: [CheckedEntry] = []
        for item in stored where item.index < checkpoint.size {
            guard let entry = try? AuditEntry(decoding: item.entry) else { continue }
            let proof = try await hub.inclusionProof(index: item.index, size: checkpoint.size)
            let included = MerkleTree.verifyInclusion(index: item.index, size: checkpoint.size, leaf: MerkleHash.leaf(item.entry),
                                                      proof: proof.bytes, root: checkpoint.rootBytes)
            result.append(CheckedEntry(index: item.index, entry: entry, included: included))
        }
        return result
    }
}
