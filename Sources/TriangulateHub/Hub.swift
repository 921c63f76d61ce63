import Foundation
import Logging
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The hub: tenants and their keys, signed requests, need-to-know routing and revocation, and
/// matching of keyed tokens (`Hub+Matching`).
/// It never needs a record's content to decide: it checks declarations, signatures, field names,
/// classes and audiences, and relays the signed bytes unaltered.
public struct Hub: Sendable {
    /// Where everything is kept.
    public let store: any HubStore
    /// The clock.
    public let now: @Sendable () -> Date
    /// Fires whenever something is accepted, for long-polling inboxes.
    public let signal = DeliverySignal()
    /// What the hub counts, for `/metrics`.
    public let metrics = HubMetrics()
    /// Where the hub says what it does: ids, codes and counts, never content.
    public let logger: Logger

    /// Each organisation's allowance of requests.
    let rateLimiter: RateLimiter
    /// How the hub matches tokens (Protocol/matching.md).
    public let matching: MatchSettings
    /// Each organisation's allowance of publications and new tokens.
    let matchAllowance = MatchAllowance()

    /// Makes a hub over `store`, allowing each organisation `requestsPerSecond` requests a second
    /// on average (bursts of ten seconds' worth), saying what it does to `logger` (by default,
    /// nowhere: `triangulate-hub serve` gives it standard error).
    public init(store: any HubStore, requestsPerSecond: Double = 200, matching: MatchSettings = MatchSettings(),
                logger: Logger = Logger(label: "triangulate-hub", factory: { _ in SwiftLogNoOpLogHandler() }),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.matching = matching
        self.logger = logger
        self.now = now
        rateLimiter = RateLimiter(rate: requestsPerSecond, burst: requestsPerSecond * 10)
    }

    // MARK: Operators

    /// Adds an organisation and returns its one-time enrolment token.
    public func addOrganisation(code: String, name: String, role: String) async throws -> String {
        // One rule for codes on the node and the hub (OrganisationCode), in its canonical capitals.
        guard let parsed = try? OrganisationCode(parsing: code), parsed.rawValue == code else {
            throw HubError(.invalidRequest, "'\(code)' is not an organisation code: use 2 to 24 capital letters, digits or hyphens, starting with a letter, such as CQC or KNOWSLEY-ASC")
        }
        guard ["signatory", "partner", "secretariat"].contains(role) else {
            throw HubError(.invalidRequest, "'\(role)' is not a role: use signatory, partner or secretariat")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw HubError(.invalidRequest, "give the organisation's --name") }
        let token = Self.newToken()
        try await store.addOrganisation(HubOrganisation(code: code, name: name, role: role, status: "active", addedAt: now()),
                                  tokenHash: Self.hash(token))
        return token
    }

    /// Issues a new one-time enrolment token for an organisation (a new machine, a lost key).
    /// Its enrolled keys stop authenticating at once — a lost or stolen key is dead from here —
    /// unless `rotationWindow` keeps them: then they still work until that long after the new
    /// key enrols, so that the old machine can hand over.
    public func newToken(for code: String, rotationWindow: Duration? = nil) async throws -> String {
        if let rotationWindow {
            guard rotationWindow > .zero, rotationWindow <= .seconds(30 * 86_400) else {
                throw HubError(.invalidRequest, "a rotation window is more than 0 and at most 30 days")
            }
        }
        let token = Self.newToken()
        try await store.replaceToken(of: code, tokenHash: Self.hash(token), rotationWindow: rotationWindow.map(Self.seconds), at: now())
        return token
    }

    /// Revokes one enrolled key at once: requests and batches signed with it are refused from now.
    public func revokeKey(_ keyID: String) async throws {
        try await store.revokeKey(keyID, at: now())
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }

    /// Suspends, removes or reinstates an organisation: only active ones send or receive.
    public func setStatus(of code: String, to status: String) async throws {
        guard ["active", "suspended", "removed"].contains(status) else { throw HubError(.invalidRequest, "unknown status \(status)") }
        try await store.setStatus(of: code, to: status)
        // A suspended or removed organisation's tokens stop matching; reinstated, they match again.
        let concerned = try await store.rematch(code, quorum: matching.quorum, at: now())
        if !concerned.isEmpty { signal.fire(for: concerned) }
    }

    private static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func hash(_ token: String) -> String { sha256Hex(Data(token.utf8)) }

    // MARK: Nodes

