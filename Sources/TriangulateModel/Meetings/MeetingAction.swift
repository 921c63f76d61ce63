/// An action agreed at a meeting: what, which organisation (and person) owns it, by when, where
/// it is, and the evidence it was done.
public struct MeetingAction: Hashable, Codable, Sendable {
    /// The meeting, and the action's number in it, from 1.
    public var meetingId: MeetingID
    public var number: Int
    /// What is to be done, minimised.
    public var description: String
    /// Who owns it: an organisation, and a person of it when named.
    public var owner: OrganisationCode
    public var ownerPerson: String?
    /// The day it is due.
    public var due: LocalDate
    /// Where it is, and the evidence or reason given with that.
    public var status: MeetingActionStatus
    public var evidence: String?
    /// The day of its last update.
    public var updatedOn: LocalDate

    /// Makes an open action.
    public init(meetingId: MeetingID, number: Int, description: String, owner: OrganisationCode, ownerPerson: String?, due: LocalDate,
                updatedOn: LocalDate) {
        self.meetingId = meetingId
        self.number = number
        self.description = description
        self.owner = owner
        self.ownerPerson = ownerPerson
        self.due = due
        self.status = .open
        self.evidence = nil
        self.updatedOn = updatedOn
    }
}

/// Where a meeting's action is; overdue is derived from its due day.
public enum MeetingActionStatus: String, Choice {
    case open
    case inProgress = "in-progress"
    /// Done, with its evidence.
    case done
    /// Not done, with the reason.
    case notDone = "not-done"

    public static let choiceName = "action status"

    /// Whether it is finished.
    public var isFinished: Bool { self == .done || self == .notDone }
}
