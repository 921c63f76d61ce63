import Foundation
import TriangulateModel
import TriangulateProtocol

extension NodeStore {
    /// Enrols this node's key with the hub at `url`, using the one-time token its operator issued,
    /// and proving it holds the private key. A node enrolled before makes a new key for the new
    /// enrolment — the hub never enrols a key twice, and the token that came with it retires
    /// the old one — and keeps the old key only if the hub refuses. `trustRoots` is the PEM text
    /// of the private CA the hub's certificate comes from, kept for every later exchange.
    public func enrol(hub url: String, token: String, trustRoots: String? = nil, by user: String) async throws -> EnrolmentResponse {
        if let trustRoots { _ = try HubConnections.certificates(in: trustRoots) }
        let key = try hubURL() == nil ? try signingKey() : NodeSigningKey()
        let client = try hubClient(url: url, key: nil, trustRoots: trustRoots)
        let answer = try await client.send("POST", "/v1/enrol", body: try EnrolmentRequest(token: token, key: key),
                                           as: EnrolmentResponse.self)
        guard answer.organisation == organisation.rawValue else {
            throw NodeError(.invalidInput, "that token is for \(answer.organisation), but this node is \(organisation): ask the hub operator for \(organisation)'s token")
        }
        try recordEnrolment(url: url, hubKey: answer.hubKey, key: key, trustRoots: trustRoots, by: user)
        return answer
    }

    /// Re-attaches this node to its hub after the hub was restored from a backup older than what
    /// the node had seen. Its log then no longer extends the checkpoint this node accepted, and
    /// every sync stops with an ALARM — exactly as it would for a hub that rewrote its history,
    /// which a node cannot tell apart. So a person decides, with the size and root of the
    /// restored log that the hub operator announced: the hub's checkpoint must carry the pinned
    /// hub key's signature, its log must be the announced one or extend it (by a consistency
    /// proof), and it must really not extend the one this node accepted. Then the node pulls
    /// again from the start and pushes again everything it ever pushed (`recordRejoin`).
    public func rejoin(size: UInt64, root: String, by user: String) async throws -> (accepted: SignedCheckpoint, previous: SignedCheckpoint?) {
        guard let announced = Data(hex: root.lowercased()), announced.count == 32 else {
            throw NodeError(.invalidInput, "--root takes the restored log's root as the hub operator gave it: 64 hex digits")
        }
        let client = try enrolledHubClient()
        let (hubKey, previous) = try auditState()
        guard let hubKey else { throw NodeError(.notEnrolled, "this node has no pinned hub key: enrol again with `triangulate enrol`") }
        let current = try await client.send("GET", "/v1/audit/checkpoint", as: SignedCheckpoint.self)
        guard current.isSigned(by: hubKey) else {
            throw NodeError(.auditAlarm, "ALARM: the hub's checkpoint (\(current)) is not signed by the hub key pinned at enrolment: this is not the hub this node enrolled with")
        }
        func proof(from old: UInt64) async throws -> [Data] {
            old < current.size ? try await client.send("GET", "/v1/audit/consistency", query: "from=\(old)&to=\(current.size)", as: AuditProof.self).bytes : []
        }
        guard size <= current.size,
              MerkleTree.verifyConsistency(oldSize: size, newSize: current.size, proof: try await proof(from: size), oldRoot: announced, newRoot: current.rootBytes) else {
            throw NodeError(.invalidInput, "the hub's log (\(current.size) entries, root \(current.root)) is not the restored log you were given (\(size) entries, root \(root)) nor an extension of it: nothing changed; check the figures with the hub operator")
        }
        if let previous, (try? AuditMonitor.check(previous: previous, new: current, proof: try await proof(from: previous.size), hubKey: hubKey)) != nil {
            throw NodeError(.invalidInput, "the hub's log (\(current.size) entries) extends the one this node accepted: there is nothing to rejoin; run `triangulate sync`")
        }
        try recordRejoin(accepting: current, inPlaceOf: previous, by: user)
        return (current, previous)
    }