    /// Enrols a node's public key with a one-time token, once the node has shown it holds the
    /// private half. A key enrolled for another organisation is never taken over; the
    /// organisation's other keys retire (at once, or after the rotation window of the token).
    public func enrol(_ request: EnrolmentRequest) async throws -> EnrolmentResponse {
        let key: NodePublicKey
        do {
            key = try request.provenKey()
        } catch {
            throw HubError(error.code == .badSignature ? .unauthorised : .invalidRequest, error.message)
        }
        let organisation = try await store.enrol(tokenHash: Self.hash(request.token),
                                                 key: HubKey(keyID: key.keyID, organisation: "", publicKey: key.base64), at: now())
        return EnrolmentResponse(organisation: organisation, keyID: key.keyID, hubKey: store.hubKey.base64)
    }

    /// The enrolled, unretired key a request names, when the request's signed time is fresh:
    /// what can be checked from the headers alone.
    public func signer(of signature: RequestSignature) async throws -> HubKey {
        do {
            try signature.checkFreshness(at: now())
        } catch {
            throw HubError(.unauthorised, error.message)
        }
        guard let enrolled = try await store.key(signature.keyID) else {
            throw HubError(.unauthorised, "key \(signature.keyID) is not enrolled with this hub: run `triangulate enrol`")
        }
        guard enrolled.isValid(at: now()) else {
            throw HubError(.unauthorised, "key \(signature.keyID) has been retired or revoked on this hub: enrol the node again with a new token from the hub operator")
        }
        return enrolled
    }

    /// The organisation behind a signed request: refuses unsigned, stale, replayed and forged
    /// requests, unknown or retired keys, and organisations that are not active.
    public func authenticate(_ signature: RequestSignature, method: String, path: String, body: Data) async throws -> String {
        try await authenticate(signature, method: method, path: path, bodyDigest: sha256Hex(body))
    }

    /// The organisation behind a signed request whose body is known by its digest, not yet read.
    public func authenticate(_ signature: RequestSignature, method: String, path: String, bodyDigest: String) async throws -> String {
        let enrolled = try await signer(of: signature)
        do {
            try signature.verify(method: method, path: path, bodyDigest: bodyDigest, key: try NodePublicKey(base64: enrolled.publicKey), now: now())
        } catch {
            throw HubError(.unauthorised, error.message)
        }
        guard try await store.useNonce(signature.nonce, keyID: signature.keyID,
                                 signedAt: Date(timeIntervalSince1970: TimeInterval(signature.timestamp)), at: now()) else {
            throw HubError(.unauthorised, "this request was replayed: its nonce has been used before, or it was signed before the hub restarted (sign it again)")
        }
        guard let organisation = try await store.organisation(enrolled.organisation), organisation.status == "active" else {
            throw HubError(.unauthorised, "\(enrolled.organisation) is suspended or removed on this hub: ask the hub operator")
        }
        guard rateLimiter.admit(organisation.code, at: now()) else {
            throw HubError(.tooManyRequests, "\(organisation.code) has sent more than \(rateLimiter.rate) requests a second: slow down and try again in a few seconds")
        }
        return organisation.code
    }

