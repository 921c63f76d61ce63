import Foundation
import GRDB
import TriangulateModel

/// What a caseworker records when evaluating a concern and its source.
public struct EvaluationInput: Sendable {
    public var on: LocalDate
    public var sourceAssessment: String?
    public var riskAssessment: String?
    /// The decision, or `nil` to record the evaluation as still pending.
    public var decision: TriggerDecision?
    public var rationale: String?
    /// For a decision not to trigger: how the information is dealt with instead.
    public var alternativeRoute: String?
    public var reliability: SourceReliability?
    public var credibility: InformationCredibility?

    /// Makes the input for an evaluation.
    public init(on: LocalDate, sourceAssessment: String? = nil, riskAssessment: String? = nil,
                decision: TriggerDecision? = nil, rationale: String? = nil, alternativeRoute: String? = nil,
                reliability: SourceReliability? = nil, credibility: InformationCredibility? = nil) {
        self.on = on
        self.sourceAssessment = sourceAssessment
        self.riskAssessment = riskAssessment
        self.decision = decision
        self.rationale = rationale
        self.alternativeRoute = alternativeRoute
        self.reliability = reliability
        self.credibility = credibility
    }
}

extension NodeStore {
    /// Records an evaluation of a concern and, if given, the decision to trigger the protocol or
    /// not. A pending evaluation is completed by the next decision; a decided one is never
    /// edited: a later view is a new evaluation.
    public func evaluate(_ reference: String, _ input: EvaluationInput, by user: String) throws -> Evaluation {
        if input.decision == .notTrigger {
            _ = try Text.required(input.rationale ?? "", "rationale for not triggering", hint: "--rationale")
            _ = try Text.required(input.alternativeRoute ?? "", "route the information takes instead", hint: "--route")
        }
        return try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            try command.checkDate(input.on, of: "the evaluation", notBefore: [concern.identified])
            if concern.state == .draft || concern.state == .reopened {
                try transition(&concern, .startEvaluation, command)
            }
            if let reliability = input.reliability { concern.source.reliability = reliability }
            if let credibility = input.credibility { concern.source.credibility = credibility }

            let pending = try Evaluation
                .filter(Column("concernId") == concern.id.description && Column("decision") == EvaluationLifecycle.State.pending.rawValue)
                .order(Column("recordedAt").desc).fetchOne(command.db)
            var evaluation = pending ?? Evaluation(
                id: command.newID(), concernId: concern.id, evaluatedOn: input.on, evaluatedBy: command.user,
                sourceAssessment: nil, riskAssessment: nil, decision: .pending, rationale: nil,
                alternativeRoute: nil, decidedAt: nil, recordedAt: command.at)
            if pending == nil, input.decision == nil, concern.state != .underEvaluation {
                // A pending evaluation only makes sense while the concern is being evaluated.
                _ = try ConcernLifecycle.apply(.startEvaluation, to: concern.state)
            }
            evaluation.evaluatedOn = input.on
            evaluation.sourceAssessment = Text.optional(input.sourceAssessment) ?? evaluation.sourceAssessment
            evaluation.riskAssessment = Text.optional(input.riskAssessment) ?? evaluation.riskAssessment

            if let decision = input.decision {
                let event: EvaluationLifecycle.Event = decision == .trigger ? .decideTrigger : .decideNotTrigger
                evaluation.decision = try EvaluationLifecycle.apply(event, to: evaluation.decision)
                evaluation.rationale = Text.optional(input.rationale)
                evaluation.alternativeRoute = Text.optional(input.alternativeRoute)
                evaluation.decidedAt = command.at
                if decision == .trigger {
                    try transition(&concern, .trigger, command)
                } else {
                    if concern.state == .triggered { try transition(&concern, .considerPartners, command) }
                    try transition(&concern, .notTrigger, command)
                }
            }
            if pending == nil {
                try evaluation.insert(command.db)
            } else {
                try evaluation.update(command.db)
            }
            try concern.update(command.db)
            try command.log(concern.id, "evaluation", concern.reference,
                            pending == nil ? "evaluationRecorded" : "evaluationDecided", to: evaluation.decision.rawValue)
            return evaluation
        }
    }
}
