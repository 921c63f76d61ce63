import Foundation
import TriangulateModel
import TriangulateNode

/// Text views of records, for people.
enum Describe {
    static let safeguardingBanner = "⚠ SAFEGUARDING FLAG RAISED — act on safeguarding now; the protocol never waits for it"

    static func concernLine(_ concern: Concern, flagged: Bool) -> String {
        (flagged ? safeguardingBanner + "\n" : "")
            + "\(concern.reference)  \(concern.title)  [\(concern.state.label)]  id \(concern.id)"
    }

    static func dossier(_ dossier: ConcernDossier, history: [HistoryEntry]) -> String {
        let concern = dossier.concern
        var lines: [String] = []
        if dossier.isSafeguardingFlagged { lines.append(safeguardingBanner) }
        lines.append("\(concern.reference)  \(concern.title)")
        lines.append("  id           \(concern.id)")
        lines.append("  state        \(concern.state.label)")
        let next = ConcernLifecycle.allowedEvents(from: concern.state).map(\.step)
        lines.append("  next         \(next.isEmpty ? "nothing" : next.joined(separator: "; "))")
        lines.append("  category     \(concern.category.rawValue): \(concern.category.protocolWording)")
        lines.append("  setting      \(concern.setting.rawValue)")
        lines.append("  identified   \(concern.identifiedOn) (recorded by \(concern.recordedBy))")
        let grades = [concern.source.reliability?.rawValue, concern.source.credibility?.rawValue].compactMap { $0 }.joined()
        lines.append("  source       \(concern.source.type.rawValue)\(concern.source.isThirdParty ? " (third party)" : "")\(grades.isEmpty ? "" : " graded \(grades)")")
        lines.append("  summary      \(concern.summary)")
        lines.append("  subjects     \(concern.subjects.isEmpty ? "none recorded" : concern.subjects.map(\.summary).joined(separator: "; "))")
        if concern.containsPersonalData { lines.append("               (holds personal data: kept on this node)") }
        for flag in dossier.safeguardingFlags {
            lines.append("  safeguarding \(flag.raisedOn)\(flag.referredTo.map { " referred to \($0)" } ?? "")\(flag.referralReference.map { " ref \($0)" } ?? "")\(flag.immediateAction.map { ": \($0)" } ?? "")")
        }
        for evaluation in dossier.evaluations {
            lines.append("  evaluation   \(evaluation.evaluatedOn) by \(evaluation.evaluatedBy): \(evaluation.decision.label)\(evaluation.rationale.map { " — \($0)" } ?? "")\(evaluation.alternativeRoute.map { " (route: \($0))" } ?? "")")
        }
        for contact in dossier.contacts {
            lines.append("  contact      \(contact.contactedOn) \(contact.partner) to \(contact.purpose.rawValue) (\(contact.payloadClass.rawValue))\(contact.namedContact.map { " via \($0)" } ?? "")")
        }
        for request in dossier.requests {
            lines.append("  request      \(request.reference) \(request.direction.rawValue) \(request.counterpart) \(request.requestedOn) [\(request.state.label)]\(request.dueBy.map { " due \($0)" } ?? "")\(request.declineReason.map { " declined: \($0)" } ?? "")")
        }
        for decision in dossier.panelDecisions {
            lines.append("  panel        \(decision.decidedOn) decided \(decision.callPanel ? "to call" : "not to call") a panel — \(decision.rationale)")
        }
        for panel in dossier.panels {
            lines.append("  panel        \(panel.reference) [\(panel.state.label)]\(panel.meetsOn.map { " meets \($0)" } ?? "")\(panel.chair.map { " chair \($0)" } ?? "")")
        }
        for action in dossier.actions {
            lines.append("  action       \(action.reference) \(action.ownerOrg) due \(action.dueBy) [\(action.state.label)] \(action.summary)")
        }
        if let outcome = dossier.outcome {
            lines.append("  outcome      \(outcome.decidedOn) \(outcome.type.rawValue): \(outcome.summary)\(outcome.sharedOn.map { " — shared \($0) with \(outcome.sharedWith.map(\.rawValue).joined(separator: ","))" } ?? "")")
        }
        if let review = dossier.review {
            lines.append("  review       \(review.reviewedOn) went well: \(review.wentWell); differently: \(review.doDifferently)")
        }
        let check = CompletenessCheck(dossier)
        lines.append("  minimum data \(check.isComplete ? "complete" : "missing: " + check.missing.map(\.detail).joined(separator: "; "))")
        if !history.isEmpty {
            lines.append("  history")
            for entry in history {
                let change = entry.toState.map { " → \($0)" } ?? ""
                lines.append("    \(timestamp(entry.at))  \(entry.actor)  \(entry.reference) \(entry.event)\(change)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func panel(_ panel: Panel) -> String {
        var lines = ["\(panel.reference)  convened by \(panel.convenedBy)  [\(panel.state.label)]  id \(panel.id)"]
        if let meetsOn = panel.meetsOn { lines.append("  meets      \(meetsOn)\(panel.format.map { " (\($0.rawValue))" } ?? "")") }
        if let chair = panel.chair { lines.append("  chair      \(chair)") }
        for invitee in panel.invitees {
            lines.append("  invitee    \(invitee.person) (\(invitee.org), \(invitee.role)) [\(invitee.attendance.rawValue)] need to know: \(invitee.needToKnow)")
        }
        if !panel.agenda.isEmpty {
            lines.append("  agenda     \(panel.agendaSource ?? "")")
            for (index, item) in panel.agenda.enumerated() { lines.append("    \(index + 1). \(item)") }
        }
        if let minutes = panel.minutes {
            lines.append("  minutes    \(panel.minutesAgreedOn.map { "agreed \($0)" } ?? "draft"): \(minutes)")
        }
        if let sharedOn = panel.recordSharedOn {
            lines.append("  record     shared \(sharedOn) with \(panel.recordSharedWith.map(\.rawValue).joined(separator: ", "))")
        }
        if let reason = panel.cancellationReason { lines.append("  cancelled  \(reason)") }
        return lines.joined(separator: "\n")
    }

    static func action(_ action: Action) -> String {
        "\(action.reference)  \(action.ownerOrg)\(action.owner.map { " (\($0))" } ?? "")  due \(action.dueBy)  [\(action.state.label)]  \(action.summary)"
    }

    static func request(_ request: InformationRequest) -> String {
        "\(request.reference)  \(request.direction.rawValue) \(request.counterpart)  \(request.requestedOn)\(request.dueBy.map { " due \($0)" } ?? "")  [\(request.state.label)]"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
