import Foundation

/// An evaluation of a concern and its source, ending in the decision to trigger the protocol
/// or not. "At this stage it may be decided that the Protocol does not need to be triggered and
/// the information can be dealt with through other routes" (ECP §4.2): the decision not to
/// trigger is recorded with its rationale and the alternative route.
public struct Evaluation: Hashable, Codable, Sendable {
    /// The evaluation's id.
    public var id: EvaluationID
    /// The concern evaluated.
    public var concernId: ConcernID
    /// The day of the evaluation.
    public var evaluatedOn: LocalDate
    /// Who evaluated it.
    public var evaluatedBy: String
    /// The assessment of the source and the information.
    public var sourceAssessment: String?
    /// The assessment of the risk.
    public var riskAssessment: String?
    /// The decision: pending until taken, then fixed.
    public var decision: EvaluationLifecycle.State
    /// Why the decision was taken.
    public var rationale: String?
    /// For a decision not to trigger: the route the information takes instead (an existing
    /// meeting, internal quality assurance, a bilateral channel).
    public var alternativeRoute: String?
    /// When the decision was recorded.
    public var decidedAt: Date?
    /// When the evaluation was recorded.
    public var recordedAt: Date

    /// Makes an evaluation.
    public init(id: EvaluationID, concernId: ConcernID, evaluatedOn: LocalDate, evaluatedBy: String,
                sourceAssessment: String?, riskAssessment: String?, decision: EvaluationLifecycle.State,
                rationale: String?, alternativeRoute: String?, decidedAt: Date?, recordedAt: Date) {
        self.id = id
        self.concernId = concernId
        self.evaluatedOn = evaluatedOn
        self.evaluatedBy = evaluatedBy
        self.sourceAssessment = sourceAssessment
        self.riskAssessment = riskAssessment
        self.decision = decision
        self.rationale = rationale
        self.alternativeRoute = alternativeRoute
        self.decidedAt = decidedAt
        self.recordedAt = recordedAt
    }
}

/// The decision an evaluation can take, as typed on the command line.
public enum TriggerDecision: String, Choice {
    case trigger
    case notTrigger = "not-trigger"
    public static let choiceName = "decision"
}
