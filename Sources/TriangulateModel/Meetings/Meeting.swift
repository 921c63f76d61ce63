import Foundation

/// The entity tag of meeting ids.
public enum MeetingTag {}
/// A meeting's id.
public typealias MeetingID = Identifier<MeetingTag>

/// A meeting of any process (issue 15, item 2): a case's multi-agency meeting, a Provider
/// Concerns information meeting, a CQC–ADASS information-sharing meeting. It has a kind, a day,
/// a chair, an agenda from its kind's template (editable), minutes that go from draft to agreed,
/// decisions, and, kept beside it, its invitees, attendance, action log and items shared.
public struct Meeting: Hashable, Codable, Sendable {
    /// Its id.
    public var id: MeetingID
    /// `MTG-2026-0001`.
    public var reference: String
    /// Its kind's id, e.g. `osg-findings`.
    public var kind: String
    /// The day it is, or was, held.
    public var date: LocalDate
    /// The organisation chairing it (and minuting it), and the person, if named.
    public var chair: OrganisationCode
    public var chairPerson: String?
    /// The flow case it belongs to, if any, and the series, if any.
    public var caseId: String?
    public var seriesId: String?
    /// Whether personal information will be discussed: then only need-to-know invitees are named.
    public var personalInformation: Bool
    /// Its agenda, in order.
    public var agenda: [String]
    /// Its minutes, where they are, and who agreed them when.
    public var minutes: String?
    public var minutesState: MinutesState
    public var minutesAgreedBy: String?
    public var minutesAgreedOn: LocalDate?
    /// Its decisions, in order.
    public var decisions: [String]
    /// The id of the document of its items marked as shareable with the provider.
    public var providerDocumentId: String
    /// Who recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Date

    /// Makes a meeting, its minutes not yet written.
    public init(id: MeetingID, reference: String, kind: String, date: LocalDate, chair: OrganisationCode, chairPerson: String?, caseId: String?,
                seriesId: String?, personalInformation: Bool, agenda: [String], providerDocumentId: String, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.kind = kind
        self.date = date
        self.chair = chair
        self.chairPerson = chairPerson
        self.caseId = caseId
        self.seriesId = seriesId
        self.personalInformation = personalInformation
        self.agenda = agenda
        self.minutes = nil
        self.minutesState = .none
        self.minutesAgreedBy = nil
        self.minutesAgreedOn = nil
        self.decisions = []
        self.providerDocumentId = providerDocumentId
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Where a meeting's minutes are.
public enum MinutesState: String, Choice {
    /// Not written yet.
    case none
    /// Written, not yet agreed: they can still change.
    case draft
    /// Agreed by the chair: they no longer change.
    case agreed

    public static let choiceName = "minutes state"
}

/// An organisation, or a named person of it, invited to a meeting, and whether they came.
public struct MeetingInvitee: Hashable, Codable, Sendable {
    /// The meeting.
    public var meetingId: MeetingID
    /// The organisation, and the person when one is named.
    public var organisation: OrganisationCode
    public var person: String?
    /// Why a named person needs to know, where personal information will be discussed.
    public var needToKnow: String?
    /// Whether they came.
    public var attendance: Attendance
    /// The day the organisation submitted its information-sharing template, if it did.
    public var templateSubmittedOn: LocalDate?

    /// Makes an invitee, invited and not yet marked present or absent.
    public init(meetingId: MeetingID, organisation: OrganisationCode, person: String?, needToKnow: String?) {
        self.meetingId = meetingId
        self.organisation = organisation
        self.person = person
        self.needToKnow = needToKnow
        self.attendance = .invited
        self.templateSubmittedOn = nil
    }
}

/// Whether an invitee came to a meeting.
public enum Attendance: String, Choice {
    case invited, attended, apologies, absent

    public static let choiceName = "attendance"
}

/// An item shared at a meeting (seed 003 §34): its topic, what was shared, by whom, and
/// whether it may be shared with the provider.
public struct MeetingItem: Hashable, Codable, Sendable {
    /// The meeting, and the item's number in it, from 1.
    public var meetingId: MeetingID
    public var number: Int
    /// Its topic, e.g. "Monitoring reports".
    public var topic: String
    /// What was shared, minimised.
    public var summary: String
    /// The organisation that shared it.
    public var from: OrganisationCode
    /// Whether it may be shared with the provider ("shared with provider" in the seed).
    public var sharedWithProvider: Bool

    /// Makes an item.
    public init(meetingId: MeetingID, number: Int, topic: String, summary: String, from: OrganisationCode, sharedWithProvider: Bool) {
        self.meetingId = meetingId
        self.number = number
        self.topic = topic
        self.summary = summary
        self.from = from
        self.sharedWithProvider = sharedWithProvider
    }
}
