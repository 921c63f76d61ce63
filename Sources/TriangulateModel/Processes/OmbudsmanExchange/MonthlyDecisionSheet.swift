import Foundation

/// The spreadsheet LGSCO sends CQC at the start of every month (seed 002): its adult social care
/// decisions about registered providers under exactly nine headings. Pure: the headings, a row
/// read from its cells, and the cells written from a row.
public enum MonthlyDecisionSheet {
    /// The nine headings, exactly.
    public static let headings = [
        "LGO case ID", "Body/organisation", "CQC ID", "Location", "Location CQC ID", "Sub category", "Received date", "Decision date",
        "Overall decision detail",
    ]

    /// One row: a decision as LGSCO recorded it, every cell kept as typed except the dates and
    /// the case reference, which are checked.
    public struct Row: Hashable, Codable, Sendable {
        public let caseReference: LGSCOCaseReference
        public let body: String
        public let cqcId: String
        public let location: String
        public let locationCQCId: String
        public let subCategory: String
        public let receivedOn: LocalDate
        public let decidedOn: LocalDate
        /// The "Overall decision detail", verbatim.
        public let detail: String

        /// Makes a row.
        public init(caseReference: LGSCOCaseReference, body: String, cqcId: String, location: String, locationCQCId: String, subCategory: String,
                    receivedOn: LocalDate, decidedOn: LocalDate, detail: String) {
            self.caseReference = caseReference
            self.body = body
            self.cqcId = cqcId
            self.location = location
            self.locationCQCId = locationCQCId
            self.subCategory = subCategory
            self.receivedOn = receivedOn
            self.decidedOn = decidedOn
            self.detail = detail
        }

        /// Its decision, where the detail names a known one.
        public var decision: OmbudsmanDecision? { OmbudsmanDecision.classify(detail) }

        /// Its cells, in the headings' order, as text a spreadsheet will not run: dates as
        /// `DD/MM/YYYY`, a cell that starts like a formula behind an apostrophe.
        public var cells: [String] { values.map(SpreadsheetText.neutralised) }

        /// Its cells as they are, dates as `DD/MM/YYYY`: for a workbook, whose text cells are
        /// never run.
        public var values: [String] {
            [caseReference.rawValue, body, cqcId, location, locationCQCId, subCategory, Self.date(receivedOn), Self.date(decidedOn), detail]
        }

        static func date(_ day: LocalDate) -> String {
            let text = day.description
            return "\(text.suffix(2))/\(text.dropFirst(5).prefix(2))/\(text.prefix(4))"
        }
    }

    /// Checks a header row: the nine headings, exactly, in order.
    public static func checkHeader(_ cells: [String]) throws(ModelError) {
        let found = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        guard found == headings else {
            throw ModelError(.invalidValue, "the first row must be the nine headings \(headings.joined(separator: ", ")); it is \(found.joined(separator: ", ").prefix(300))")
        }
    }

    /// The row `cells` hold, or why not.
    public static func row(_ cells: [String]) throws(ModelError) -> Row {
        guard cells.count == headings.count else { throw ModelError(.invalidValue, "\(cells.count) cells, not \(headings.count)") }
        let cell = cells.map { SpreadsheetText.restored(SpreadsheetText.trimmed($0)) }
        guard let received = SpreadsheetText.date(cell[6]) else { throw ModelError(.invalidValue, "the received date '\(cell[6].prefix(20))' is not a date") }
        guard let decided = SpreadsheetText.date(cell[7]) else { throw ModelError(.invalidValue, "the decision date '\(cell[7].prefix(20))' is not a date") }
        guard decided >= received else { throw ModelError(.invalidValue, "the decision date \(decided) is before the received date \(received)") }
        guard !cell[8].isEmpty else { throw ModelError(.invalidValue, "the overall decision detail is empty") }
        return Row(caseReference: try LGSCOCaseReference(parsing: cell[0]), body: cell[1], cqcId: cell[2], location: cell[3], locationCQCId: cell[4],
                   subCategory: cell[5], receivedOn: received, decidedOn: decided, detail: cell[8])
    }
}
