import TriangulateModel
import TriangulateWeb
import TriangulateNode

/// The cases page's content: the search form as sent, its choices, and the results.
struct CasesPage {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Column {
        let label: String
        let order: String
        let sortedAs: String?
    }

    struct Result {
        let id: String
        let reference: String
        let title: String
        let stateLabel: String
        let stateColour: String
        let openedOn: String
        let processTitle: String
        let safeguarding: Bool
    }

    /// The form's fields as typed, to show them again.
    struct Typed {
        let words: String
        let identifier: String
    }

    let csrf: String
    let query: Typed
    let processes: [Option]
    let statuses: [Option]
    let categories: [Option]
    let states: [Option]
    let orders: [Option]
    let columns: [Column]
    let results: [Result]
    let hasResults: Bool
    let resultCount: String
    let more: String?

    /// The most rows the page shows.
    static let rowsShown = 100
    let fromField: DateField
    let throughField: DateField

    init(csrf: String, search: CaseSearch, results: [CaseSummary], definitions: [ProcessDefinition], categories: [String]) {
        self.csrf = csrf
        let query = search.query
        self.query = Typed(words: query.words ?? "", identifier: query.identifier ?? "")
        processes = [Option(value: "", label: "Any process", selected: query.process == nil)]
            + definitions.map { Option(value: $0.id, label: $0.title, selected: query.process == $0.id) }
        statuses = [("", "Open or closed", nil), ("open", "Open", false), ("closed", "Closed", true)].map { value, label, closed in
            Option(value: value, label: label, selected: query.closed == closed)
        }
        self.categories = [Option(value: "", label: "Any", selected: query.category == nil)]
            + categories.map { Option(value: $0, label: $0, selected: query.category == $0) }
        self.states = [Option(value: "", label: "Any", selected: query.state == nil)]
            + NodeStore.caseStates.map { Option(value: $0.value, label: $0.label, selected: query.state == $0.value) }
        orders = CaseQuery.Order.allCases.map { Option(value: $0.rawValue, label: Self.orderLabel($0), selected: query.order == $0) }
        columns = [("Reference", CaseQuery.Order.reference), ("Title", .title), ("State", .state), ("Identified", .newest)].map { label, order in
            let sorted = query.order == order || (order == .newest && query.order == .oldest)
            return Column(label: label, order: order == .newest && query.order == .newest ? CaseQuery.Order.oldest.rawValue : order.rawValue,
                          sortedAs: sorted ? (query.order == .newest ? "descending" : "ascending") : nil)
        }
        let titles = Dictionary(definitions.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        self.results = results.prefix(Self.rowsShown).map { summary in
            Result(id: summary.id, reference: summary.reference, title: summary.title, stateLabel: summary.stateLabel,
                   stateColour: summary.isClosed ? "grey" : "", openedOn: summary.openedOn.description,
                   processTitle: titles[summary.process] ?? summary.process, safeguarding: summary.safeguarding)
        }
        hasResults = !results.isEmpty
        resultCount = results.count == 1 ? "1 case" : "\(results.count) cases"
        more = results.count > Self.rowsShown ? "The first \(Self.rowsShown) are shown: narrow the search to find the others." : nil
        fromField = DateField(name: "from", label: "Identified from", example: "2026-03-31", value: search.typedFrom, error: search.fromError)
        throughField = DateField(name: "through", label: "Identified up to", example: "2026-12-31", value: search.typedThrough,
                                 error: search.throughError)
    }

    private static func orderLabel(_ order: CaseQuery.Order) -> String {
        switch order {
        case .newest: "Newest first"
        case .oldest: "Oldest first"
        case .reference: "Reference"
        case .title: "Title"
        case .state: "State"
        }
    }
}

/// A search as the form sent it: the query, the dates as typed, and what was wrong with them.
struct CaseSearch {
    var query = CaseQuery()
    var typedFrom = ""
    var typedThrough = ""
    var fromError: String?
    var throughError: String?

    /// Every case, newest first.
    init() {}

    /// Reads the search form; a date that does not parse is reported against its field and left out.
    init(words: String?, identifier: String?, process: String?, status: String?, state: String? = nil, category: String?, from: String?,
         through: String?, order: String?) {
        query.state = state
        query.words = words
        query.identifier = identifier
        query.process = process
        query.closed = status.map { $0 == "closed" }
        query.category = category
        query.order = order.flatMap(CaseQuery.Order.init(rawValue:)) ?? .newest
        typedFrom = from ?? ""
        typedThrough = through ?? ""
        if let from {
            do { query.from = try LocalDate(parsing: from) } catch { fromError = "Enter the date identified from as a real date, like 2026-03-31" }
        }
        if let through {
            do { query.through = try LocalDate(parsing: through) } catch { throughError = "Enter the date identified up to as a real date, like 2026-12-31" }
        }
    }

    /// The errors, for the summary at the top of the page.
    var errors: [(field: String, message: String)] {
        [("from", fromError), ("through", throughError)].compactMap { field, message in message.map { (field, $0) } }
    }
}