    /// Takes in what a node pushes. Each item is checked on its own; a refused item is reported
    /// with its reason and the others still apply. A push whose refusals pass
    /// `maximumRefusalsPerPush` is a flood: the rest of it is not looked at, and the log gets one
    /// entry with the counts instead of one per item.
    public func push(_ request: PushRequest, from organisation: String) async throws -> PushResponse {
        var accepted = 0
        var refused: [Refusal] = []
        var concerned: Set<String> = []
        let total = request.shares.count + request.batches.count + request.withdrawals.count + request.purges.count
        func attempt(_ kind: String, _ share: String, _ body: () async throws -> Void) async throws {
            guard refused.count <= Self.maximumRefusalsPerPush else { return }
            do {
                guard WireID.isUUIDv7(share) else {
                    throw HubError(.invalidRequest, "the share id '\(WireText.excerpt(share))' is not a UUIDv7 in lowercase canonical form")
                }
                try await body()
                accepted += 1
                if let stored = try await store.share(share) {
                    concerned.insert(stored.declaration.document.owner)
                    concerned.formUnion(stored.declaration.audience.map(\.organisation))
                }
            } catch let error as HubError where error.code != .storeFailure {
                refused.append(Refusal(kind: kind, share: WireID.isUUIDv7(share) ? share : "", code: error.refusal, reason: error.message))
            }
        }
        for declaration in request.shares { try await attempt("share", declaration.id) { try await declare(declaration, by: organisation) } }
        for batch in request.batches { try await attempt("batch", batch.share) { try await relay(batch, from: organisation) } }
        for withdrawal in request.withdrawals {
            try await attempt("withdrawal", withdrawal.share) { try await withdraw(withdrawal, by: organisation) }
        }
        for purge in request.purges {
            try await attempt("purge", purge.share) { try await acknowledgePurge(purge, by: organisation) }
        }
        if !refused.isEmpty {
            // Fails closed: no log, no answer.
            try await store.recordRefusals(refused, unexamined: total - accepted - refused.count, by: organisation, at: now())
        }
        concerned.remove(organisation)
        if !concerned.isEmpty { signal.fire(for: concerned) }
        if refused.count > Self.maximumRefusalsPerPush {
            metrics.refused(code: "flood")
            logger.warning("push refused as a flood", metadata: ["hub.organisation": "\(organisation)", "hub.items": "\(total)", "hub.refused": "\(refused.count)"])
            throw HubError(.tooManyRequests, "this push was refused as a flood: more than \(Self.maximumRefusalsPerPush) of its \(total) items were refused (\(accepted) accepted before that); the first: \(refused[0].reason)")
        }
        let response = PushResponse(accepted: accepted, refused: refused)
        metrics.push(request, answer: response)
        logger.info("push", metadata: [
            "hub.organisation": "\(organisation)", "hub.items": "\(total)", "hub.accepted": "\(accepted)", "hub.refused": "\(refused.count)",
            "hub.refusal_codes": "\(Set(refused.map(\.code)).sorted().joined(separator: ","))",
        ])
        return response
    }

    /// The most refused items one push may carry before the hub stops looking at it.
    public static let maximumRefusalsPerPush = 100

    /// Accepts a share of a document its sender owns, as `HubPolicy.declare` decides. A
    /// document's owner and type are fixed by its first declaration on this hub: a later
    /// declaration of the same id by anyone else, or as another type, is refused
    /// (Protocol/sync.md, "Ownership"); the store asks `HubPolicy.register` again in its
    /// transaction, so that two first declarations at once cannot both register the id.
    private func declare(_ declaration: ShareDeclaration, by organisation: String) async throws {
        var statuses: [String: String] = [:]
        for member in declaration.audience.prefix(ShareDeclaration.maximumAudience) {
            if let recipient = try await store.organisation(member.organisation) { statuses[recipient.code] = recipient.status }
        }
        let registered = WireID.isUUIDv7(declaration.document.id) ? try await store.document(declaration.document.id) : nil
        guard let accepted = try HubPolicy.declare(declaration, by: organisation, registered: registered,
                                                   existing: try await store.share(declaration.id), statuses: statuses) else { return }
        _ = try await store.addShare(accepted, at: now())
    }

    /// Relays a batch into its share, as `HubPolicy.relay` decides.
    private func relay(_ batch: SignedBatch, from organisation: String) async throws {
        let share = try await store.share(batch.share)
        let key = share == nil ? nil : try await store.key(batch.signer)
        _ = try HubPolicy.relay(batch, from: organisation, share: share, key: key, at: now())
        _ = try await store.appendBatch(batch, sender: organisation, at: now())
    }

    /// Withdraws a share, whole or from some organisations, as `HubPolicy.withdraw` decides.
    private func withdraw(_ withdrawal: WithdrawalRequest, by organisation: String) async throws {
        let share = WireID.isUUIDv7(withdrawal.share) ? try await store.share(withdrawal.share) : nil
        guard let decided = try HubPolicy.withdraw(withdrawal, by: organisation, share: share) else { return }
        _ = try await store.withdraw(share: withdrawal.share, decided, by: organisation, reason: withdrawal.reason, at: now())
    }

    /// Records a purge acknowledgement, as `HubPolicy.acknowledgePurge` allows.
    private func acknowledgePurge(_ purge: PurgeAcknowledgement, by organisation: String) async throws {
        try HubPolicy.acknowledgePurge(of: try await store.share(purge.share), id: purge.share, by: organisation)
        try await store.acknowledgePurge(share: purge.share, organisation: organisation, at: now())
    }

    // MARK: Audit

    /// The latest signed checkpoint of the audit log.
    public func auditCheckpoint() async throws -> SignedCheckpoint { try await store.auditCheckpoint() }

