import Foundation
import GRDB
import TriangulateModel

/// A local Healthwatch's escalations as cases: how the case list, search and a case's page read them.
enum HealthwatchEscalationCases {
    /// Every escalation (or those with `ids`), newest first.
    static func summaries(in db: Database, only ids: [String]? = nil) throws -> [CaseSummary] {
        var request = EscalationCase.order(Column("identifiedOn").desc, Column("reference").desc)
        if let ids { request = request.filter(ids.contains(Column("id"))) }
        return try request.fetchAll(db).map(summary(of:))
    }

    /// The escalation with id `id`, in full, or nil when there is none.
    static func detail(id: String, in db: Database) throws -> CaseDetail? {
        guard let escalation = try EscalationCase.fetchOne(db, key: id) else { return nil }
        let dossier = try NodeStore.escalationDossier(escalation, in: db)
        var sections = [CaseSection("Escalation", [
            CaseFact("Concern type", escalation.concernType.rawValue),
            CaseFact("Organisations", escalation.organisations.joined(separator: "; ")),
            CaseFact("Identified on", escalation.identifiedOn.description),
            CaseFact("Systemic", escalation.systemic ? "yes" : "no"),
            CaseFact("Nearly never event", escalation.nearlyNeverEvent ? "yes" : "no"),
            CaseFact("Safeguarding considered", escalation.safeguardingConsidered ? "yes" : "no"),
            CaseFact("Summary", escalation.summary),
            CaseFact("Response due", dossier.responseDue?.description ?? ""),
            CaseFact("Outcome", escalation.outcome?.rawValue ?? ""),
        ])]
        for stage in dossier.stages {
            sections.append(CaseSection("Stage: \(stage.stage.label)", [
                CaseFact("State", stage.state.rawValue),
                CaseFact("Raised on", stage.raisedOn?.description ?? ""),
                CaseFact("Raised with", stage.raisedWith ?? ""),
                CaseFact("Skipped because", stage.skippedReason ?? ""),
                CaseFact("Responded on", stage.respondedOn?.description ?? ""),
            ]))
        }
        return CaseDetail(summary: summary(of: escalation), sections: sections, allowedNext: dossier.allowedNext)
    }

    private static func summary(of escalation: EscalationCase) -> CaseSummary {
        CaseSummary(id: escalation.id.description, process: HealthwatchEscalation.definition.id, reference: escalation.reference,
                    title: escalation.title, state: escalation.state.rawValue, stateLabel: escalation.state.label,
                    isClosed: escalation.state == .closed, category: escalation.concernType.rawValue,
                    openedOn: escalation.identifiedOn, safeguarding: false, subjectIdentifiers: escalation.organisations)
    }
}
