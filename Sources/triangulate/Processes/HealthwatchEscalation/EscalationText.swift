import TriangulateModel
import TriangulateNode

/// How escalations read on the command line.
enum EscalationText {
    /// One line: reference, title, state, the stage reached, and the response clock.
    static func line(_ dossier: EscalationDossier) -> String {
        let escalation = dossier.escalation
        let raised = dossier.stages.filter { $0.state != .skipped }.map(\.stage).max()
        let clock = dossier.responseDue.map { "  response due \($0)" } ?? ""
        return "\(escalation.reference)  \(escalation.title)  [\(escalation.state.label)]  stage: \(raised?.rawValue ?? "none yet")\(clock)"
    }

    /// The escalation, its stages and what may be done next.
    static func full(_ dossier: EscalationDossier) -> String {
        let escalation = dossier.escalation
        var lines = [line(dossier),
                     "  type         \(escalation.concernType.rawValue)\(escalation.systemic ? ", systemic" : "")\(escalation.nearlyNeverEvent ? ", nearly never event" : "")",
                     "  concerning   \(escalation.organisations.joined(separator: "; "))",
                     "  identified   \(escalation.identifiedOn)",
                     "  summary      \(escalation.summary)",
                     "  safeguarding \(escalation.safeguardingConsidered ? "policy considered" : "not recorded as considered")\(escalation.safeguardingNote.map { ": \($0)" } ?? "")"]
        if let reference = escalation.cqcReference { lines.append("  CQC ref      \(reference)") }
        for stage in dossier.stages {
            switch stage.state {
            case .skipped:
                lines.append("  \(stage.stage.rawValue): skipped \(stage.skippedOn?.description ?? "") — \(stage.skippedReason ?? "")")
            default:
                var text = "  \(stage.stage.rawValue): raised \(stage.raisedOn?.description ?? "") with \(stage.raisedWith ?? "")"
                if let copied = stage.copiedTo { text += ", copying \(copied)" }
                switch stage.state {
                case .responded where stage.responseReceived == true:
                    text += "; answered \(stage.respondedOn!) after \(stage.responseDays ?? 0) days\(stage.satisfactory.map { $0 ? ", satisfactory" : ", unsatisfactory" } ?? ""): \(stage.response ?? "")"
                case .responded: text += "; no response by \(stage.respondedOn!)"
                case .onHold: text += "; on hold since \(stage.heldSince?.description ?? "")"
                default: text += "; awaiting a response"
                }
                lines.append(text)
            }
        }
        if let due = dossier.responseDue {
            lines.append("  response due \(due)\(dossier.responseDueProvisional ? ", provisional" : "")\(dossier.responseAmberFrom.map { " (amber from \($0))" } ?? "")"
                         + (dossier.calendarVersion.map { ", bank holidays \($0)" } ?? ""))
        }
        if let next = dossier.nextStage, dossier.escalation.state != .closed { lines.append("  next stage   \(next.label)") }
        if let outcome = escalation.outcome {
            lines.append("  outcome      \(outcome.rawValue) on \(escalation.closedOn?.description ?? ""): \(escalation.outcomeSummary ?? "")")
        }
        lines.append("  allowed next: \(dossier.allowedNext.isEmpty ? "nothing: it is closed" : dossier.allowedNext.joined(separator: "; "))")
        return lines.joined(separator: "\n")
    }

    /// The quarterly report as text.
    static func report(_ report: HealthwatchQuarterlyReport) -> String {
        func counts(_ values: [String: Int]) -> String {
            values.isEmpty ? "none" : values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var lines = [
            "Healthwatch escalations, \(report.quarter) (\(report.from) to \(report.to))",
            "  opened \(report.opened), closed \(report.closed), open at the end \(report.openAtEnd)",
            "  by concern type: \(counts(report.byConcernType))",
            "  highest stage reached: \(counts(report.highestStageReached))",
            "  escalated to CQC \(report.escalatedToCQC), regional manager copied in \(report.regionalManagerCopied)",
            "  outcomes: \(counts(report.outcomes))",
        ]
        let rows = report.stages.map { figures in
            [figures.stage, "\(figures.raised)", "\(figures.skipped)", "\(figures.responded)", "\(figures.noResponse)",
             figures.medianResponseDays.map(String.init) ?? "—", figures.longestResponseDays.map(String.init) ?? "—",
             "\(figures.breached)", "\(figures.satisfactory)"]
        }
        lines.append(TextTable.render(["stage", "raised", "skipped", "answered", "no answer", "median days", "longest", "overdue", "satisfactory"], rows))
        return lines.joined(separator: "\n")
    }
}
