import GRDB
import TriangulateModel
import TriangulateSync

extension NodeStore {
    /// Why the protocol's own distributions are made, as their shares declare it.
    static let distributionPurpose = "The panel's record and the outcome, no further action included, go to all partners and the Forum secretariat (ECP 4.2.6)"
    /// On what basis, as their shares declare it.
    static let distributionBasis = "Emerging Concerns Protocol, agreed by its signatories: sharing between partners (ECP 4.2.6)"

    /// Sends what the protocol requires when a panel's record is distributed or an outcome
    /// shared: `documents` (references such as `ECP-2026-0001/P1`, `outcome:ECP-2026-0001`) to the
    /// partners among `recipients`, at the metadata class, so never the minutes, a name or a
    /// need to know; and to the Forum secretariat among them only the concern's forum record.
    /// An organisation a live share of a document already reaches is not sent it again.
    static func distribute(_ documents: [String], of concern: Concern, to recipients: [OrganisationCode],
                           _ command: Command) throws -> [ShareSummary] {
        let secretariat = Set(try String.fetchAll(command.db, sql: "SELECT code FROM organisation WHERE role = 'secretariat'"))
        let partners = recipients.map(\.rawValue).filter { !secretariat.contains($0) }
        let forum = recipients.map(\.rawValue).filter(secretariat.contains)
        if !forum.isEmpty {
            let id: Identifier<ShareDeclarationTag> = command.newID()
            try command.db.execute(sql: "INSERT OR IGNORE INTO forumRecord (id, concernId, createdAt) VALUES (?, ?, ?)",
                                   arguments: [id.description, concern.id.description, command.at])
            // Tracked now, so that the share below finds the document this node owns.
            var ledger = try SyncLedger(command.db, organisation: command.organisation)
            try ledger.trackPending(at: command.at)
            try ledger.finish()
        }
        var shares: [ShareSummary] = []
        for (document, audience) in documents.map({ ($0, partners) }) + [("forum:\(concern.reference)", forum)] where !audience.isEmpty {
            let (header, _, _) = try resolveDocument(document, organisation: command.organisation, in: command.db)
            let reached = try liveAudience(of: header.id, in: command.db)
            let to = audience.filter { !reached.contains($0) }
            guard !to.isEmpty else { continue }
            shares.append(try recordShare(ShareRequest(document: document, to: to, purpose: distributionPurpose, basis: distributionBasis), command))
        }
        return shares
    }
}
