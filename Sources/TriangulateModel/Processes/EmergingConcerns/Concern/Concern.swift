import Foundation

/// A concern: a sign of risk about a care provider or professional, recorded by the
/// organisation that saw it ("Organisation A", responsible for the formal record).
public struct Concern: Hashable, Codable, Sendable {
    /// The concern's id (UUIDv7).
    public var id: ConcernID
    /// The node's own reference, e.g. `ECP-2026-0007`.
    public var reference: String
    /// The organisation that recorded it (this node's organisation).
    public var originatingOrg: OrganisationCode
    /// Which of the protocol's three categories it falls in.
    public var category: ConcernCategory
    /// Where it arose.
    public var setting: SettingType
    /// A short title for lists. Kept on this node.
    public var title: String
    /// The full account. Kept on this node: it never leaves it by default.
    public var summary: String
    /// The day the concern was identified.
    public var identifiedOn: LocalDate
    /// Where the information came from, and its evaluation.
    public var source: Source
    /// The providers, locations, professionals and others involved.
    public var subjects: [Subject]
    /// Where the concern is in the protocol.
    public var state: ConcernLifecycle.State
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date
    /// The day it was closed, while it is closed.
    public var closedOn: LocalDate?

    /// Makes a concern.
    public init(id: ConcernID, reference: String, originatingOrg: OrganisationCode, category: ConcernCategory,
                setting: SettingType, title: String, summary: String, identifiedOn: LocalDate, source: Source,
                subjects: [Subject], state: ConcernLifecycle.State = .draft, recordedBy: String, recordedAt: Date,
                closedOn: LocalDate? = nil) {
        self.id = id
        self.reference = reference
        self.originatingOrg = originatingOrg
        self.category = category
        self.setting = setting
        self.title = title
        self.summary = summary
        self.identifiedOn = identifiedOn
        self.source = source
        self.subjects = subjects
        self.state = state
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.closedOn = closedOn
    }

    /// Whether the record holds personal data (a named professional).
    public var containsPersonalData: Bool { subjects.contains(where: \.isPersonalData) }

    /// The day it was identified, as what every later step's date must not come before.
    public var identified: StepDates.Earliest { (identifiedOn, "the concern was identified") }
}
