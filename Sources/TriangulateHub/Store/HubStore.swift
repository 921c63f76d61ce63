import Foundation
import TriangulateProtocol

/// Everything the hub stores, behind one protocol so that the embedded SQLite store and the
/// PostgreSQL store are interchangeable and pass the same conformance suite. Each method is one
/// transaction.
public protocol HubStore: Sendable {
    /// Adds an organisation with the hash of its one-time enrolment token.
    func addOrganisation(_ organisation: HubOrganisation, tokenHash: String) throws
    /// Issues a new enrolment token for an existing organisation.
    func replaceToken(of code: String, tokenHash: String) throws
    /// Changes an organisation's status.
    func setStatus(of code: String, to status: String) throws
    /// Every organisation.
    func organisations() throws -> [HubOrganisation]
    /// One organisation.
    func organisation(_ code: String) throws -> HubOrganisation?
    /// Enrols a key with a token, which is then spent; returns the organisation.
    func enrol(tokenHash: String, key: HubKey, at: Date) throws -> String
    /// An enrolled key.
    func key(_ keyID: String) throws -> HubKey?
    /// Records a nonce; `false` when the key has used it before.
    func useNonce(_ nonce: String, keyID: String, at: Date) throws -> Bool
    /// A share.
    func share(_ id: String) throws -> HubShare?
    /// Stores a new share and appends its declaration to the log; returns its sequence number.
    func addShare(_ declaration: ShareDeclaration, at: Date) throws -> Int64
    /// Appends a batch of changes to the log.
    func appendBatch(_ batch: SignedBatch, sender: String, at: Date) throws -> Int64
    /// Withdraws a share, whole (`organisations` empty) or from some organisations, and appends
    /// the notice for those it reached.
    func withdraw(share: String, organisations: [String], by: String, reason: String?, at: Date) throws -> Int64
    /// Records a recipient's acknowledgement that it purged a withdrawn share.
    func acknowledgePurge(share: String, organisation: String, at: Date) throws
    /// The log entries for `organisation` after `cursor`, at most `limit`, recording their
    /// delivery; and whether more wait.
    func inbox(for organisation: String, after cursor: Int64, limit: Int, at: Date) throws -> (messages: [HubMessage], more: Bool)
    /// The organisations a withdrawal notice is for.
    func withdrawalTargets(seq: Int64) throws -> [String]
}
