import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate escalation`: a local Healthwatch's escalation of a patient-safety concern
/// (seed 004), stage by stage, with each stage's response clock.
struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation",
        abstract: "Record a local Healthwatch's escalation of a patient-safety concern, stage by stage.",
        discussion: """
            For systemic concerns — affecting several people rather than individual circumstances, \
            nearly never events included — about patient safety, or the culture or governance, of \
            one or more organisations. Stages go in order: the organisation itself, the commissioner \
            or integrated care board, the Healthwatch England regional manager, then CQC (copying the \
            regional manager in). A stage may be skipped with a reason. Each stage raised has a \
            response clock: amber from 20 and overdue after 30 calendar days unless changed with \
            `escalation clock`. Share an escalation with CQC with \
            `triangulate share HWE-2026-0001 --to CQC …`.
            """,
        subcommands: [Open.self, Raise.self, Skip.self, Response.self, Hold.self, Resume.self, Close.self, Show.self, List.self,
                      Report.self, Clock.self])

    struct Open: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record a concern this Healthwatch will escalate.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("patient-safety, culture or governance.", valueName: "type")) var type: String
        @Option(name: .customLong("organisation"), help: ArgumentHelp("An organisation concerned; repeat for several.", valueName: "name"))
        var organisations: [String] = []
        @Option(help: "A short title.") var title: String
        @Option(help: "The concern, minimised: no names of patients, staff or members of the public.") var summary: String
        @Flag(help: "It affects several people rather than individual circumstances.") var systemic = false
        @Flag(name: .customLong("nearly-never-event"), help: "It includes a nearly never event.") var nearlyNeverEvent = false
        @Flag(name: .customLong("safeguarding-considered"), help: "The local safeguarding policy and processes were considered.")
        var safeguardingConsidered = false
        @Option(name: .customLong("safeguarding-note"), help: "What was decided under the safeguarding policy.") var safeguardingNote: String?
        @Option(help: ArgumentHelp("The day it was identified (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.openEscalation(NewEscalation(
                concernType: try EscalationConcernType.parse(type), organisations: organisations, title: title, summary: summary,
                systemic: systemic, nearlyNeverEvent: nearlyNeverEvent, identifiedOn: try Parse.date(on),
                safeguardingConsidered: safeguardingConsidered, safeguardingNote: safeguardingNote), by: global.userName)
            let next = "Next: raise it with the organisation (escalation raise \(dossier.escalation.reference) --with WHO), or skip that with the reason (escalation skip \(dossier.escalation.reference) --reason …)"
            return Rendered(json: dossier, text: "Opened " + EscalationText.line(dossier) + "\n" + next)
        }
    }

    struct Raise: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Raise the escalation at its next stage; its response clock starts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation, e.g. HWE-2026-0001.") var escalation: String
        @Option(help: ArgumentHelp("The stage (default the next): organisation, commissioner, regional-manager or cqc.", valueName: "stage"))
        var stage: String?
        @Option(help: ArgumentHelp("Who it was raised with: an organisation or a role, e.g. \"NHS Kent ICB quality team\".", valueName: "who"))
        var with: String
        @Option(help: ArgumentHelp("For CQC: the regional manager copied in.", valueName: "name")) var copy: String?
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.raiseEscalation(escalation, stage: try stage.map(EscalationStage.parse), with: with, copiedTo: copy,
                                                    on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: EscalationText.line(dossier))
        }
    }

    struct Skip: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Skip the escalation's next stage, with the reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation.") var escalation: String
        @Option(help: ArgumentHelp("The stage (default the next).", valueName: "stage")) var stage: String?
        @Option(help: "Why, e.g. \"the concern is about the chief executive\".") var reason: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.skipEscalationStage(escalation, stage: try stage.map(EscalationStage.parse), reason: reason,
                                                        on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: EscalationText.line(dossier))
        }
    }

    struct Response: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the response at the stage awaiting one, or that none came; its clock stops.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation.") var escalation: String
        @Option(help: "What the response said, minimised.") var summary: String?
        @Flag(help: "No response came.") var none = false
        @Flag(inversion: .prefixedNo, help: "Whether the response is satisfactory (unsatisfactory: raise the next stage).")
        var satisfactory: Bool?
        @Option(help: ArgumentHelp("The day it came (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            guard none != (summary != nil) else { throw NodeError(.invalidInput, "give the response's --summary, or --none when none came") }
            let dossier = try store.recordEscalationResponse(escalation, summary: none ? nil : summary, satisfactory: satisfactory,
                                                             on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: EscalationText.line(dossier))
        }
    }

    struct Hold: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put the waiting stage's clock on hold: the organisation asked for information or time, and you agreed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation.") var escalation: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.holdEscalation(escalation, on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: EscalationText.line(dossier))
        }
    }

    struct Resume: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Restart the held stage's clock; the days on hold do not count.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation.") var escalation: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.resumeEscalation(escalation, on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: EscalationText.line(dossier))
        }
    }

    struct Close: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Close the escalation with its outcome.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation.") var escalation: String
        @Option(help: ArgumentHelp("resolved-locally, cqc-acting, no-further-action or withdrawn.", valueName: "outcome")) var outcome: String
        @Option(help: "What happened.") var summary: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.closeEscalation(escalation, outcome: try EscalationOutcome.parse(outcome), summary: summary,
                                                    on: try Parse.date(on), by: global.userName)
            return Rendered(json: dossier, text: EscalationText.line(dossier))
        }
    }

    struct Show: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "Show an escalation, its stages and its clock.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation.") var escalation: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.escalation(escalation)
            return Rendered(json: dossier, text: EscalationText.full(dossier))
        }
    }

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List open escalations, newest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Closed ones too.") var all = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossiers = try store.escalations(includeClosed: all)
            return Rendered(json: dossiers, text: dossiers.isEmpty ? "No \(all ? "" : "open ")escalations." : dossiers.map(EscalationText.line).joined(separator: "\n"))
        }
    }

    struct Report: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(
            abstract: "The quarter's figures for the Healthwatch Patient Safety Network: counts and response times, no names.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The calendar quarter, e.g. 2026-Q4 (default the current one).", valueName: "YYYY-QN")) var quarter: String?
        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to report as of (default today).", valueName: "date")) var asOf: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let asOf = try Parse.date(asOf)
            let quarter = try quarter.map { try Quarter(parsing: $0) } ?? Quarter(containing: asOf)
            let report = try store.escalationReport(quarter: quarter, asOf: asOf, nation: try store.defaultNation())
            return Rendered(json: report, text: EscalationText.report(report))
        }
    }

    struct Clock: NodeCommand {
        static var permission: StaffPermission { .administer }
        static let configuration = CommandConfiguration(
            abstract: "Show or set the stages' response clocks (default: amber from 20, overdue after 30 calendar days).",
            discussion: "Seed 004 expects a response \"within 20-30 days\" and asks for a reasonable period at each stage: set one stage with --stage, or all.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this stage (default every stage).", valueName: "stage")) var stage: String?
        @Option(help: ArgumentHelp("When the clock turns amber, e.g. \"15 working days\".", valueName: "span")) var warning: String?
        @Option(help: ArgumentHelp("When the response is overdue, e.g. \"20 working days\".", valueName: "span")) var breach: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            guard (warning == nil) == (breach == nil) else { throw NodeError(.invalidInput, "give both --warning and --breach, or neither to show the clocks") }
            let settings: [ResponseClockSetting]
            if let warning, let breach {
                settings = try store.setEscalationClock(stage: try stage.map(EscalationStage.parse), warning: try ClockSpan(parsing: warning),
                                                        breach: try ClockSpan(parsing: breach), by: global.userName)
            } else {
                settings = try store.escalationClockSettings()
            }
            let rows = settings.map { [$0.stage.rawValue, $0.warning.description, $0.breach.description] }
            return Rendered(json: settings, text: TextTable.render(["stage", "amber from", "overdue after"], rows))
        }
    }
}
