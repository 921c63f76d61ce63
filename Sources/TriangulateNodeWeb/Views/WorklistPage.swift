import TriangulateModel

/// The worklist page's content: the person's own items, then the rest of the organisation's.
struct WorklistPage {
    struct Group {
        let id: String
        let title: String
        let rows: [Row]
        let hasRows: Bool
        let empty: String
    }

    struct Row {
        let colour: String
        let statusText: String
        let due: String
        let remaining: String
        let what: String
        let reference: String
        let caseID: String?
        let owedBy: String
    }

    let today: String
    let nation: String
    let groups: [Group]

    /// Groups `entries` into the person's own and everyone else's; `caseIDs` maps a case's
    /// reference to its id, for links (`ECP-2026-0001/R1` links to `ECP-2026-0001`).
    init(entries: [WorklistEntry], person: StaffName, today: LocalDate, nation: Nation, caseIDs: [String: String]) {
        self.today = today.description
        self.nation = nation.label
        let rows = entries.map { entry in
            (entry.person == person.rawValue, Row(entry, caseID: caseIDs[String(entry.reference.prefix { $0 != "/" })]))
        }
        let mine = rows.filter(\.0).map(\.1)
        let others = rows.filter { !$0.0 }.map(\.1)
        groups = [
            Group(id: "mine", title: "Due from you", rows: mine, hasRows: !mine.isEmpty, empty: "Nothing is due from you."),
            Group(id: "organisation", title: "Due from your organisation", rows: others, hasRows: !others.isEmpty,
                  empty: "Nothing else is due."),
        ]
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
