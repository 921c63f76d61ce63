import Foundation
import ServiceLifecycle
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// Everything the hub stores, behind one protocol so that the embedded SQLite store and the
/// PostgreSQL store are interchangeable and pass the same conformance suite. Each method is one
/// transaction. Methods are asynchronous: a store waits for its database (and for the disk to
/// confirm a write) without holding one of the few threads the hub serves requests on.
public protocol HubStore: Sendable {
    /// What the store runs beside the server (a database's connection pools, say), as a service
    /// of the hub's service group, started before the server and stopped after it; `nil` for none.
    var service: (any Service)? { get }
    /// Makes the store ready once its service runs (checks, migrations); the server calls it
    /// before it listens.
    func prepare() async throws
    /// Adds an organisation with the hash of its one-time enrolment token.
    func addOrganisation(_ organisation: HubOrganisation, tokenHash: String) async throws
    /// Issues a new enrolment token for an existing organisation. Without a rotation window its
    /// keys are retired at once; with one, they are retired that many seconds after the next
    /// enrolment.
    func replaceToken(of code: String, tokenHash: String, rotationWindow: TimeInterval?, at: Date) async throws
    /// Retires one key at once.
    func revokeKey(_ keyID: String, at: Date) async throws
    /// An organisation's keys, newest first.
    func keys(of code: String) async throws -> [HubKey]
    /// Changes an organisation's status.
    func setStatus(of code: String, to status: String) async throws
    /// Every organisation.
    func organisations() async throws -> [HubOrganisation]
    /// One organisation.
    func organisation(_ code: String) async throws -> HubOrganisation?
    /// Enrols a key with a token, which is then spent; returns the organisation. Refuses a key
    /// enrolled for another organisation; retires the organisation's other keys (at once, or
    /// after the rotation window its token was issued with).
    func enrol(tokenHash: String, key: HubKey, at: Date) async throws -> String
    /// An enrolled key.
    func key(_ keyID: String) async throws -> HubKey?
    /// Records a nonce of a request signed at `signedAt`; `false` when the key has used it
    /// before, or when the store can no longer tell (the request was signed before it started
    /// remembering).
    func useNonce(_ nonce: String, keyID: String, signedAt: Date, at: Date) async throws -> Bool
    /// A share.
    func share(_ id: String) async throws -> HubShare?
    /// A document's header as its first declaration on this hub gave it: who owns it.
    func document(_ id: String) async throws -> DocumentHeader?
    /// Stores a new share and appends its declaration to the log, for `HubPolicy.recipients`;
    /// returns its sequence number. The first share of a document registers its owner and type;
    /// a share whose document is registered otherwise is refused (`forbidden`), in the same
    /// transaction.
    func addShare(_ declaration: ShareDeclaration, at: Date) async throws -> Int64
    /// Appends a batch of changes to the log, for `HubPolicy.recipients` of the share as it
    /// stands in the same transaction.
    func appendBatch(_ batch: SignedBatch, sender: String, at: Date) async throws -> Int64
    /// Carries out a withdrawal the policy decided: removes its targets (the whole share, when
    /// whole), revokes what of the share they have not yet collected, and appends the notice for
    /// them.
    func withdraw(share: String, _ withdrawal: HubPolicy.Withdrawal, by: String, reason: String?, at: Date) async throws -> Int64
    /// Records a recipient's acknowledgement that it purged a withdrawn share.
    func acknowledgePurge(share: String, organisation: String, at: Date) async throws
    /// The log entries addressed to `organisation` after `cursor` (its recipient rows), at most
    /// `limit`, recording their delivery; and whether more wait.
    func inbox(for organisation: String, after cursor: Int64, limit: Int, at: Date) async throws -> (messages: [HubMessage], more: Bool)
    /// Logs what one push had refused (the refusals are the event), and how many of its items
    /// were not examined (`AuditEvents.refusals`).
    func recordRefusals(_ refusals: [Refusal], unexamined: Int, by organisation: String, at: Date) async throws
    /// The latest signed checkpoint of the audit log.
    func auditCheckpoint() async throws -> SignedCheckpoint
    /// Every checkpoint, by size.
    func auditCheckpoints() async throws -> [SignedCheckpoint]
    /// Audit entries from `index`, at most `limit`.
    func auditEntries(from index: UInt64, limit: Int) async throws -> [StoredAuditEntry]
    /// The entries about one document, by its salted hash, through an index.
    func auditEntries(aboutDocument hash: String) async throws -> [StoredAuditEntry]
    /// The leaf hashes of the first `size` entries.
    func auditLeafHashes(size: UInt64) async throws -> [Data]
    /// The hashes of the log's subtrees `nodes` (leaves at level 0, stored interior nodes
    /// above), for proofs; a node not yet complete is missing from the answer.
    func auditNodes(_ nodes: Set<MerkleNodeID>) async throws -> [MerkleNodeID: Data]
    /// The key that signs checkpoints.
    var hubKey: NodePublicKey { get }
    /// The salted hash the log uses for a document id.
    func documentHash(_ id: String) -> String
    /// The organisations a withdrawal notice is for.
    func withdrawalTargets(seq: Int64) async throws -> [String]

    // MARK: Matching (Protocol/matching.md)

    /// The tokens `organisation` holds for matching.
    func matchTokens(of organisation: String) async throws -> [MatchToken]
    /// Replaces `organisation`'s tokens with `tokens`, then reconciles the alerts of every group
    /// it left or joined (`MatchPolicy.reconcile` over `TokenMatcher.standing`, active
    /// organisations only) and logs it all, in one transaction; returns the organisations whose
    /// alerts changed.
    func publishTokens(_ tokens: [MatchToken], by organisation: String, quorum: Int, at: Date) async throws -> Set<String>
    /// Reconciles the alerts of every group `organisation` holds a token in, after its status
    /// changed (a suspended organisation's tokens stop matching); returns whose alerts changed.
    func rematch(_ organisation: String, quorum: Int, at: Date) async throws -> Set<String>
    /// `organisation`'s alerts, newest first, as it reads them (`MatchPolicy.view`).
    func matchAlerts(for organisation: String) async throws -> [MatchAlert]
    /// Records `organisation`'s answer to its alert `id` as `MatchPolicy.answer` decides, and
    /// logs it; returns the organisations whose view of the match changed.
    func answerMatchAlert(_ id: String, _ consent: MatchConsent, by organisation: String, at: Date) async throws -> Set<String>
    /// How many matches, alerts and answers the period saw, by kind; tokens held now.
    func matchStatistics(from: Date, to: Date) async throws -> MatchStatistics
}

extension HubStore {
    /// A store with nothing to run beside the server.
    public var service: (any Service)? { nil }
    /// A store ready from its creation.
    public func prepare() async throws {}
}
