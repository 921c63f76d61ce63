import Foundation
import GRDB
import TriangulateModel

/// The ECP's concerns as cases: how the case list, search and a case's page read them.
enum EmergingConcernsCases {
    /// Every concern (or those with `ids`), newest first.
    static func summaries(in db: Database, only ids: [String]? = nil) throws -> [CaseSummary] {
        let flagged = try Set(String.fetchAll(db, sql: "SELECT DISTINCT concernId FROM safeguardingFlag"))
        var request = Concern.order(Column("identifiedOn").desc, Column("reference").desc)
        if let ids { request = request.filter(ids.contains(Column("id"))) }
        return try request.fetchAll(db).map {
            summary(of: $0, safeguarding: flagged.contains($0.id.description))
        }
    }

    /// The concern with id `id`, in full, or nil when there is none.
    static func detail(id: String, in db: Database) throws -> CaseDetail? {
        guard let concern = try Concern.fetchOne(db, key: id) else { return nil }
        let dossier = try NodeStore.dossier(of: concern, in: db)
        var sections = [CaseSection("Concern", [
            CaseFact("Category", concern.category.rawValue),
            CaseFact("Setting", concern.setting.rawValue),
            CaseFact("Identified on", concern.identifiedOn.description),
            CaseFact("Source", concern.source.type.rawValue + (concern.source.isThirdParty ? " (third party)" : "")),
            CaseFact("About", concern.subjects.map(\.summary).joined(separator: "; ")),
            CaseFact("Summary", concern.summary),
            CaseFact("Recorded by", concern.recordedBy),
        ])]
        for (index, flag) in dossier.safeguardingFlags.enumerated() {
            sections.append(CaseSection("Safeguarding indicator \(index + 1)", [
                CaseFact("Raised on", flag.raisedOn.description),
                CaseFact("Referred to", flag.referredTo?.rawValue ?? ""),
                CaseFact("Referral reference", flag.referralReference ?? ""),
                CaseFact("Immediate action", flag.immediateAction ?? ""),
            ]))
        }
        for (index, evaluation) in dossier.evaluations.enumerated() {
            sections.append(CaseSection("Evaluation \(index + 1)", [
                CaseFact("Evaluated on", evaluation.evaluatedOn.description),
                CaseFact("By", evaluation.evaluatedBy),
                CaseFact("Decision", evaluation.decision.label),
                CaseFact("Rationale", evaluation.rationale ?? ""),
            ]))
        }
        for contact in dossier.contacts {
            sections.append(CaseSection("Contact with \(contact.partner)", [
                CaseFact("On", contact.contactedOn.description),
                CaseFact("Purpose", contact.purpose.rawValue),
                CaseFact("Response", contact.response ?? ""),
            ]))
        }
        for request in dossier.requests {
            sections.append(CaseSection("Information request \(request.reference)", [
                CaseFact("Direction", "\(request.direction.rawValue) \(request.counterpart)"),
                CaseFact("Requested on", request.requestedOn.description),
                CaseFact("Due by", request.dueBy?.description ?? ""),
                CaseFact("State", request.state.label),
            ]))
        }
        for panel in dossier.panels {
            sections.append(CaseSection("Panel \(panel.reference)", [
                CaseFact("Meets on", panel.meetsOn?.description ?? ""),
                CaseFact("Chair", panel.chair ?? ""),
                CaseFact("State", panel.state.label),
            ]))
        }
        for action in dossier.actions {
            sections.append(CaseSection("Action \(action.reference)", [
                CaseFact("Owner", action.ownerOrg.rawValue),
                CaseFact("Due by", action.dueBy.description),
                CaseFact("State", action.state.label),
                CaseFact("Summary", action.summary),
            ]))
        }
        if let outcome = dossier.outcome {
            sections.append(CaseSection("Outcome", [
                CaseFact("Type", outcome.type.rawValue),
                CaseFact("Decided on", outcome.decidedOn.description),
                CaseFact("Summary", outcome.summary),
            ]))
        }
        let allowed = ConcernLifecycle.allowedEvents(from: concern.state).map(\.step)
        return CaseDetail(summary: summary(of: concern, safeguarding: !dossier.safeguardingFlags.isEmpty), sections: sections,
                          allowedNext: allowed)
    }

    private static func summary(of concern: Concern, safeguarding: Bool) -> CaseSummary {
        let identifiers = concern.subjects.compactMap { subject -> String? in
            switch subject {
            case .provider(let id, _): id?.description
            case .location(let id, _): id.description
            case .professional(_, let registration, _): registration
            case .other: nil
            }
        }
        return CaseSummary(id: concern.id.description, process: EmergingConcerns.definition.id, reference: concern.reference,
                           title: concern.title, state: concern.state.rawValue, stateLabel: concern.state.label,
                           isClosed: concern.state == .closed, category: concern.category.rawValue,
                           openedOn: concern.identifiedOn, safeguarding: safeguarding, subjectIdentifiers: identifiers)
    }
}
