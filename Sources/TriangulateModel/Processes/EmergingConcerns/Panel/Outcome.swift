import Foundation

/// The outcome of a concern, "including if there is no further action", and the record of its
/// being shared with all partners and the Forum secretariat (ECP §4.2.6).
public struct Outcome: Hashable, Codable, Sendable {
    /// The outcome's id.
    public var id: OutcomeID
    /// The concern.
    public var concernId: ConcernID
    /// What kind of outcome.
    public var type: OutcomeType
    /// A summary of it.
    public var summary: String
    /// The day it was decided.
    public var decidedOn: LocalDate
    /// The day it was shared, once it has been.
    public var sharedOn: LocalDate?
    /// Who it was shared with.
    public var sharedWith: [OrganisationCode]
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes an outcome.
    public init(id: OutcomeID, concernId: ConcernID, type: OutcomeType, summary: String, decidedOn: LocalDate,
                sharedOn: LocalDate? = nil, sharedWith: [OrganisationCode] = [], recordedBy: String, recordedAt: Date) {
        self.id = id
        self.concernId = concernId
        self.type = type
        self.summary = summary
        self.decidedOn = decidedOn
        self.sharedOn = sharedOn
        self.sharedWith = sharedWith
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// The kinds of outcome (DOMAIN.md §1.2 "Outcome").
public enum OutcomeType: String, Choice {
    case noFurtherAction = "no-further-action"
    case assuranceFromPartner = "assurance-from-partner"
    case jointPlan = "joint-plan"
    case regulatoryActivity = "regulatory-activity"
    case safeguardingReferral = "safeguarding-referral"
    case otherRoute = "other-route"
    case furtherPanel = "further-panel"
    case monitoring
    public static let choiceName = "outcome type"
}
