import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// Meetings on a node, for every process, and the CQC–ADASS information-sharing series: their
/// tables, their shareable documents (a meeting's record to its invitees, its items marked as
/// shareable to the provider), and their clocks — each series' next meeting, each invitee's
/// template before a meeting, each open action.
enum MeetingsProcess: NodeProcess {
    static let definition = InformationSharingMeetings.definition

    static let migrations = MeetingSchema.migrations

    static let meetingKinds = InformationSharingMeetings.meetingKinds

    static func project(_ type: DocumentType, id: String, organisation: OrganisationCode, in db: Database) throws -> ProjectedDocument? {
        switch type {
        case InformationSharingMeetings.meetingRecord:
            guard let meeting = try Meeting.fetchOne(db, key: id) else { return nil }
            let dossier = try NodeStore.meetingDossier(meeting, in: db)
            var fields: [String: FieldValue] = [
                "reference": .register(meeting.reference),
                "kind": .register(meeting.kind),
                "title": .register(dossier.kindTitle),
                "date": .register(meeting.date.description),
                "chair": .register(meeting.chair.rawValue),
                "caseReference": .register(dossier.caseReference),
                "agenda": .register(meeting.agenda.joined(separator: "\n")),
                "minutes": .register(meeting.minutes),
                "minutesState": .register(meeting.minutesState.rawValue),
                "decisions": .register(meeting.decisions.isEmpty ? nil : meeting.decisions.joined(separator: "\n")),
                "namedInvitees": .register(namedInvitees(dossier.invitees)),
            ]
            for invitee in dossier.invitees where invitee.person == nil {
                fields["attendance/\(invitee.organisation)/attendance"] = .register(invitee.attendance.rawValue)
                fields["attendance/\(invitee.organisation)/templateSubmittedOn"] = .register(invitee.templateSubmittedOn?.description)
            }
            for action in dossier.actions {
                let key = "actions/A\(action.number)/"
                fields[key + "description"] = .register(action.description)
                fields[key + "owner"] = .register(action.owner.rawValue)
                fields[key + "due"] = .register(action.due.description)
                fields[key + "status"] = .register(action.status.rawValue)
                fields[key + "evidence"] = .register(action.evidence)
            }
            for item in dossier.items {
                let key = "items/\(item.number)/"
                fields[key + "topic"] = .register(item.topic)
                fields[key + "summary"] = .register(item.summary)
                fields[key + "from"] = .register(item.from.rawValue)
                fields[key + "sharedWithProvider"] = .register(item.sharedWithProvider ? "yes" : "no")
            }
            return (DocumentHeader(id: id, type: type, owner: organisation.rawValue), fields)
        case InformationSharingMeetings.providerItems:
            guard let meeting = try Meeting.filter(Column("providerDocumentId") == id).fetchOne(db) else { return nil }
            let items = try MeetingItem.filter(Column("meetingId") == meeting.id.description && Column("sharedWithProvider") == true)
                .order(Column("number")).fetchAll(db)
            guard !items.isEmpty else { return nil }
            var fields: [String: FieldValue] = [
                "reference": .register(meeting.reference + "/PROVIDER"),
                "date": .register(meeting.date.description),
                "chair": .register(meeting.chair.rawValue),
            ]
            for item in items {
                fields["items/\(item.number)/topic"] = .register(item.topic)
                fields["items/\(item.number)/summary"] = .register(item.summary)
                fields["items/\(item.number)/from"] = .register(item.from.rawValue)
            }
            return (DocumentHeader(id: id, type: type, owner: organisation.rawValue), fields)
        default:
            return nil
        }
    }

