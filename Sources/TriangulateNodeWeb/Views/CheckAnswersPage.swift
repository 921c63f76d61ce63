import TriangulateModel

/// A long step's answers to check before it is taken (GOV.UK "check answers"): each answer in
/// words, with a button back to its page; every answer carried in hidden fields.
struct CheckAnswersPage {
    struct Answer {
        let label: String
        let value: String
        let page: String
    }

    let csrf: String
    let action: String
    let cancel: String
    let answers: [Answer]
    let carried: [StepFormPage.Carried]

    init(step: StepDefinition, action: String, cancel: String, csrf: String, answers given: [String: String], organisations: [Organisation]) {
        self.csrf = csrf
        self.action = action
        self.cancel = cancel
        let pageOf = Dictionary(step.pages.enumerated().flatMap { index, names in names.map { ($0, index) } }, uniquingKeysWith: { first, _ in first })
        answers = step.fields.map { field in
            let raw = given[field.name] ?? ""
            let value: String
            switch field.kind {
            case .choice(let choices): value = choices.first { $0.value == raw }?.label ?? raw
            case .flag: value = raw == "yes" ? "Yes" : "No"
            case .organisation: value = organisations.first { $0.code.rawValue == raw }.map { "\($0.name) (\($0.code))" } ?? raw
            default: value = raw
            }
            return Answer(label: field.label, value: value.isEmpty ? "Not given" : value, page: String(pageOf[field.name] ?? 0))
        }
        carried = step.fields.compactMap { field in given[field.name].map { StepFormPage.Carried(name: field.name, value: $0) } }
    }
}
