import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol

/// `triangulate due`: the worklist — everything open with a clock, overdue first.
struct DueCommand: NodeCommand {
    static var permission: StaffPermission { .read }
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List everything open with a clock: overdue first, then due today, then by due date.",
        discussion: """
            Each line: the record's reference, what is due, who owes it, the due date, the time left \
            (negative: overdue) in the clock's unit, and red (overdue), amber (due today or soon) or \
            green. The Emerging Concerns Protocol's clocks run to the due dates recorded on \
            information requests and actions, and ten working days for a panel's record once its \
            minutes are agreed; a Healthwatch escalation's to each stage's response clock \
            (`escalation clock`); a council's cases (osg, pcp) to the seed's deadlines (`case show`); \
            meetings to each series' next meeting, each invitee's template and each action. Working days exclude the nation's bank holidays (see \
            `triangulate calendar`). `--user NAME` given here lists only what NAME owes or \
            recorded, as `--for-user` does. Below the table: the open match alerts, subjects other \
            organisations also hold cases on (`triangulate match alerts`).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to count from (default today, in London).", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("Only this process's clocks: \(NodeStore.processes.map(\.id).joined(separator: ", ")).", valueName: "process")) var process: String?
    @Option(help: ArgumentHelp("Only what this organisation owes.", valueName: "code")) var owner: String?
    @Option(name: .customLong("for-user"), help: ArgumentHelp("Only what this person owes, or recorded.", valueName: "name")) var forUser: String?
    @Option(help: ArgumentHelp("england-and-wales, scotland or northern-ireland (default: the node's, see `calendar nation`).", valueName: "nation")) var nation: String?
    @Option(help: ArgumentHelp("table, csv or json (--json also gives json).", valueName: "format")) var format: String = "table"

    func execute(_ store: NodeStore) throws -> Rendered {
        let format = try ReportCommand.Format.parse(self.format)
        let entries = try store.worklist(asOf: try Parse.date(asOf), nation: try nation.map { try Nation(parsing: $0) } ?? store.defaultNation(),
                                         filter: WorklistFilter(process: process, owner: owner, person: forUser ?? global.user))
        let rows = entries.map { entry in
            [entry.status.rawValue, entry.reference, entry.what, entry.owner ?? "", entry.person ?? "",
             entry.due.description + (entry.provisional ? " (provisional)" : ""),
             "\(entry.remaining) \(entry.unit.rawValue)"]
        }
        let headers = ["status", "reference", "due", "owner", "person", "due on", "left"]
        switch format {
        case .json: return Rendered(json: entries, text: "")
        case .csv:
            let lines = ([headers] + rows).map { $0.map(ReportTable.csvField).joined(separator: ",") }
            return Rendered(json: entries, text: lines.joined(separator: "\n"))
        case .table:
            // Below the clocks, what matching found (`match alerts` lists it in full).
            let alerts = try store.matchAlerts().filter { $0.state == .open }
            let matches = alerts.map { alert in
                "Also held elsewhere: \(alert.subject ?? alert.kind.rawValue) (\(alert.cases.map(\.reference).joined(separator: ", "))) — \(alert.others) other organisation\(alert.others == 1 ? "" : "s"). \(alert.introductionStatus)."
            }
            return Rendered(json: entries, text: ([entries.isEmpty ? "Nothing open with a clock." : TextTable.render(headers, rows)] + matches)
                .joined(separator: "\n"))
        }
    }

    func run() throws {
        do {
            let store = try NodeStore.open(at: global.storePath)
            store.fileWarning.map { FileHandle.standardError.write(Data("triangulate: \($0)\n".utf8)) }
            try store.requireActing(as: global.userName, for: Self.permission)
            try execute(store).print(json: global.json || (try? ReportCommand.Format.parse(format)) == .json)
        } catch {
            throw Failure.report(error, json: global.json)
        }
    }
}
