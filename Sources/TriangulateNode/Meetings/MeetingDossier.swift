import TriangulateModel

/// A meeting with everything kept beside it: what the command line and the web application show.
public struct MeetingDossier: Hashable, Codable, Sendable {
    /// The meeting.
    public let meeting: Meeting
    /// Its kind's name.
    public let kindTitle: String
    /// The case and the series it belongs to, by reference.
    public let caseReference: String?
    public let seriesReference: String?
    /// Who is invited, and who came.
    public let invitees: [MeetingInvitee]
    /// Its action log, and the items shared at it.
    public let actions: [MeetingAction]
    public let items: [MeetingItem]
    /// For a meeting that takes templates: the day they are due.
    public let templatesDue: LocalDate?
}

/// A series with where it stands: who chairs now, when its next meeting is due, its meetings,
/// and who chairs over the next year.
public struct SeriesDossier: Hashable, Codable, Sendable {
    /// The series.
    public let series: MeetingSeries
    /// The chair today, and the day the next meeting is due (nil: a one-off that has met).
    public let chairToday: OrganisationCode
    public let nextDue: LocalDate?
    /// Its meetings, by reference and day, in order.
    public let meetings: [MeetingOfSeries]
    /// Each chair's term from today for a year.
    public let chairTerms: [ChairTerm]

    /// One meeting of a series.
    public struct MeetingOfSeries: Hashable, Codable, Sendable {
        public let reference: String
        public let date: LocalDate
        public let chair: OrganisationCode
        public let minutesState: MinutesState
    }

    /// One chair's term: from a day to a day.
    public struct ChairTerm: Hashable, Codable, Sendable {
        public let chair: OrganisationCode
        public let from: LocalDate
        public let to: LocalDate
    }
}

/// What is recorded when a meeting is set up outside a case's step: its kind, day and chair,
/// and the case or series it belongs to.
public struct NewMeeting: Sendable {
    public var kind: String
    public var date: LocalDate
    public var chair: String
    public var chairPerson: String?
    public var caseReference: String?
    public var personalInformation: Bool

    /// Makes the input for a meeting.
    public init(kind: String, date: LocalDate, chair: String, chairPerson: String? = nil, caseReference: String? = nil,
                personalInformation: Bool = false) {
        self.kind = kind
        self.date = date
        self.chair = chair
        self.chairPerson = chairPerson
        self.caseReference = caseReference
        self.personalInformation = personalInformation
    }
}

/// What is recorded when a series is set up; nil settings take the kind's defaults.
public struct NewSeries: Sendable {
    public var kind: String
    public var title: String
    public var startsOn: LocalDate
    public var chairs: [String]
    public var invitees: [String]
    public var cadence: ClockSpan?
    public var chairPeriod: ClockSpan?
    public var templateLead: ClockSpan?

    /// Makes the input for a series.
    public init(kind: String, title: String, startsOn: LocalDate, chairs: [String], invitees: [String], cadence: ClockSpan? = nil,
                chairPeriod: ClockSpan? = nil, templateLead: ClockSpan? = nil) {
        self.kind = kind
        self.title = title
        self.startsOn = startsOn
        self.chairs = chairs
        self.invitees = invitees
        self.cadence = cadence
        self.chairPeriod = chairPeriod
        self.templateLead = templateLead
    }
}
