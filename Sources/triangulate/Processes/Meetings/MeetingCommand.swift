import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate meeting`: meetings of every process — a case's, a series', or one on its own —
/// with invitees and attendance, an agenda, minutes from draft to agreed, decisions, an action
/// log and the items shared.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Record meetings: invitees, attendance, agenda, minutes, decisions, actions, items shared.",
        discussion: """
            A case's step that holds a meeting makes one; a series' meetings come from \
            `series meeting`; any other with `meeting new`. Only the chairing organisation minutes \
            a meeting, and agreed minutes no longer change. Share a meeting's record with its \
            invitees with `triangulate share MTG-2026-0001 --to …`, and the items marked as \
            shareable with the provider with `triangulate share MTG-2026-0001/PROVIDER --to …`.
            """,
        subcommands: [New.self, Show.self, List.self, Invite.self, Attendance.self, Agenda.self, Minutes.self, Agree.self, Decision.self,
                      Action.self, ActionUpdate.self, Item.self, Template.self, Kinds.self, SetTemplate.self])

    struct New: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Set up a meeting: its kind, day and chair (and its case, if any).")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Its kind (see `meeting kinds`).", valueName: "kind")) var kind: String
        @Option(help: ArgumentHelp("Its day.", valueName: "date")) var on: String
        @Option(help: ArgumentHelp("The chairing organisation (it minutes the meeting).", valueName: "code")) var chair: String
        @Option(name: .customLong("chair-person"), help: "The person chairing, if named.") var chairPerson: String?
        @Option(name: .customLong("case"), help: ArgumentHelp("The case it belongs to.", valueName: "reference")) var caseReference: String?
        @Flag(name: .customLong("personal-information"), help: "Personal information will be discussed: named invitees need a need to know.")
        var personalInformation = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.newMeeting(NewMeeting(kind: kind, date: try LocalDate(parsing: on), chair: chair, chairPerson: chairPerson,
                                                          caseReference: caseReference, personalInformation: personalInformation), by: global.userName)
            return Rendered(json: dossier, text: "Set up " + MeetingCommand.describe(dossier))
        }
    }

    struct Show: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting in full.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting, e.g. MTG-2026-0001.") var meeting: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.meeting(meeting)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier, full: true))
        }
    }

    struct List: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List meetings, newest first.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: ArgumentHelp("Only this case's.", valueName: "reference")) var caseReference: String?
        @Option(help: ArgumentHelp("Only this series'.", valueName: "reference")) var series: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let meetings = try store.meetings(caseReference: caseReference, seriesReference: series)
            let rows = meetings.map { [$0.meeting.reference, $0.meeting.date.description, $0.meeting.chair.rawValue, $0.meeting.minutesState.rawValue,
                                       $0.caseReference ?? $0.seriesReference ?? "", $0.kindTitle] }
            return Rendered(json: meetings, text: meetings.isEmpty ? "No meetings." : TextTable.render(["REFERENCE", "DATE", "CHAIR", "MINUTES", "OF", "KIND"], rows))
        }
    }

    struct Invite: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Invite an organisation, or a named person of it, to a meeting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: ArgumentHelp("The organisation.", valueName: "code")) var org: String
        @Option(help: "A person of it, where one is named.") var person: String?
        @Option(name: .customLong("need-to-know"), help: "Why the person needs to know, where personal information will be discussed.")
        var needToKnow: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.invite(to: meeting, organisation: org, person: person, needToKnow: needToKnow, by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier))
        }
    }

    struct Attendance: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record whether an invitee came.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: ArgumentHelp("The organisation.", valueName: "code")) var org: String
        @Option(help: "The person, for a named invitee.") var person: String?
        @Option(help: ArgumentHelp(TriangulateModel.Attendance.acceptedValues, valueName: "status")) var status: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.recordAttendance(at: meeting, organisation: org, person: person,
                                                     attendance: try TriangulateModel.Attendance.parse(status), by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier))
        }
    }

    struct Agenda: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a meeting's agenda.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(name: .customLong("item"), help: "An agenda item, in order; repeat it.") var items: [String] = []

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.setAgenda(of: meeting, items: items, by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier, full: true))
        }
    }

    struct Minutes: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Write a meeting's draft minutes (the chairing organisation only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "The minutes.") var text: String?
        @Option(help: ArgumentHelp("Read the minutes from a file (- for standard input).", valueName: "path")) var file: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            guard (text == nil) != (file == nil) else { throw NodeError(.invalidInput, "give the minutes with --text or --file, not both") }
            let dossier = try store.draftMinutes(of: meeting, text: try text ?? Parse.file(file!), by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier))
        }
    }

    struct Agree: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Agree a meeting's draft minutes, as the person acting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.agreeMinutes(of: meeting, on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier))
        }
    }

    struct Decision: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision of a meeting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "The decision.") var text: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.addDecision(to: meeting, text: text, by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier))
        }
    }

    struct Action: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Add an action to a meeting's log: what, which organisation owns it, by when.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "What is to be done, minimised.") var description: String
        @Option(help: ArgumentHelp("The organisation that owns it.", valueName: "code")) var owner: String
        @Option(name: .customLong("owner-person"), help: "The person of it who owns it, if named.") var ownerPerson: String?
        @Option(help: ArgumentHelp("The day it is due.", valueName: "date")) var due: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.addMeetingAction(to: meeting, description: description, owner: owner, ownerPerson: ownerPerson,
                                                     due: try LocalDate(parsing: due), by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier, full: true))
        }
    }

    struct ActionUpdate: NodeCommand {
        static let configuration = CommandConfiguration(commandName: "action-update", abstract: "Update an action: in-progress, done (with evidence), not-done (with the reason).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Argument(help: "The action's number, e.g. 1 or A1.") var number: String
        @Option(help: ArgumentHelp(MeetingActionStatus.acceptedValues, valueName: "status")) var status: String
        @Option(help: "The evidence it was done, or why not.") var evidence: String?
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            guard let value = Int(number.uppercased().hasPrefix("A") ? String(number.dropFirst()) : number) else {
                throw NodeError(.invalidInput, "'\(number)' is not an action number: use 1 or A1")
            }
            let dossier = try store.updateMeetingAction(of: meeting, number: value, status: try MeetingActionStatus.parse(status), evidence: evidence,
                                                        on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier, full: true))
        }
    }

    struct Item: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record an item shared at a meeting, and whether it may go to the provider.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: "Its topic, e.g. \"Monitoring reports\".") var topic: String
        @Option(help: "What was shared, minimised.") var summary: String
        @Option(help: ArgumentHelp("The organisation that shared it.", valueName: "code")) var from: String
        @Flag(name: .customLong("shared-with-provider"), help: "It may be shared with the provider (seed 003 §34).") var sharedWithProvider = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.addMeetingItem(to: meeting, topic: topic, summary: summary, from: from, sharedWithProvider: sharedWithProvider,
                                                   by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier, full: true))
        }
    }

    struct Template: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record that an invited organisation submitted its information-sharing template.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting.") var meeting: String
        @Option(help: ArgumentHelp("The organisation.", valueName: "code")) var org: String
        @Option(help: ArgumentHelp("The day it came (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.recordTemplate(for: meeting, organisation: org, on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: MeetingCommand.describe(dossier))
        }
    }

    struct Kinds: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List the kinds of meeting, with the agenda each starts with.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            struct Kind: Encodable { let id: String; let title: String; let takesTemplates: Bool; let agenda: [String] }
            let kinds = try store.meetingKinds().map { Kind(id: $0.kind.id, title: $0.kind.title, takesTemplates: $0.kind.takesTemplates, agenda: $0.agenda) }
            let text = kinds.map { "\($0.id): \($0.title)\n" + $0.agenda.enumerated().map { "    \($0.offset + 1). \($0.element)" }.joined(separator: "\n") }
            return Rendered(json: kinds, text: text.joined(separator: "\n"))
        }
    }

    struct SetTemplate: NodeCommand {
        static let configuration = CommandConfiguration(commandName: "set-agenda-template", abstract: "Set the agenda a kind of meeting starts with.")
        static let permission = StaffPermission.administer
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The kind (see `meeting kinds`).") var kind: String
        @Option(name: .customLong("item"), help: "An agenda item, in order; repeat it.") var items: [String] = []

        func execute(_ store: NodeStore) throws -> Rendered {
            let agenda = try store.setAgendaTemplate(kind: kind, items: items, by: global.userName)
            return Rendered(json: ["kind": kind, "agenda": agenda.joined(separator: "\n")], text: "Agenda of \(kind) set (\(agenda.count) items)")
        }
    }

    // MARK: Helpers

    /// A meeting in a few lines, or in full.
    static func describe(_ dossier: MeetingDossier, full: Bool = false) -> String {
        let meeting = dossier.meeting
        var lines = ["\(meeting.reference) \(dossier.kindTitle), \(meeting.date), chaired by \(meeting.chair)"
                     + (dossier.caseReference ?? dossier.seriesReference).map { " (\($0))" }.orEmpty,
                     "  Minutes: \(meeting.minutesState.rawValue)\(meeting.minutesAgreedBy.map { ", agreed by \($0) on \(meeting.minutesAgreedOn?.description ?? "")" }.orEmpty)"]
        if let due = dossier.templatesDue {
            let waiting = dossier.invitees.filter { $0.person == nil && $0.templateSubmittedOn == nil }.map(\.organisation.rawValue)
            lines.append("  Templates due \(due)\(waiting.isEmpty ? ": all in" : "; waiting for \(waiting.joined(separator: ", "))")")
        }
        if !dossier.invitees.isEmpty {
            lines.append("  Invited: " + dossier.invitees.map { "\($0.organisation)\($0.person.map { " (\($0))" }.orEmpty) \($0.attendance.rawValue)" }.joined(separator: "; "))
        }
        guard full else { return lines.joined(separator: "\n") }
        lines.append("  Agenda:")
        lines += meeting.agenda.enumerated().map { "    \($0.offset + 1). \($0.element)" }
        if let minutes = meeting.minutes { lines.append("  Minutes text: \(minutes)") }
        lines += meeting.decisions.enumerated().map { "  Decision \($0.offset + 1): \($0.element)" }
        lines += dossier.actions.map { "  A\($0.number) \($0.owner), due \($0.due), \($0.status.rawValue): \($0.description)\($0.evidence.map { " — \($0)" }.orEmpty)" }
        lines += dossier.items.map { "  Item \($0.number) from \($0.from)\($0.sharedWithProvider ? " [shared with provider]" : ""): \($0.topic): \($0.summary)" }
        return lines.joined(separator: "\n")
    }
}

extension Optional where Wrapped == String {
    /// The text, or nothing.
    var orEmpty: String { self ?? "" }
}
