import TriangulateModel

/// The worklist page's content: the person's own items, then the rest of the organisation's.
struct WorklistPage {
    struct Group {
        let id: String
        let title: String
        var rows: [Row]
        let hasRows: Bool
        let empty: String
        /// When there are more than a page shows: how many are not shown.
        let more: String?
    }

    struct Row {
        let colour: String
        let statusText: String
        let due: String
        let remaining: String
        let what: String
        let reference: String
        var caseID: String?
        let owedBy: String
    }

    /// The most rows a group shows: the most pressing first.
    static let rowsShown = 100

    let today: String
    let nation: String
    private(set) var groups: [Group]
    /// Other organisations' cases on the same subjects.
    var matches: MatchAlertRows?

    /// Groups `entries` (in worklist order: overdue first) into the person's own and everyone
    /// else's, each cut to `rowsShown`.
    init(entries: [WorklistEntry], person: StaffName, today: LocalDate, nation: Nation) {
        self.today = today.description
        self.nation = nation.label
        let mine = entries.filter { $0.person == person.rawValue }
        let others = entries.filter { $0.person != person.rawValue }
        func group(_ id: String, _ title: String, _ entries: [WorklistEntry], empty: String) -> Group {
            let shown = entries.prefix(Self.rowsShown).map { Row($0, caseID: nil) }
            return Group(id: id, title: title, rows: shown, hasRows: !shown.isEmpty, empty: empty,
                         more: entries.count > shown.count ? "The \(shown.count) most pressing of \(entries.count) are shown." : nil)
        }
        groups = [
            group("mine", "Due from you", mine, empty: "Nothing is due from you."),
            group("organisation", "Due from your organisation", others, empty: "Nothing else is due."),
        ]
    }

    /// The references shown, whose cases the rows link to.
    var shownReferences: [String] { groups.flatMap { $0.rows.map(\.reference) } }

    /// Links each row to its case, from case ids by reference (`ECP-2026-0001/R1` links to `ECP-2026-0001`).
    mutating func link(_ caseIDs: [String: String]) {
        for group in groups.indices {
            for row in groups[group].rows.indices {
                groups[group].rows[row].caseID = caseIDs[String(groups[group].rows[row].reference.prefix { $0 != "/" })]
            }
        }
    }
}

extension WorklistPage.Row {
    init(_ entry: WorklistEntry, caseID: String?) {
        switch entry.status {
        case .red: (colour, statusText) = ("red", "Overdue")
        case .amber: (colour, statusText) = ("amber", entry.remaining == 0 ? "Due today" : "Due soon")
        case .green: (colour, statusText) = ("green", "On track")
        }
        due = entry.due.description
        let unit = entry.unit == .workingDays ? "working day" : "day"
        let count = abs(entry.remaining)
        let plural = count == 1 ? unit : unit + "s"
        remaining = entry.remaining < 0 ? "\(count) \(plural) overdue" : entry.remaining == 0 ? "today" : "\(count) \(plural) left"
        what = entry.what + (entry.provisional ? " (provisional: bank holidays for that year are not yet known)" : "")
        reference = entry.reference
        self.caseID = caseID
        owedBy = [entry.owner, entry.person].compactMap { $0 }.joined(separator: ", ")
    }
}