    /// The named invitees, one per line, with why each needs to know: personal data.
    private static func namedInvitees(_ invitees: [MeetingInvitee]) -> String? {
        let lines = invitees.filter { $0.person != nil }.map { "\($0.organisation): \($0.person!)\($0.needToKnow.map { " (\($0))" } ?? "")" }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Nothing of a meeting is written by its invitees.
    static func writeBack(_ view: DocumentView, to header: DocumentHeader, edits: PartnerEdits, in db: Database) throws {}

    /// Each series' next meeting, each invitee's template before a meeting not yet minuted, each
    /// open action; each for the person who recorded the series or meeting (an action's owner,
    /// when named).
    static func openClocks(in db: Database, calendar: WorkingCalendar, nation: Nation) throws -> [OpenClock] {
        var clocks: [OpenClock] = []
        let series = try MeetingSeries.fetchAll(db)
        let meetings = try Meeting.fetchAll(db)
        let bySeries = Dictionary(grouping: meetings.filter { $0.seriesId != nil }, by: { $0.seriesId! })
        for one in series {
            guard let due = SeriesRules.nextDue(of: one, held: (bySeries[one.id.description] ?? []).map(\.date)) else { continue }
            clocks.append(OpenClock(clock: InformationSharingMeetings.nextMeetingClock, reference: one.reference,
                                    owner: SeriesRules.chair(of: one, on: due).rawValue, person: one.recordedBy, due: due))
        }
        let seriesByID = Dictionary(uniqueKeysWithValues: series.map { ($0.id.description, $0) })
        let templateKinds = Set(ProcessRegistry.meetingKinds.filter(\.takesTemplates).map(\.id))
        for meeting in meetings where templateKinds.contains(meeting.kind) && meeting.minutesState == .none {
            let settings = meeting.seriesId.flatMap { seriesByID[$0] } ?? MeetingSeries.standIn(kind: meeting.kind, on: meeting.date)
            let due = SeriesRules.templateDue(of: settings, meetingOn: meeting.date, calendar: calendar, nation: nation)
            let waiting = try String.fetchAll(db, sql: """
                SELECT DISTINCT organisation FROM meetingInvitee WHERE meetingId = ? AND templateSubmittedOn IS NULL AND person IS NULL ORDER BY organisation
                """, arguments: [meeting.id.description])
            for organisation in waiting {
                clocks.append(OpenClock(clock: InformationSharingMeetings.templateClock, reference: meeting.reference, owner: organisation,
                                        person: meeting.recordedBy, due: due))
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0) })
        for action in try MeetingAction.filter([MeetingActionStatus.open.rawValue, MeetingActionStatus.inProgress.rawValue].contains(Column("status"))).fetchAll(db) {
            let meeting = byID[action.meetingId]
            clocks.append(OpenClock(clock: InformationSharingMeetings.actionClock, reference: "\(meeting?.reference ?? "?")/A\(action.number)",
                                    owner: action.owner.rawValue, person: action.ownerPerson ?? meeting?.recordedBy, due: action.due))
        }
        return clocks
    }

    /// `MTG-2026-0001` (its record), `MTG-2026-0001/PROVIDER` (its items for the provider).
    static func resolveDocument(_ text: String, in db: Database) throws -> NamedDocument? {
        let upper = text.uppercased()
        let forProvider = upper.hasSuffix("/PROVIDER")
        let reference = forProvider ? String(upper.dropLast("/PROVIDER".count)) : upper
        guard definition.reference.matches(reference) else { return nil }
        let meeting = try Lookup.one(Meeting.self, reference, noun: "meeting", in: db)
        return forProvider ? NamedDocument(id: meeting.providerDocumentId, concernId: nil, reference: meeting.reference + "/PROVIDER")
            : NamedDocument(id: meeting.id.description, concernId: nil, reference: meeting.reference)
    }

    static func cases(in db: Database, only ids: [String]?) throws -> [CaseSummary] { [] }
    static let caseCategories: [String] = []
    static let caseStates: [(value: String, label: String)] = []
    static func caseDetail(id: String, in db: Database) throws -> CaseDetail? { nil }
    static let steps: [StepDefinition] = []
    static func allowedSteps(on id: String, in db: Database) throws -> [StepDefinition]? { nil }

    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String {
        throw NodeError(.notFound, "meetings have no steps: use `triangulate meeting`")
    }

    static func correctableFields(on id: String, in db: Database) throws -> [CorrectableField]? { nil }

    static func applyCorrection(_ key: String, value: String, on id: String, _ command: Command) throws {
        throw NodeError(.notFound, "\(key) is not a value that can be corrected")
    }
}
