import TriangulateModel

/// The list of a case's correctable values.
struct CorrectionList {
    struct Field {
        let label: String
        let value: String
        let href: String
    }

    let fields: [Field]
    let back: String

    init(_ fields: [CorrectableField], caseID: String) {
        self.fields = fields.map { Field(label: $0.label, value: $0.value, href: "/cases/\(caseID)/corrections/\($0.key)") }
        back = "/cases/\(caseID)"
    }
}

/// The form correcting one value.
struct CorrectionForm {
    let csrf: String
    let action: String
    let back: String
    let current: String
    let value: String
    let reason: String
    let isDate: Bool
    let isLongText: Bool
    let valueError: String?
    let reasonError: String?

    init(_ field: CorrectableField, caseID: String, csrf: String, value: String?, reason: String, valueError: String?, reasonError: String?) {
        self.csrf = csrf
        action = "/cases/\(caseID)/corrections/\(field.key)"
        back = "/cases/\(caseID)"
        current = field.value
        self.value = value ?? field.value
        self.reason = reason
        isDate = field.kind == .date
        isLongText = field.kind == .longText
        self.valueError = valueError
        self.reasonError = reasonError
    }
}
