/// The CQC–ADASS joint working protocol's meetings (seed 003 Annex B; DOMAIN.md §1.3.11): a
/// local information-sharing series per council area with CQC, at least every two months, its
/// chair rotating between CQC and the council every six months, each invited agency's template
/// due two days before each meeting; a regional meeting at least every six months; a first
/// meeting with a new DASS within three months of their starting. Meetings themselves — of
/// every process — are kept once (`Meeting`), and shared as `meeting-record` documents.
public enum InformationSharingMeetings {
    /// The meetings' kinds, their agendas after the seed's topics (§33, §39).
    public static let meetingKinds = [
        MeetingKind("adass-local", "Local information-sharing meeting (CQC and the council)", takesTemplates: true, agenda: [
            "Profile of risks in regulated services, especially those rated inadequate or requires improvement",
            "Analysis of risk factors in the services with the highest risks",
            "Local approaches to improve the general quality of care",
            "Learning from areas where quality improved and was sustained",
            "Local market shaping and new models of care",
            "Coordination in line with Quality Matters: less duplication and burden on providers",
            "Action points: owners and due dates",
        ]),
        MeetingKind("adass-regional", "Regional meeting (CQC and ADASS)", agenda: [
            "Strategic commissioning and market shaping",
            "Updates from CQC's registration function",
            "High-level provider risks, by provider and area",
            "Regional risks: workforce, cross-boundary work",
            "Quality issues; regional safeguarding themes",
            "Regional lessons learnt, best practice, regional ADASS priorities",
            "Review of partnership working; the annual CQC / ADASS regional event",
            "Escalation of risk from local meetings",
        ]),
        MeetingKind("adass-new-dass", "First meeting with a new DASS", agenda: [
            "Introductions and up-to-date contact details",
            "Local risks and priorities",
            "How CQC and the council share information",
        ]),
    ]

    /// The series each kind starts as, by default: its cadence, whether it repeats, its chair
    /// period and its template lead (seed 003 §29, §32, §39, §14).
    public static func defaults(for kind: String) -> (cadence: ClockSpan, repeats: Bool, chairPeriod: ClockSpan, templateLead: ClockSpan)? {
        let sixMonths = ClockSpan(6, .months)!, twoDays = ClockSpan(2, .calendarDays)!
        switch kind {
        case "adass-local": return (ClockSpan(2, .months)!, true, sixMonths, twoDays)
        case "adass-regional": return (sixMonths, true, sixMonths, twoDays)
        case "adass-new-dass": return (ClockSpan(3, .months)!, false, sixMonths, twoDays)
        default: return nil
        }
    }

    public static let meetingRecord = DocumentType(declared: "meeting-record")
    public static let providerItems = DocumentType(declared: "provider-shared-items")

    /// A meeting as its invitees receive it: minutes, decisions, attendance and actions; the
    /// named invitees only in an identifiable share, to those named.
    public static let meetingDocument = DocumentSchema(meetingRecord, [
        FieldSchema("reference", .register),
        FieldSchema("kind", .register),
        FieldSchema("title", .register),
        FieldSchema("date", .register),
        FieldSchema("chair", .register),
        FieldSchema("caseReference", .register),
        FieldSchema("agenda", .register),
        FieldSchema("minutes", .register),
        FieldSchema("minutesState", .register),
        FieldSchema("decisions", .register),
        FieldSchema("attendance", .map(subfields: ["attendance", "templateSubmittedOn"])),
        FieldSchema("namedInvitees", .register, isPersonal: true),
        FieldSchema("actions", .map(subfields: ["description", "owner", "due", "status", "evidence"])),
        FieldSchema("items", .map(subfields: ["topic", "summary", "from", "sharedWithProvider"])),
    ])

    /// The items of a meeting marked as shareable with the provider, and nothing else of it.
    public static let providerItemsDocument = DocumentSchema(providerItems, [
        FieldSchema("reference", .register),
        FieldSchema("date", .register),
        FieldSchema("chair", .register),
        FieldSchema("items", .map(subfields: ["topic", "summary", "from"])),
    ])

