import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate case`: the processes that are flows of steps — councils' organisational
/// safeguarding (`osg`) and Provider Concerns (`pcp`), and the LGSCO–CQC exchange's alerts,
/// final decisions and notices — opened, stepped through, shown and reported on, every step
/// through the same rules as the web application's forms.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Run a case of a process of steps (osg, pcp, lgsco-alert, lgsco-decision, cqc-investigation, cqc-conditions), step by step.",
        discussion: """
            Each step asks for its own answers, given as --set NAME=VALUE (repeat it) and --on DATE (the \
            day it happened, default today); `case steps osg` lists every step of a process with its \
            answers, `case steps OSG-2026-0001` the steps allowed on a case now. A step not allowed now \
            is refused with what is allowed instead. Deadlines (working days by the node's nation's bank \
            holidays, hours, months) appear in `case show`, the worklist (`triangulate due`) and \
            `case report`. A step that holds a meeting makes one (`triangulate meeting`); a closure \
            writes a notice to share (`triangulate share OSG-2026-0001/NOTICE --to …`). A notice's \
            recipients may reply with the steps its process lets them take (`triangulate received \
            reply`), which its owner's node records on the case; a notice under embargo (a final \
            decision) holds its release day, and publishing before it is refused.
            """,
        subcommands: [Steps.self, Open.self, Take.self, Show.self, List.self, Report.self, Settings.self])

    struct Settings: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a process's settings here, or set one: `case settings lgsco-decision publication-lag \"3 months\"`.",
            discussion: "A publication lag is a span: `42 calendar days` (six weeks, the default) or `3 months` (the 2017 agreement).")
        static let permission = StaffPermission.administer
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process, e.g. lgsco-decision.") var process: String
        @Argument(help: "The setting to change.") var name: String?
        @Argument(help: "Its new value.") var value: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let settings: [FlowSettingValue]
            switch (name, value) {
            case (nil, _): settings = try store.flowSettings(process: process)
            case (let name?, let value?): settings = try store.setFlowSetting(process: process, name: name, value: value, by: global.userName)
            case (let name?, nil): throw NodeError(.invalidInput, "give \(name) a value, e.g. \"42 calendar days\"")
            }
            return Rendered(json: settings, text: settings.isEmpty
                ? "\(process) has no settings."
                : settings.map { "\($0.name): \($0.value)\($0.isDefault ? " (default)" : "")" }.joined(separator: "\n"))
        }
    }

    struct Steps: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List a process's steps, or those allowed on a case now, with their answers.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A process (osg, pcp) or a case (OSG-2026-0001).") var target: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let steps: [StepDefinition]
            if let flow = NodeStore.flows.first(where: { $0.id == target.lowercased() }) {
                steps = flow.steps.map(\.definition)
            } else {
                let dossier = try store.flowCase(target)
                let flow = NodeStore.flows.first { $0.id == dossier.flowCase.process }!
                steps = dossier.allowedNext.compactMap { flow.step($0.id)?.definition }
            }
            struct Field: Encodable { let name: String; let label: String; let required: Bool; let accepts: String }
            struct Step: Encodable { let id: String; let title: String; let fields: [Field] }
            let listed = steps.map { step in
                Step(id: step.id, title: step.title, fields: step.fields.map { Field(name: $0.name, label: $0.label, required: $0.isRequired, accepts: Self.accepts($0.kind)) })
            }
            let text = listed.map { step in
                "\(step.id): \(step.title)\n" + step.fields.map { "    \($0.name)\($0.required ? "" : "?") — \($0.label) [\($0.accepts)]" }.joined(separator: "\n")
            }.joined(separator: "\n")
            return Rendered(json: listed, text: text.isEmpty ? "No step is allowed now." : text)
        }

        static func accepts(_ kind: StepField.Kind) -> String {
            switch kind {
            case .text: "text"
            case .longText: "text"
            case .date: "YYYY-MM-DD"
            case .flag: "yes|no"
            case .organisation: "organisation code"
            case .choice(let choices): choices.map(\.value).joined(separator: "|")
            }
        }
    }

    struct Open: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Open a case: `case open osg --set title=… --set subject=… --set summary=…`.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process: osg (organisational safeguarding) or pcp (Provider Concerns).") var process: String
        @Option(name: .customLong("set"), help: ArgumentHelp("An answer, NAME=VALUE; repeat it (see `case steps PROCESS`).", valueName: "name=value"))
        var answers: [String] = []
        @Option(help: ArgumentHelp("The day it happened (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let flow = try CaseCommand.flow(process)
            let step = try store.step(flow.openingStep.id, of: flow.id)
            let id = try store.take(step, answers: try CaseCommand.answers(answers, on: on, for: step.step), on: nil, by: global.userName)
            let dossier = try store.flowCase(id)
            return Rendered(json: dossier, text: "Opened " + CaseCommand.describe(dossier))
        }
    }

    struct Take: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Take a step on a case: `case take OSG-2026-0001 dass-agree --set …`.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case, e.g. OSG-2026-0001.") var reference: String
        @Argument(help: "The step (see `case steps OSG-2026-0001`).") var step: String
        @Option(name: .customLong("set"), help: ArgumentHelp("An answer, NAME=VALUE; repeat it.", valueName: "name=value")) var answers: [String] = []
        @Option(help: ArgumentHelp("The day it happened (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let before = try store.flowCase(reference)
            let flow = try CaseCommand.flow(before.flowCase.process)
            guard flow.step(step.lowercased()) != nil else {
                throw NodeError(.notFound, "\(flow.title) has no step '\(step)': its steps are \(flow.steps.dropFirst().map(\.id).joined(separator: ", "))")
            }
            let processStep = try store.step(step.lowercased(), of: flow.id)
            _ = try store.take(processStep, answers: try CaseCommand.answers(answers, on: on, for: processStep.step),
                               on: before.flowCase.id.description, by: global.userName)
            let dossier = try store.flowCase(before.flowCase.reference)
            return Rendered(json: dossier, text: "\(processStep.step.title): " + CaseCommand.describe(dossier))
        }
    }

    struct Show: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case: its stage, deadlines, checklists, plan, meetings and history.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case, e.g. OSG-2026-0001.") var reference: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.flowCase(reference)
            let flow = try CaseCommand.flow(dossier.flowCase.process)
            var lines = [CaseCommand.describe(dossier)]
            for item in dossier.items {
                lines.append("  \(flow.itemLists.first { $0.id == item.list }?.title ?? item.list) \(item.number): \(item.answers["area"] ?? "") — \(item.status)\(item.due.map { ", due \($0)" } ?? "")")
            }
            if !dossier.meetings.isEmpty { lines.append("  Meetings: \(dossier.meetings.joined(separator: ", "))") }
            if !dossier.notices.isEmpty {
                lines.append("  Notices to share: " + dossier.notices.map { notice in
                    notice.reference + (notice.releaseOn.map { " (under embargo until \($0))" } ?? "")
                }.joined(separator: ", "))
            }
            for reply in dossier.replies { lines.append("  Reply from \(reply.from) to \(reply.notice): \(reply.step), \(reply.outcome)") }
            lines.append("  History:")
            for event in dossier.history {
                lines.append("    \(event.on)  \(flow.step(event.step)?.definition.title ?? event.step)  (\(event.by))")
            }
            return Rendered(json: dossier, text: lines.joined(separator: "\n"))
        }
    }

    struct List: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List cases, newest first (open ones, unless --all).")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this process: osg or pcp.", valueName: "process")) var process: String?
        @Flag(help: "Include closed cases.") var all = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let cases = try store.flowCases(process: process, includeClosed: all)
            let rows = cases.map { [$0.flowCase.reference, $0.flowCase.openedOn.description, $0.flowCase.state,
                                    $0.openClocks.map(\.due).min()?.description ?? "", $0.flowCase.title] }
            return Rendered(json: cases, text: cases.isEmpty ? "No cases." : TextTable.render(["REFERENCE", "OPENED", "STATE", "NEXT DUE", "TITLE"], rows))
        }
    }

    struct Report: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report on a process: cases opened and closed, open by stage, deadlines met and missed, time in each stage.",
            discussion: "Counts and days only: no references, no providers, no names.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The process: osg or pcp.") var process: String
        @Option(help: ArgumentHelp("The first day (default 1 January this year).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("The last day (default today).", valueName: "date")) var to: String?
        @Option(help: ArgumentHelp("table (default) or csv.", valueName: "format")) var format = "table"

        func execute(_ store: NodeStore) throws -> Rendered {
            guard ["table", "csv"].contains(format) else { throw NodeError(.invalidInput, "unknown format '\(format)': use table or csv (or --json)") }
            let today = store.today
            let report = try store.flowReport(process: process, from: try Parse.date(from, default: LocalDate(year: today.year, month: 1, day: 1)!),
                                              to: try Parse.date(to, default: today))
            let table = FlowReportTable(report)
            let text = format == "csv" ? String(table.csv.dropLast()) : TextTable.render(FlowReportTable.headings.map { $0.uppercased() }, table.rows)
            return Rendered(json: report, text: "\(format == "csv" ? "" : "\(NodeStore.processTitle(report.process)), \(report.from) to \(report.to)\n")\(text)")
        }
    }

    // MARK: Helpers

    static func flow(_ id: String) throws -> FlowDefinition {
        guard let flow = NodeStore.flows.first(where: { $0.id == id.lowercased() }) else {
            throw NodeError(.invalidInput, "unknown process '\(id)': use one of \(NodeStore.flows.map(\.id).joined(separator: ", "))")
        }
        return flow
    }

    /// `NAME=VALUE` answers, checked against the step's field names, with `on`.
    static func answers(_ pairs: [String], on: String?, for step: StepDefinition) throws -> [String: String] {
        var answers: [String: String] = [:]
        let names = Set(step.fields.map(\.name))
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else { throw NodeError(.invalidInput, "'\(pair)' is not NAME=VALUE") }
            let name = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            guard names.contains(name) else {
                throw NodeError(.invalidInput, "\(step.id) asks no '\(name)': it asks \(step.fields.map(\.name).joined(separator: ", "))")
            }
            answers[name] = String(pair[pair.index(after: equals)...])
        }
        if let on { answers["on"] = on } else if answers["on"] == nil { answers["on"] = LondonMoment(Date()).date.description }
        return answers
    }

    /// A case in a few lines: where it is, what is due, what is missing, what may come next.
    static func describe(_ dossier: FlowCaseDossier) -> String {
        var lines = ["\(dossier.flowCase.reference) \(dossier.flowCase.title) — \(dossier.flowCase.subject)",
                     "  \(dossier.stage): \(dossier.stateLabel)"]
        for clock in dossier.openClocks { lines.append("  Due \(clock.due): \(clock.what) (\(clock.unit) from \(clock.startedOn))") }
        for checklist in dossier.checklists where !checklist.missing.isEmpty && !checklist.done.isEmpty {
            lines.append("  Still to do in \(checklist.step): \(checklist.missing.joined(separator: ", "))")
        }
        if !dossier.allowedNext.isEmpty { lines.append("  Next: \(dossier.allowedNext.map(\.id).joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }
}
