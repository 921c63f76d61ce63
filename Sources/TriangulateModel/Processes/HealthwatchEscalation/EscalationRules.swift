import Foundation

/// The rules of seed 004 on stages: they go in order; each is raised at most once; one is
/// skipped only with a reason, and never the last (close instead); the organisation is skipped
/// only for a valid reason (such as a concern about its chief executive or a senior leader);
/// an escalation to CQC copies the regional manager in.
public enum EscalationRules {
    /// The stage that comes next after `stages` (raised or skipped), or nil when all are done.
    public static func nextStage(after stages: [EscalationStageRecord]) -> EscalationStage? {
        let done = Set(stages.map(\.stage))
        return EscalationStage.allCases.first { !done.contains($0) }
    }

    /// Checks `stage` may be raised now, copying `copiedTo` in.
    public static func checkRaise(_ stage: EscalationStage, after stages: [EscalationStageRecord], copiedTo: String?) throws(ModelError) {
        try checkNext(stage, after: stages, doing: "raise")
        if stage == .cqc, (copiedTo ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ModelError(.missingPrerequisite, "an escalation to CQC copies your regional manager in, so that Healthwatch England can track it: give --copy NAME")
        }
    }

    /// Checks `stage` may be skipped now, for `reason`.
    public static func checkSkip(_ stage: EscalationStage, after stages: [EscalationStageRecord], reason: String?) throws(ModelError) {
        try checkNext(stage, after: stages, doing: "skip")
        guard stage != .cqc else {
            throw ModelError(.invalidTransition, "CQC is the last stage: there is nothing to skip to; close the escalation instead (escalation close)")
        }
        if (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            let example = stage == .organisation ? " (for example: the concern is about its chief executive or a senior leader)" : ""
            throw ModelError(.missingPrerequisite, "say why \(stage.label) is skipped\(example): give --reason")
        }
    }

    private static func checkNext(_ stage: EscalationStage, after stages: [EscalationStageRecord], doing verb: String) throws(ModelError) {
        if let done = stages.first(where: { $0.stage == stage }) {
            throw ModelError(.invalidTransition, "\(stage.label) was \(done.state == .skipped ? "skipped" : "raised") already: each stage happens once")
        }
        guard let next = nextStage(after: stages) else {
            throw ModelError(.invalidTransition, "every stage is done: close the escalation (escalation close)")
        }
        guard stage == next else {
            throw ModelError(.invalidTransition, "cannot \(verb) \(stage.label) before \(next.label): raise that first, or skip it with a reason (escalation skip --stage \(next.rawValue) --reason …)")
        }
    }

    /// Checks a new escalation is in scope: seed 004's process is for systemic concerns,
    /// "affecting several people rather than individual circumstances, including nearly never events".
    public static func checkScope(systemic: Bool, nearlyNeverEvent: Bool) throws(ModelError) {
        guard systemic || nearlyNeverEvent else {
            throw ModelError(.invalidValue, "the escalation process is for concerns affecting several people, or nearly never events: give --systemic or --nearly-never-event (an individual's circumstances go by the complaints route)")
        }
    }
}