    /// The process, for the registry: meetings and series, their clocks, their documents.
    public static let definition = ProcessDefinition(
        id: "meetings",
        title: "Meetings and information-sharing series",
        source: "seed 003: CQC–ADASS joint working protocol, Annex B; seed 001's meetings",
        reference: ReferenceFormat(prefix: "MTG"),
        records: [
            RecordDefinition("meeting", [
                RecordField("kind", .text, required: true), RecordField("date", .date, required: true),
                RecordField("chair", .organisation, required: true), RecordField("chairPerson", .text, personal: true),
                RecordField("agenda", .text), RecordField("minutes", .text), RecordField("minutesState", .choice(MinutesState.allCases.map(\.rawValue))),
                RecordField("decisions", .text),
            ]),
            RecordDefinition("invitee", [
                RecordField("organisation", .organisation, required: true), RecordField("person", .text, personal: true),
                RecordField("needToKnow", .text), RecordField("attendance", .choice(Attendance.allCases.map(\.rawValue))),
                RecordField("templateSubmittedOn", .date),
            ]),
            RecordDefinition("action", [
                RecordField("description", .text, required: true), RecordField("owner", .organisation, required: true),
                RecordField("ownerPerson", .text, personal: true), RecordField("due", .date, required: true),
                RecordField("status", .choice(MeetingActionStatus.allCases.map(\.rawValue))), RecordField("evidence", .text),
            ]),
            RecordDefinition("series", [
                RecordField("kind", .text, required: true), RecordField("title", .text, required: true), RecordField("startsOn", .date, required: true),
                RecordField("cadence", .text), RecordField("chairs", .text), RecordField("chairPeriod", .text), RecordField("templateLead", .text),
            ]),
        ],
        machines: [
            StateMachineDescription(record: "minutes", states: MinutesState.allCases.map(\.rawValue), transitions: [
                TransitionDescription(event: "minutes", from: "none", to: "draft", rule: TransitionRule(by: [.chair], needs: ["minutes"])),
                TransitionDescription(event: "minutes", from: "draft", to: "draft", rule: TransitionRule(by: [.chair], needs: ["minutes"])),
                TransitionDescription(event: "agree", from: "draft", to: "agreed", rule: TransitionRule(by: [.chair], records: ["minutesAgreedBy", "minutesAgreedOn"])),
            ]),
            StateMachineDescription(record: "action", states: MeetingActionStatus.allCases.map(\.rawValue), transitions: [
                TransitionDescription(event: "in-progress", from: "open", to: "in-progress", rule: TransitionRule()),
                TransitionDescription(event: "done", from: "open", to: "done", rule: TransitionRule(needs: ["evidence"])),
                TransitionDescription(event: "done", from: "in-progress", to: "done", rule: TransitionRule(needs: ["evidence"])),
                TransitionDescription(event: "not-done", from: "open", to: "not-done", rule: TransitionRule(needs: ["evidence"])),
                TransitionDescription(event: "not-done", from: "in-progress", to: "not-done", rule: TransitionRule(needs: ["evidence"])),
            ]),
            StateMachineDescription(record: "template", states: ["due", "submitted"], transitions: [
                TransitionDescription(event: "template", from: "due", to: "submitted", rule: TransitionRule(records: ["templateSubmittedOn"])),
            ]),
            StateMachineDescription(record: "series", states: ["running"], transitions: [
                TransitionDescription(event: "meeting", from: "running", to: "running", rule: TransitionRule(records: ["date", "chair"])),
            ]),
        ],
        clocks: [nextMeetingClock, templateClock, actionClock],
        documents: [meetingDocument, providerItemsDocument])

    /// A series' next meeting, due by its cadence.
    public static let nextMeetingClock = ClockDefinition(id: "meetings.next-meeting", process: "meetings", what: "next meeting of the series",
                                                         starts: "meeting", stops: ["meeting"], warning: .before(ClockSpan(14, .calendarDays)!),
                                                         breach: .recordedDueDate)
    /// An invitee's information-sharing template, due before a meeting.
    public static let templateClock = ClockDefinition(id: "meetings.template", process: "meetings", what: "information-sharing template",
                                                      starts: "schedule", stops: ["template"], warning: .before(ClockSpan(3, .calendarDays)!),
                                                      breach: .recordedDueDate)
    /// An action agreed at a meeting.
    public static let actionClock = ClockDefinition(id: "meetings.action", process: "meetings", what: "meeting action", starts: "agree",
                                                    stops: ["done", "not-done"], warning: .before(ClockSpan(3, .workingDays)!), breach: .recordedDueDate)
}
