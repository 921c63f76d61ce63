import Foundation
import TriangulateModel
import TriangulateProtocol

/// Re-derives the whole audit log from its entries and checks it: each stored leaf hash is the
/// hash of its entry, indexes run without a gap, every checkpoint is signed by the hub's key and
/// matches the tree head re-derived at its size, and every interior node stored for proofs is
/// the one the entries make. The first thing wrong is reported by index.
public struct AuditVerifier: Sendable {
    /// The store to verify.
    public let store: any HubStore

    /// Makes a verifier.
    public init(store: any HubStore) { self.store = store }

    /// What verification found.
    public struct Report: Codable, Hashable, Sendable {
        /// Entries read.
        public var entries: UInt64
        /// Checkpoints checked.
        public var checkpoints: Int
        /// The latest tree head re-derived, hex.
        public var root: String
        /// The first problem, if any.
        public var problem: String?
        /// Whether the log verified.
        public var ok: Bool { problem == nil }
    }

    /// Verifies the log; `progress` hears how far it has got.
    public func verify(progress: @Sendable (UInt64) -> Void = { _ in }) async throws -> Report {
        let checkpoints = try await store.auditCheckpoints()
        let key = store.hubKey
        var frontier = MerkleFrontier()
        var pending = checkpoints[...]
        var report = Report(entries: 0, checkpoints: 0, root: "", problem: nil)
        func fail(_ problem: String) -> Report {
            report.problem = problem
            report.root = frontier.root.hex
            return report
        }
        if let bad = checkpoints.first(where: { !$0.isSigned(by: key) }) {
            return fail("the checkpoint at size \(bad.size) is not signed by the hub's key")
        }
        while let first = pending.first, first.size == 0 {
            guard first.rootBytes == MerkleHash.empty else { return fail("the checkpoint at size 0 does not hold the empty tree") }
            pending = pending.dropFirst()
            report.checkpoints += 1
        }
        while true {
            let batch = try await store.auditEntries(from: frontier.size, limit: 10_000)
            if batch.isEmpty { break }
            var derived: [MerkleNodeID: Data] = [:]
            for stored in batch {
                guard stored.index == frontier.size else {
                    return fail("entry \(frontier.size) is missing (the next stored entry is \(stored.index))")
                }
                guard MerkleHash.leaf(stored.entry) == stored.hash else {
                    return fail("entry \(stored.index) does not match its stored leaf hash: it was changed")
                }
                guard (try? AuditEntry(decoding: stored.entry)) != nil else { return fail("entry \(stored.index) is not an audit entry") }
                for (node, hash) in frontier.append(stored.hash) { derived[node] = hash }
                report.entries = frontier.size
                while let next = pending.first, next.size == frontier.size {
                    guard next.rootBytes == frontier.root else {
                        return fail("the signed checkpoint at size \(next.size) does not match the entries up to \(next.size - 1): an entry at or before \(next.size - 1) was changed, removed or reordered")
                    }
                    pending = pending.dropFirst()
                    report.checkpoints += 1
                }
            }
            let kept = try await store.auditNodes(Set(derived.keys))
            let byFirstEntry = derived.keys.sorted { ($0.index << UInt64($0.level), $0.level) < ($1.index << UInt64($1.level), $1.level) }
            if let node = byFirstEntry.first(where: { kept[$0] != derived[$0] }) {
                let first = node.index << UInt64(node.level), last = ((node.index + 1) << UInt64(node.level)) - 1
                return fail(kept[node] == nil
                    ? "the interior node over entries \(first)–\(last) is missing: proofs over them cannot be made"
                    : "the interior node over entries \(first)–\(last) does not match them: it was changed, and proofs over them would be false")
            }
            progress(frontier.size)
        }
        if let missing = pending.first {
            return fail("the signed checkpoint at size \(missing.size) covers entries the log no longer has (it ends at \(frontier.size)): entries were removed")
        }
        report.root = frontier.root.hex
        return report
    }

    /// Who received a document: every delivery of a message about it, oldest first.
    public func whoReceived(document id: String) async throws -> [AuditEntry] {
        try await store.auditEntries(aboutDocument: store.documentHash(id))
            .compactMap { try? AuditEntry(decoding: $0.entry) }
            .filter { $0.event == "delivered" }
    }

    /// What an organisation sent, received, had refused and had withdrawn in a period.
    public func activity(of organisation: String, from: Date?, to: Date?) async throws -> [AuditEntry] {
        try await entries { entry in
            (entry.actor == organisation || entry.subject == organisation)
                && from.map { entry.at >= $0 } ?? true && to.map { entry.at < $0 } ?? true
        }
    }

    /// Every entry that satisfies `include`, in log order.
    public func entries(where include: (AuditEntry) -> Bool = { _ in true }) async throws -> [AuditEntry] {
        var result: [AuditEntry] = []
        var next: UInt64 = 0
        while true {
            let batch = try await store.auditEntries(from: next, limit: 10_000)
            guard let last = batch.last else { return result }
            for stored in batch {
                if let entry = try? AuditEntry(decoding: stored.entry), include(entry) { result.append(entry) }
            }
            next = last.index + 1
        }
    }
}
