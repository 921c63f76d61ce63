import CSV
import Foundation
import GRDB
import TriangulateModel

/// What one import of LGSCO's monthly spreadsheet did: rows added, rows already held, rows that
/// could not be read (with their row numbers and reasons), decisions whose detail is not known,
/// and the quality of the location ids (seed 002's measure).
public struct DecisionSheetImport: Hashable, Codable, Sendable {
    public let added: Int
    public let alreadyHeld: Int
    public let unreadable: [RegisterImport.SkippedRow]
    /// Case references whose "Overall decision detail" is not a known decision: kept, flagged.
    public let unknownDecisions: [String]
    /// Rows by the quality of their location id: valid and registered, missing, malformed,
    /// unknown to the register, or on the register under another provider than the row's CQC ID.
    public let locationQuality: [String: Int]
}

extension NodeStore {
    /// Records a decision at LGSCO, for the monthly spreadsheet.
    public func recordOmbudsmanDecision(_ row: MonthlyDecisionSheet.Row, by user: String) throws -> MonthlyDecisionSheet.Row {
        try perform(by: user) { command in
            guard try Self.insert(row, origin: "recorded", command) else {
                throw NodeError(.invalidInput, "case \(row.caseReference) is recorded already")
            }
            try command.log(nil, "ombudsman", row.caseReference.rawValue, "decision recorded: \(row.decision?.rawValue ?? "unknown detail")")
            return row
        }
    }

    /// The spreadsheet of the decisions made in `month` (`YYYY-MM`), the nine headings first. As
    /// CSV: UTF-8 with a byte-order mark, CRLF line ends, quoted as RFC 4180 says, cells that a
    /// spreadsheet would run as a formula behind an apostrophe. As XLSX: one sheet, every cell text.
    public func decisionSheet(month: String, format: SpreadsheetFormat = .csv) throws -> Data {
        guard let first = try? LocalDate(parsing: month + "-01"), let next = first.adding(months: 1) else {
            throw NodeError(.invalidInput, "'\(month)' is not a month: write YYYY-MM")
        }
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ombudsmanDecision WHERE decidedOn >= ? AND decidedOn < ? ORDER BY decidedOn, caseReference",
                             arguments: [first, next]).map(Self.decisionRow(from:))
        }
        if format == .xlsx {
            return try XLSXWorkbook.write([MonthlyDecisionSheet.headings] + rows.map(\.values), sheetName: "Decisions \(month)")
        }
        let stream = OutputStream(toMemory: ())
        stream.open()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        _ = stream.write(bom, maxLength: bom.count)
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: MonthlyDecisionSheet.headings)
        for row in rows { try writer.write(row: row.cells) }
        let crlf: [UInt8] = [13, 10]
        _ = stream.write(crlf, maxLength: 2)
        stream.close()
        return stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    }

    /// Imports LGSCO's monthly spreadsheet at CQC, as CSV or XLSX: every readable row is kept
    /// once by its case reference (importing the same file twice adds nothing), an unreadable row
    /// is reported with its number and reason, and each location id is checked against the register.
    public func importDecisionSheet(_ data: Data, by user: String) throws -> DecisionSheetImport {
        // A workbook leaves out the empty cells that end a row.
        let width = SpreadsheetRows.isXLSX(data) ? MonthlyDecisionSheet.headings.count : 0
        let sheet = try SpreadsheetRows(data).rows.map { (number: $0.number, cells: $0.cells + Array(repeating: "", count: max(0, width - $0.cells.count))) }
        guard let header = sheet.first else { throw NodeError(.invalidInput, "the file is empty: the first row must be the nine headings") }
        try MonthlyDecisionSheet.checkHeader(header.cells)
        var rows: [(Int, MonthlyDecisionSheet.Row)] = []
        var unreadable: [RegisterImport.SkippedRow] = []
        for (number, cells) in sheet.dropFirst() where !cells.allSatisfy({ SpreadsheetText.trimmed($0).isEmpty }) {
            do { rows.append((number, try MonthlyDecisionSheet.row(cells))) } catch { unreadable.append(.init(row: number, reason: error.message)) }
        }
        return try perform(by: user) { command in
            var added = 0, held = 0
            var quality: [String: Int] = [:]
            for (_, row) in rows {
                if try Self.insert(row, origin: "imported", command) { added += 1 } else { held += 1 }
                quality[try Self.locationQuality(of: row, in: command.db), default: 0] += 1
            }
            try command.log(nil, "ombudsman", "spreadsheet", "imported: \(added) added, \(held) already held, \(unreadable.count) unreadable")
            return DecisionSheetImport(added: added, alreadyHeld: held, unreadable: unreadable,
                                       unknownDecisions: rows.map(\.1).filter { $0.decision == nil }.map(\.caseReference.rawValue), locationQuality: quality)
        }
    }

    // MARK: Helpers

    /// Inserts `row` unless its case is held already; whether it did.
    private static func insert(_ row: MonthlyDecisionSheet.Row, origin: String, _ command: Command) throws -> Bool {
        try command.db.execute(sql: """
            INSERT OR IGNORE INTO ombudsmanDecision (caseReference, body, cqcId, location, locationCQCId, subCategory, receivedOn, decidedOn, detail,
                                                     decision, origin, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [row.caseReference.rawValue, row.body, row.cqcId, row.location, row.locationCQCId, row.subCategory, row.receivedOn, row.decidedOn,
                             row.detail, row.decision?.rawValue, origin, command.user, command.at])
        return command.db.changesCount > 0
    }

    /// `registered`, `missing`, `malformed`, `unknown-to-register` or `provider-mismatch`.
    private static func locationQuality(of row: MonthlyDecisionSheet.Row, in db: Database) throws -> String {
        guard !row.locationCQCId.trimmingCharacters(in: .whitespaces).isEmpty else { return "missing" }
        guard let id = try? CQCIdentifier(parsing: row.locationCQCId) else { return "malformed" }
        guard let provider = try String.fetchOne(db, sql: "SELECT providerId FROM registerLocation WHERE locationId = ?", arguments: [id.rawValue]) else {
            return "unknown-to-register"
        }
        if let given = try? CQCIdentifier(parsing: row.cqcId), given.rawValue != provider { return "provider-mismatch" }
        return "registered"
    }

    private static func decisionRow(from row: Row) throws -> MonthlyDecisionSheet.Row {
        MonthlyDecisionSheet.Row(caseReference: try LGSCOCaseReference(parsing: row["caseReference"]), body: row["body"], cqcId: row["cqcId"],
                                 location: row["location"], locationCQCId: row["locationCQCId"], subCategory: row["subCategory"],
                                 receivedOn: try LocalDate(parsing: row["receivedOn"]), decidedOn: try LocalDate(parsing: row["decidedOn"]), detail: row["detail"])
    }
}