    /// Pushes what is waiting for the hub, then pulls everything addressed to this organisation,
    /// page by page, from where the last sync stopped. `progress` hears how far it has got.
    public func sync(progress: @Sendable (String) -> Void = { _ in }) async throws -> SyncSummary {
        let client = try enrolledHubClient()
        let key = try signingKey()
        var summary = SyncSummary()
        try await checkAuditLog(client)
        try await push(client, key: key, into: &summary, progress: progress)
        var cursor = try hubCursor()
        var lastPageHadReceipt = false
        var next: Task<InboxPage, any Error>?
        let documents = SharedDocuments()
        while true {
            let page: InboxPage
            if let next {
                page = try await withTaskCancellationHandler { try await next.value } onCancel: { next.cancel() }
            } else {
                page = try await Self.inboxPage(after: cursor, size: environment.inboxPageSize, auditFrom: try acceptedLogSize(), from: client)
            }
            let checkpoint = try receipt(page.audit, for: page.items.isEmpty ? nil : "page of \(page.items.count) items")
            // The next page is on its way while this one is applied. It is asked for from this
            // page's checkpoint, checked above and accepted with the page; if the page fails,
            // the next is dropped, and the next sync pulls it again from the cursor that stayed put.
            next = nil
            if page.more && client.transport.carriesRequestsWhileTheNodeWorks {
                let after = page.cursor, size = environment.inboxPageSize, auditFrom = try checkpoint?.size ?? acceptedLogSize()
                next = Task { try await Self.inboxPage(after: after, size: size, auditFrom: auditFrom, from: client) }
            }
            do {
                try applyInbox(page, accepting: checkpoint, documents: documents, into: &summary)
            } catch {
                next?.cancel()
                throw error
            }
            cursor = page.cursor
            lastPageHadReceipt = page.audit != nil
            progress("pulled \(summary.itemsPulled) items (cursor \(cursor))")
            if !page.more { break }
        }
        summary.cursor = cursor
        // Acknowledge the purges this pull made, and send any co-edits it triggered.
        try await push(client, key: key, into: &summary, progress: progress)
        do {
            summary.matching = try await exchangeMatches(client)
        } catch let error as NodeError where error.code == .hubRefused {
            summary.matching.problem = error.message
        }
        // The last page's receipt was this sync's final audit check; a hub that gave none gets one.
        if lastPageHadReceipt, let accepted = try auditState().checkpoint {
            summary.checkpoint = accepted
        } else {
            summary.checkpoint = try await checkAuditLog(client)
        }
        return summary
    }

    /// Asks the hub for up to `size` items of this organisation's inbox after `cursor`, with a
    /// receipt from the log of size `auditFrom`.
    private static func inboxPage(after cursor: Int64, size: Int, auditFrom: UInt64, from client: HubClient) async throws -> InboxPage {
        try await client.send("GET", "/v1/inbox", query: "after=\(cursor)&limit=\(size)&auditFrom=\(auditFrom)", as: InboxPage.self)
    }

    /// Fetches the hub's audit checkpoint and accepts it only if the pinned hub key signed it
    /// and it is consistent with the last one accepted; otherwise stops with an alarm.
    @discardableResult
    private func checkAuditLog(_ client: HubClient) async throws -> SignedCheckpoint {
        let (hubKey, previous) = try auditState()
        guard let hubKey else {
            throw NodeError(.notEnrolled, "this node has no pinned hub key: enrol again with `triangulate enrol`")
        }
        let current = try await client.send("GET", "/v1/audit/checkpoint", as: SignedCheckpoint.self)
        var proof: [Data] = []
        if let previous, previous.size < current.size {
            proof = try await client.send("GET", "/v1/audit/consistency", query: "from=\(previous.size)&to=\(current.size)", as: AuditProof.self).bytes
        }
        do {
            try AuditMonitor.check(previous: previous, new: current, proof: proof, hubKey: hubKey)
        } catch {
            throw NodeError(.auditAlarm, error.message)
        }
        if current != previous { try acceptCheckpoint(current) }
        return current
    }

    /// The size of the hub's log this node accepted last.
    private func acceptedLogSize() throws -> UInt64 { try auditState().checkpoint?.size ?? 0 }

    /// The checkpoint of the receipt the hub gave with an answer, once checked: signed by the
    /// pinned hub key, extending the log accepted before. It is accepted in the same transaction
    /// as what the answer records, so that a hub that loses the request later can never be
    /// accepted again without a rejoin. `what` names what the answer records (a push, a page of
    /// items), which needs a receipt; it is nil for an answer that records nothing (an empty
    /// page), whose receipt is checked when there is one.
    private func receipt(_ receipt: AuditReceipt?, for what: String?) throws -> SignedCheckpoint? {
        guard let receipt else {
            guard let what else { return nil }
            throw NodeError(.hubRefused, "the hub did not say where its audit log stands after this \(what): nothing was recorded; update the hub")
        }
        let (hubKey, previous) = try auditState()
        guard let hubKey else { throw NodeError(.notEnrolled, "this node has no pinned hub key: enrol again with `triangulate enrol`") }
        do {
            try AuditMonitor.check(previous: previous, new: receipt.checkpoint, proof: receipt.proof.bytes, hubKey: hubKey)
        } catch {
            throw NodeError(.auditAlarm, error.message)
        }
        return receipt.checkpoint
    }

    private func push(_ client: HubClient, key: NodeSigningKey, into summary: inout SyncSummary,
                      progress: @Sendable (String) -> Void) async throws {
        let outgoing = try outgoingPush(key: key)
        guard !outgoing.request.isEmpty else { return }
        progress("pushing \(outgoing.request.shares.count) shares, \(outgoing.changeCount) changes")
        let answer = try await client.send("POST", "/v1/push", query: "auditFrom=\(try acceptedLogSize())", body: outgoing.request, as: PushResponse.self)
        try markPushed(outgoing, answer: answer, accepting: try receipt(answer.audit, for: "push"))
        summary.sharesSent += outgoing.request.shares.count
        summary.batchesSent += outgoing.request.batches.count
        summary.changesSent += outgoing.changeCount
        summary.withdrawalsSent += outgoing.request.withdrawals.count
        summary.purgesAcknowledged += outgoing.request.purges.count
        // Once each: an item refused by the first push of a sync may be sent again by its second.
        summary.refused += answer.refused.filter { refusal in !summary.refused.contains { $0.kind == refusal.kind && $0.share == refusal.share } }
    }
}
