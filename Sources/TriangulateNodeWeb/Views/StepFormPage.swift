import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// A step's form, drawn from its definition: each field as the GOV.UK pattern for its kind,
/// with what was typed and what was wrong with it.
struct StepFormPage {
    struct Field {
        let name: String
        let label: String
        let hint: String?
        let error: String?
        let value: String
        let optional: Bool
        let isText: Bool
        let isLongText: Bool
        let isDate: Bool
        let isChoice: Bool
        let isSelect: Bool
        let isFlag: Bool
        let checked: Bool
        /// What the register suggests as it is typed (`location-id`, `description`), if anything.
        let suggests: String?
        let options: [Option]
        let describedBy: String?
    }

    struct Option {
        let id: String
        let value: String
        let label: String
        let selected: Bool
    }

    /// An answer given on another page, carried in a hidden field.
    struct Carried {
        let name: String
        let value: String
    }

    let csrf: String
    let action: String
    let submit: String
    let fields: [Field]
    let cancel: String
    let page: String?
    let carried: [Carried]
    /// The suggestions script, when a field shown suggests from the register.
    let script: String?

    /// Page `page` of the form of `step`, posting to `action`; `answers` are what was typed (or
    /// the defaults) — those of other pages are carried in hidden fields — `errors` what was
    /// wrong, by field; `organisations` the choices of an organisation field.
    init(step: StepDefinition, page: Int = 0, action: String, cancel: String, csrf: String, answers: [String: String],
         errors: [String: String], organisations: [Organisation]) {
        self.csrf = csrf
        self.action = action
        self.cancel = cancel
        let multiPage = step.pages.count > 1
        self.page = multiPage ? String(page) : nil
        submit = step.fields.isEmpty ? step.title : multiPage ? "Continue" : "Save"
        let shown = Set(step.pages[page])
        carried = multiPage ? step.fields.filter { !shown.contains($0.name) }.compactMap { field in
            answers[field.name].map { Carried(name: field.name, value: $0) }
        } : []
        fields = step.fields.filter { !multiPage || shown.contains($0.name) }.map { field in
            let value = answers[field.name] ?? ""
            var options: [Option] = []
            var isChoice = false, isSelect = false
            switch field.kind {
            case .choice(let choices):
                isChoice = true
                options = choices.enumerated().map { index, choice in
                    Option(id: index == 0 ? field.name : "\(field.name)-\(index + 1)", value: choice.value, label: choice.label,
                           selected: choice.value == value)
                }
            case .organisation:
                isSelect = true
                options = [Option(id: "", value: "", label: "Select an organisation", selected: value.isEmpty)]
                    + organisations.map { Option(id: "", value: $0.code.rawValue, label: "\($0.name) (\($0.code))", selected: $0.code.rawValue == value) }
            default:
                break
            }
            let error = errors[field.name]
            let described = [field.hint.map { _ in "\(field.name)-hint" }, error.map { _ in "\(field.name)-error" }].compactMap { $0 }
            return Field(name: field.name, label: field.label, hint: field.hint, error: error, value: value,
                         optional: !field.isRequired && field.kind != .flag,
                         isText: field.kind == .text, isLongText: field.kind == .longText, isDate: field.kind == .date,
                         isChoice: isChoice, isSelect: isSelect, isFlag: field.kind == .flag, checked: value == "yes",
                         suggests: field.kind == .text ? field.suggests?.rawValue : nil,
                         options: options, describedBy: described.isEmpty ? nil : described.joined(separator: " "))
        }
        script = fields.contains { $0.suggests != nil } ? Script.fileName : nil
    }
}

/// The steps offered on a case page, or on the page that opens a new case.
struct StepLinks {
    struct Link {
        let href: String
        let title: String
    }

    let links: [Link]
    let hasLinks: Bool
    let readOnly: Bool

    init(_ links: [Link], readOnly: Bool) {
        self.links = links
        hasLinks = !links.isEmpty
        self.readOnly = readOnly
    }
}
