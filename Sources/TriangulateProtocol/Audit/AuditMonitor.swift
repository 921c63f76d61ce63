import Foundation

/// What every node does with the hub's audit checkpoints: accept a new one only if the hub's
/// key signed it and it extends the last one accepted. A hub that rewrote or forked its log, or
/// rolled it back, cannot pass.
public enum AuditMonitor {
    /// Checks `new` against `previous` (nil the first time) with the consistency `proof`
    /// the hub served between them. A checkpoint identical to `previous` passes at once: it was
    /// checked when it was accepted.
    public static func check(previous: SignedCheckpoint?, new: SignedCheckpoint, proof: [Data], hubKey: NodePublicKey) throws(ProtocolError) {
        if let previous, previous == new { return }
        guard new.isSigned(by: hubKey) else {
            throw ProtocolError(.badSignature, "ALARM: the hub's audit checkpoint (\(new)) is not signed by the hub key pinned at enrolment")
        }
        guard let previous else { return }
        guard new.size >= previous.size else {
            throw ProtocolError(.badSignature, "ALARM: the hub's audit log went back from \(previous) to \(new): its history was rewritten")
        }
        guard MerkleTree.verifyConsistency(oldSize: previous.size, newSize: new.size, proof: proof,
                                           oldRoot: previous.rootBytes, newRoot: new.rootBytes) else {
            throw ProtocolError(.badSignature, "ALARM: the hub's audit log at \(new) is not consistent with the one accepted before, at \(previous): its history was rewritten or forked. Sync stopped; tell the hub operator and your data protection officer")
        }
    }
}
