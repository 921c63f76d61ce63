import Foundation

/// A Regulatory Review Panel (RRP): "convened, coordinated, chaired and minuted by
/// Organisation A" (ECP §4.2.5). A panel convened by another organisation that this one
/// attended is recorded too, so that "RRPs attended" can be reported.
public struct Panel: Hashable, Codable, Sendable {
    /// The panel's id.
    public var id: PanelID
    /// The node's reference for people, e.g. `ECP-2026-0007/A2`.
    public var reference: String
    /// The concern it reviews, when it is this node's own concern.
    public var concernId: ConcernID?
    /// The organisation that convened it.
    public var convenedBy: OrganisationCode
    /// The convening organisation's reference, for a panel convened elsewhere.
    public var externalReference: String?
    /// The panel this one follows up, if any.
    public var followsPanel: PanelID?
    /// The chair, a person at the convening organisation.
    public var chair: String?
    /// The day it meets.
    public var meetsOn: LocalDate?
    /// In person or virtual.
    public var format: Format?
    /// Who is invited, each with why they need to know.
    public var invitees: [Invitee]
    /// The agenda, taken from the editable template when the panel is convened.
    public var agenda: [String]
    /// Which template the agenda came from, e.g. "local default (not the official Annex F)".
    public var agendaSource: String?
    /// The minutes, draft or agreed.
    public var minutes: String?
    /// The day the minutes were agreed.
    public var minutesAgreedOn: LocalDate?
    /// The day the panel's record was shared.
    public var recordSharedOn: LocalDate?
    /// The organisations the panel's record went to (every partner and the Forum secretariat).
    public var recordSharedWith: [OrganisationCode]
    /// Why it was cancelled, if it was.
    public var cancellationReason: String?
    /// Where the panel is.
    public var state: PanelLifecycle.State
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes a panel.
    public init(id: PanelID, reference: String, concernId: ConcernID?, convenedBy: OrganisationCode, externalReference: String? = nil,
                followsPanel: PanelID? = nil, chair: String? = nil, meetsOn: LocalDate? = nil, format: Format? = nil,
                invitees: [Invitee] = [], agenda: [String] = [], agendaSource: String? = nil, minutes: String? = nil,
                minutesAgreedOn: LocalDate? = nil, recordSharedOn: LocalDate? = nil, recordSharedWith: [OrganisationCode] = [],
                cancellationReason: String? = nil, state: PanelLifecycle.State, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.concernId = concernId
        self.convenedBy = convenedBy
        self.externalReference = externalReference
        self.followsPanel = followsPanel
        self.chair = chair
        self.meetsOn = meetsOn
        self.format = format
        self.invitees = invitees
        self.agenda = agenda
        self.agendaSource = agendaSource
        self.minutes = minutes
        self.minutesAgreedOn = minutesAgreedOn
        self.recordSharedOn = recordSharedOn
        self.recordSharedWith = recordSharedWith
        self.cancellationReason = cancellationReason
        self.state = state
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The organisations with at least one person who attended.
    public var attendingOrganisations: Set<OrganisationCode> {
        Set(invitees.filter { $0.attendance == .attended }.map(\.org))
    }

    /// In person or virtual.
    public enum Format: String, Choice {
        case inPerson = "in-person", virtual, hybrid
        public static let choiceName = "panel format"
    }
}

/// A person invited to a panel. "Only those who need to know the information should attend if
/// personal information is to be shared in the panel" (ECP §7): every invitee carries the
/// justification for their need to know.
public struct Invitee: Hashable, Codable, Sendable {
    /// Their organisation.
    public var org: OrganisationCode
    /// Their name.
    public var person: String
    /// Their role at the panel (e.g. "regulatory lead", "fitness to practise investigator").
    public var role: String
    /// Why they need to know what the panel will discuss.
    public var needToKnow: String
    /// Whether they came.
    public var attendance: Attendance

    /// Makes an invitee.
    public init(org: OrganisationCode, person: String, role: String, needToKnow: String, attendance: Attendance = .invited) {
        self.org = org
        self.person = person
        self.role = role
        self.needToKnow = needToKnow
        self.attendance = attendance
    }

    /// Whether an invitee came.
    public enum Attendance: String, Choice {
        case invited, attended, apologies
        public static let choiceName = "attendance"
    }
}