    /// The proof that the log at `new` entries extends the log at `old` (RFC 9162 §2.1.4).
    public func consistencyProof(from old: UInt64, to new: UInt64) async throws -> AuditProof {
        let size = try await store.auditCheckpoint().size
        guard old <= new, new <= size else {
            throw HubError(.invalidRequest, "a consistency proof needs 0 ≤ from ≤ to ≤ \(size), the log's size")
        }
        return AuditProof(hashes: try await resolve(MerkleProofPlan.consistency(oldSize: old, newSize: new)))
    }

    /// The log as it stands now, with the proof that it extends the log of `size` entries a node
    /// accepted (none when it is smaller: the node refuses that).
    public func receipt(from size: UInt64) async throws -> AuditReceipt {
        let checkpoint = try await store.auditCheckpoint()
        guard size <= checkpoint.size else { return AuditReceipt(checkpoint: checkpoint, proof: AuditProof(hashes: [])) }
        return AuditReceipt(checkpoint: checkpoint,
                            proof: AuditProof(hashes: try await resolve(MerkleProofPlan.consistency(oldSize: size, newSize: checkpoint.size))))
    }

    /// The proof that entry `index` is in the log of `size` entries (RFC 9162 §2.1.3).
    public func inclusionProof(index: UInt64, size: UInt64) async throws -> AuditProof {
        let logSize = try await store.auditCheckpoint().size
        guard index < size, size <= logSize else {
            throw HubError(.invalidRequest, "an inclusion proof needs 0 ≤ index < size ≤ \(logSize), the log's size")
        }
        return AuditProof(hashes: try await resolve(MerkleProofPlan.inclusion(index: index, size: size)))
    }

    /// A proof from its plan and the stored nodes it names.
    private func resolve(_ plan: [[MerkleNodeID]]) async throws -> [Data] {
        guard let proof = MerkleProofPlan.resolve(plan, hashes: try await store.auditNodes(MerkleProofPlan.nodes(of: plan))) else {
            throw HubError(.storeFailure, "the audit log is missing a node a proof needs: run `triangulate-hub audit verify`")
        }
        return proof
    }

    /// What is addressed to `organisation` after `cursor`; when there is nothing yet, waits up
    /// to `wait` for something to arrive (a long poll).
    public func inbox(for organisation: String, after cursor: Int64, limit: Int, wait: Duration) async throws -> InboxPage {
        let deadline = ContinuousClock.now + wait
        while true {
            let generation = signal.generation(of: organisation)
            let page = try await inbox(for: organisation, after: cursor, limit: limit)
            if !page.items.isEmpty || ContinuousClock.now >= deadline { return page }
            await signal.wait(for: organisation, after: generation, until: deadline)
        }
    }

    /// What is addressed to `organisation` after `cursor`.
    public func inbox(for organisation: String, after cursor: Int64, limit: Int) async throws -> InboxPage {
        let (messages, more) = try await store.inbox(for: organisation, after: cursor, limit: min(max(limit, 1), 1_000), at: now())
        let decoder = WireJSON.decoder()
        var items: [InboxItem] = []
        for message in messages {
            switch message.kind {
            case "share":
                items.append(InboxItem(seq: message.seq, kind: "share", share: message.share,
                                       declaration: try decoder.decode(ShareDeclaration.self, from: message.payload)))
            case "batch":
                let batch = try decoder.decode(SignedBatch.self, from: message.payload)
                let key = try await store.key(batch.signer)
                items.append(InboxItem(seq: message.seq, kind: "batch", share: message.share, batch: batch,
                                       signerOrganisation: key?.organisation, signerKey: key?.publicKey))
            default:
                let withdrawal = try decoder.decode(WithdrawalRequest.self, from: message.payload)
                items.append(InboxItem(seq: message.seq, kind: "withdrawal", share: message.share, withdrawnBy: message.sender,
                                       withdrawnAt: message.at, reason: withdrawal.reason))
            }
        }
        metrics.inbox(delivered: items.count)
        if !items.isEmpty {
            logger.info("inbox", metadata: ["hub.organisation": "\(organisation)", "hub.delivered": "\(items.count)",
                                            "hub.cursor": "\(messages.last?.seq ?? cursor)", "hub.more": "\(more)"])
        }
        return InboxPage(items: items, cursor: messages.last?.seq ?? cursor, more: more)
    }
}
