import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate panel`: Regulatory Review Panels, from the decision to call one to its close.
struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel", abstract: "Decide on, convene, attend, minute and close Regulatory Review Panels.",
        subcommands: [Decide.self, Convene.self, Invite.self, Attend.self, Agenda.self, Minutes.self, Distribute.self,
                      Close.self, Cancel.self, External.self, Show.self, List.self])

    struct Decide: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record the decision to call (--call) or not call (--not-call) a panel.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Flag(help: "Call a panel.") var call = false
        @Flag(help: "Do not call a panel.") var notCall = false
        @Option(help: "Why.") var rationale: String
        @Option(help: ArgumentHelp("The day of the decision (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            guard call != notCall else { throw ModelError(.invalidValue, "give exactly one of --call or --not-call") }
            let (decision, panel) = try store.decidePanel(concern, call: call, on: try Parse.date(on), rationale: rationale, by: global.userName)
            struct Decided: Encodable { let id: PanelDecisionID; let decision: PanelDecision; let panel: Panel? }
            let text = panel.map { "Panel \($0.reference) proposed (id \($0.id)). Next: triangulate panel convene \($0.reference) --chair NAME --date YYYY-MM-DD" }
                ?? "Recorded the decision not to call a panel."
            return Rendered(json: Decided(id: decision.id, decision: decision, panel: panel), text: text)
        }
    }

    struct Convene: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a panel with its chair and date; its agenda comes from the template.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel, e.g. ECP-2026-0001/P1.") var panel: String
        @Option(help: "The chair, a person at this organisation.") var chair: String
        @Option(help: ArgumentHelp("The day it meets.", valueName: "date")) var date: String
        @Option(help: ArgumentHelp(Panel.Format.acceptedValues, valueName: "format")) var format: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let convened = try store.convenePanel(panel, chair: chair, on: try LocalDate(parsing: date),
                                                  format: try format.map(Panel.Format.parse), by: global.userName)
            return Rendered(json: convened, text: Describe.panel(convened))
        }
    }

    struct Invite: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite a person, with why they need to know. Only those who need to know attend when personal information is shared.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String
        @Option(help: ArgumentHelp("Their organisation.", valueName: "code")) var org: String
        @Option(help: "Their name.") var person: String
        @Option(help: "Their role at the panel.") var role: String
        @Option(help: "Why they need to know.") var needToKnow: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let updated = try store.invite(Invitee(org: try Parse.org(org), person: person, role: role, needToKnow: needToKnow),
                                           to: panel, by: global.userName)
            return Rendered(json: updated, text: Describe.panel(updated))
        }
    }

    struct Attend: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record that an invitee attended (or sent apologies); the first attendance marks the panel held.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String
        @Option(help: ArgumentHelp("Their organisation.", valueName: "code")) var org: String
        @Option(help: "Their name, as invited.") var person: String
        @Flag(help: "They sent apologies.") var apologies = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let updated = try store.recordAttendance(at: panel, org: try Parse.org(org), person: person,
                                                     attendance: apologies ? .apologies : .attended, by: global.userName)
            return Rendered(json: updated, text: Describe.panel(updated))
        }
    }

    struct Agenda: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a panel's agenda before it meets: one item per line.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String
        @Option(help: ArgumentHelp("A file with one agenda item per line, or - for standard input.", valueName: "path")) var file: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let items = try Parse.file(file).split(whereSeparator: \.isNewline).map(String.init)
            let updated = try store.setAgenda(items, for: panel, by: global.userName)
            return Rendered(json: updated, text: Describe.panel(updated))
        }
    }

    struct Minutes: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record draft minutes (--file or --text), or agree them (--agree).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String
        @Option(help: ArgumentHelp("A file with the minutes, or - for standard input.", valueName: "path")) var file: String?
        @Option(help: "The minutes as text.") var text: String?
        @Flag(help: "Agree the draft minutes.") var agree = false
        @Option(help: ArgumentHelp("With --agree: the day they were agreed (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let updated: Panel
            switch (file, text, agree) {
            case (let file?, nil, false): updated = try store.draftMinutes(try Parse.file(file), for: panel, by: global.userName)
            case (nil, let text?, false): updated = try store.draftMinutes(text, for: panel, by: global.userName)
            case (nil, nil, true): updated = try store.agreeMinutes(for: panel, on: try Parse.date(on), by: global.userName)
            default: throw ModelError(.invalidValue, "give one of --file PATH, --text TEXT (draft minutes) or --agree")
            }
            return Rendered(json: updated, text: Describe.panel(updated))
        }
    }

    struct Distribute: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the panel's record went to all partners and the Forum secretariat.",
            discussion: "Without --to it goes to every organisation invited or involved in the concern, and the Forum secretariat.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String
        @Option(help: ArgumentHelp("Comma-separated organisation codes; must include the Forum secretariat (HSCRF).", valueName: "codes")) var to: String?
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let updated = try store.distributePanelRecord(panel, to: try Parse.orgs(to), on: try Parse.date(on), by: global.userName)
            return Rendered(json: updated, text: Describe.panel(updated))
        }
    }

    struct Close: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Close a panel whose record has been distributed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let closed = try store.closePanel(panel, by: global.userName)
            return Rendered(json: closed, text: Describe.panel(closed))
        }
    }

    struct Cancel: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a panel before it meets, with the reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String
        @Option(help: "Why.") var reason: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let cancelled = try store.cancelPanel(panel, reason: reason, by: global.userName)
            return Rendered(json: cancelled, text: Describe.panel(cancelled))
        }
    }

    struct External: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a panel another organisation convened that someone from here attended (counts in \"RRPs attended\").")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The convening organisation.", valueName: "code")) var convenedBy: String
        @Option(help: ArgumentHelp("The day it met.", valueName: "date")) var date: String
        @Option(help: "Who attended from here.") var person: String
        @Option(help: "Their role.") var role: String = "attendee"
        @Option(help: "The convening organisation's reference.") var reference: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let panel = try store.recordExternalPanel(
                convenedBy: try Parse.org(convenedBy), externalReference: reference, on: try LocalDate(parsing: date),
                attendee: person, role: role, by: global.userName)
            return Rendered(json: panel, text: Describe.panel(panel))
        }
    }

    struct Show: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "Show a panel.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The panel.") var panel: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let found = try store.panel(panel)
            return Rendered(json: found, text: Describe.panel(found))
        }
    }

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List panels, convened here or attended elsewhere.")
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let panels = try store.listPanels()
            var table = TextTable("REF", "CONVENED BY", "MEETS", "STATE", "ATTENDED BY")
            for panel in panels {
                table.add(panel.reference, panel.convenedBy.rawValue, panel.meetsOn?.description ?? "-", panel.state.rawValue,
                          panel.attendingOrganisations.map(\.rawValue).sorted().joined(separator: ","))
            }
            return Rendered(json: panels, text: panels.isEmpty ? "No panels." : table.rendered)
        }
    }
}
