import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate ombudsman`: the LGSCO–CQC monthly spreadsheet of adult social care decisions
/// (seed 002): recorded and exported at LGSCO, imported at CQC; and the calls passed between them.
struct OmbudsmanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ombudsman",
        abstract: "LGSCO's monthly spreadsheet of adult social care decisions (record, export, import), and calls passed between LGSCO and CQC.",
        discussion: """
            The spreadsheet has exactly nine headings: LGO case ID, Body/organisation, CQC ID, Location, \
            Location CQC ID, Sub category, Received date, Decision date, Overall decision detail. It is \
            written as CSV (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, a cell a spreadsheet \
            would run as a formula behind an apostrophe) or as an XLSX workbook (`--format xlsx`, every \
            cell text). The decision detail is kept verbatim; one that \
            is not a known decision is flagged, never refused. An import reports each unreadable row with \
            its number and reason, imports the rest, adds nothing for a case already held, and measures \
            the location ids against the register (`provider import`).
            """,
        subcommands: [Record.self, Export.self, Import.self, CallCommand.self])

    struct Record: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision for the monthly spreadsheet.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: ArgumentHelp("The LGSCO case reference, YY NNN NNN.", valueName: "reference")) var caseReference: String
        @Option(help: "The body or organisation complained about.") var body: String
        @Option(name: .customLong("cqc-id"), help: ArgumentHelp("The provider's CQC id.", valueName: "id")) var cqcId = ""
        @Option(help: "The location's name.") var location = ""
        @Option(name: .customLong("location-id"), help: ArgumentHelp("The location's CQC id.", valueName: "id")) var locationId = ""
        @Option(name: .customLong("sub-category"), help: "The sub category, e.g. Residential care.") var subCategory: String
        @Option(help: ArgumentHelp("The day the complaint was received.", valueName: "date")) var received: String
        @Option(help: ArgumentHelp("The day of the decision (default today).", valueName: "date")) var decided: String?
        @Option(help: "The overall decision detail, verbatim.") var detail: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let cells = [caseReference, body, cqcId, location, locationId, subCategory, received, decided ?? store.today.description, detail]
            let row = try store.recordOmbudsmanDecision(try MonthlyDecisionSheet.row(cells), by: global.userName)
            return Rendered(json: row, text: "Recorded \(row.caseReference): \(row.decision?.rawValue ?? "a decision detail not known (kept, flagged)")")
        }
    }

    struct Export: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Write the spreadsheet of a month's decisions.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @Option(help: ArgumentHelp("The file to write (default standard output).", valueName: "path")) var out: String?
        @Option(help: ArgumentHelp("csv or xlsx (default: xlsx when the file ends .xlsx, else csv).", valueName: "format")) var format: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let chosen = try format.map { try SpreadsheetFormat.parse($0) } ?? (out?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .csv)
            let data = try store.decisionSheet(month: month, format: chosen)
            guard let out else {
                FileHandle.standardOutput.write(data)
                return Rendered(json: ["bytes": data.count], text: "")
            }
            guard FileManager.default.createFile(atPath: out, contents: data) else { throw NodeError(.invalidInput, "cannot write \(out)") }
            return Rendered(json: ["file": out, "bytes": "\(data.count)"], text: "Wrote \(out) (\(data.count) bytes)")
        }
    }

    struct Import: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Import LGSCO's monthly spreadsheet (CSV or XLSX).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV or XLSX file.") var file: String

        func execute(_ store: NodeStore) throws -> Rendered {
            guard let data = FileManager.default.contents(atPath: file) else { throw NodeError(.invalidInput, "cannot read \(file): check the path") }
            let result = try store.importDecisionSheet(data, by: global.userName)
            var lines = ["\(result.added) decisions added, \(result.alreadyHeld) already held, \(result.unreadable.count) rows unreadable."]
            lines += result.unreadable.map { "  row \($0.row): \($0.reason)" }
            if !result.unknownDecisions.isEmpty { lines.append("  Decision detail not known (kept, flagged): \(result.unknownDecisions.joined(separator: ", "))") }
            lines.append("  Location ids: " + result.locationQuality.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            return Rendered(json: result, text: lines.joined(separator: "\n"))
        }
    }
}
