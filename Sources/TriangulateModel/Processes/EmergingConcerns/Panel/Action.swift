import Foundation

/// An action agreed as a result of the protocol ("actions agreed and taken", ECP §6), with its
/// owner organisation, due date and evidence.
public struct Action: Hashable, Codable, Sendable {
    /// The action's id.
    public var id: ActionID
    /// The node's reference for people, e.g. `ECP-2026-0007/A2`.
    public var reference: String
    /// The concern it follows from.
    public var concernId: ConcernID
    /// The panel that agreed it, if a panel did.
    public var panelId: PanelID?
    /// The organisation that owns it.
    public var ownerOrg: OrganisationCode
    /// The person who owns it, if named.
    public var owner: String?
    /// What is to be done.
    public var summary: String
    /// Whether it is regulatory activity (an inspection, a fitness-to-practise referral, enforcement).
    public var isRegulatoryActivity: Bool
    /// The day it was agreed.
    public var agreedOn: LocalDate
    /// The day it is due.
    public var dueBy: LocalDate
    /// Where it is.
    public var state: ActionLifecycle.State
    /// The day it was completed, not done or superseded.
    public var completedOn: LocalDate?
    /// The evidence that it was done, or why it was not.
    public var evidence: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes an action.
    public init(id: ActionID, reference: String, concernId: ConcernID, panelId: PanelID?, ownerOrg: OrganisationCode, owner: String?,
                summary: String, isRegulatoryActivity: Bool, agreedOn: LocalDate, dueBy: LocalDate,
                state: ActionLifecycle.State = .agreed, completedOn: LocalDate? = nil, evidence: String? = nil,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.concernId = concernId
        self.panelId = panelId
        self.ownerOrg = ownerOrg
        self.owner = owner
        self.summary = summary
        self.isRegulatoryActivity = isRegulatoryActivity
        self.agreedOn = agreedOn
        self.dueBy = dueBy
        self.state = state
        self.completedOn = completedOn
        self.evidence = evidence
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Whether the action is still open and past its due date on `day`.
    public func isOverdue(on day: LocalDate) -> Bool { state.isOpen && dueBy < day }
}
