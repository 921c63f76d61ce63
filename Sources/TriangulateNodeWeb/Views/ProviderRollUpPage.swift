import TriangulateModel

/// The provider roll-up page: `rows` grouped by `grouping`.
struct ProviderRollUpPage {
    struct Grouping {
        let value: String
        let label: String
        let current: Bool
        let last: Bool
    }

    struct Row {
        let id: String
        let name: String
        let concerns: Int
        let open: Int
        let locations: Int
        let latest: String
        let references: String
    }

    let groupings: [Grouping]
    let grouping: String
    let column: String
    let rows: [Row]
    let hasRows: Bool

    init(_ rows: [ProviderRollUp.Row], by grouping: ProviderRollUp.Grouping) {
        let all = ProviderRollUp.Grouping.allCases
        groupings = all.enumerated().map { index, value in
            Grouping(value: value.rawValue, label: "by \(value.rawValue)", current: value == grouping, last: index == all.count - 1)
        }
        self.grouping = grouping.rawValue
        column = grouping == .provider ? "Provider id" : "Brand id"
        self.rows = rows.map { Row(id: $0.id ?? "–", name: $0.name, concerns: $0.concerns, open: $0.open, locations: $0.locations,
                                   latest: $0.latestIdentifiedOn.description, references: $0.references.joined(separator: ", ")) }
        hasRows = !rows.isEmpty
    }
}
