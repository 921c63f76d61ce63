import Foundation

/// The hub's audit log as it stood just after a request that changed what a node relies on —
/// a push acknowledged, a page of its inbox delivered — with the proof that it extends the log
/// the node had accepted (the size it gave as `auditFrom`). The node checks it and keeps the
/// checkpoint in the same transaction as what it records (items marked sent, the cursor moved
/// on), so a hub that later loses that request — restored from an older backup — no longer
/// extends the log the node accepted, and the node stops with an alarm until it rejoins and
/// sends everything again (Protocol/audit.md, "Receipts").
public struct AuditReceipt: Codable, Hashable, Sendable {
    /// The hub's signed checkpoint after the request.
    public var checkpoint: SignedCheckpoint
    /// The consistency proof from the size the node gave to the checkpoint's; empty when the
    /// hub's log is smaller than that size (which the node then refuses).
    public var proof: AuditProof

    /// Makes a receipt.
    public init(checkpoint: SignedCheckpoint, proof: AuditProof) {
        self.checkpoint = checkpoint
        self.proof = proof
    }
}
