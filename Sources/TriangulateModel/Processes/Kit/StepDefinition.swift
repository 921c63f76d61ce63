import Foundation

/// A step of a process as an interface offers it: its title, the record it acts on, the fields
/// it asks for and who may take it. The web application draws a form from it, so a new process
/// appears there without new pages; the process says what the step does and when it is allowed.
public struct StepDefinition: Hashable, Sendable {
    /// Its id within its process, e.g. `evaluate`.
    public let id: String
    /// What it does, as a page's heading, e.g. "Evaluate the concern".
    public let title: String
    /// Whether it opens a new case rather than acting on one.
    public let opensCase: Bool
    /// What it asks for, in order.
    public let fields: [StepField]
    /// What the person taking it must be allowed to do.
    public let permission: StaffPermission
    /// How a long step is asked, a few questions at a time (GOV.UK: one thing per page), by
    /// field name; a short step is one page.
    public let pages: [[String]]

    /// Declares a step; `pages` groups its fields into question pages, in order (by default, one page).
    public init(_ id: String, _ title: String, opensCase: Bool = false, permission: StaffPermission = .record, pages: [[String]]? = nil,
                fields: [StepField]) {
        self.id = id
        self.title = title
        self.opensCase = opensCase
        self.permission = permission
        self.fields = fields
        self.pages = pages ?? [fields.map(\.name)]
    }

    /// The step asking only page `index`'s questions, to check them before the next page.
    public func page(_ index: Int) -> StepDefinition {
        let names = Set(pages[index])
        return StepDefinition(id, title, opensCase: opensCase, permission: permission, fields: fields.filter { names.contains($0.name) })
    }
}

/// One thing a step asks for.
public struct StepField: Hashable, Sendable {
    /// What kind of answer it takes.
    public enum Kind: Hashable, Sendable {
        /// A line of text.
        case text
        /// Several lines of text.
        case longText
        /// A day, `YYYY-MM-DD`; by default today.
        case date
        /// One of a closed set, as radio buttons.
        case choice([StepChoice])
        /// An organisation this node knows, by code.
        case organisation
        /// Yes or no, as a checkbox.
        case flag
    }

    /// Its name in the form and in `StepValues`.
    public let name: String
    /// Its label, e.g. "Date of the evaluation".
    public let label: String
    /// A hint under the label, if any.
    public let hint: String?
    /// What it takes.
    public let kind: Kind
    /// Whether it must be given.
    public let isRequired: Bool
    /// What an interface suggests from the register as it is typed, if anything.
    public let suggests: RegisterSuggestion?

    /// What a field takes from a register suggestion.
    public enum RegisterSuggestion: String, Hashable, Sendable {
        /// The location's CQC id alone.
        case locationId = "location-id"
        /// The location, its provider and its id, as words.
        case description
    }

    /// Declares a field.
    public init(_ name: String, _ label: String, _ kind: Kind, required: Bool = false, hint: String? = nil, suggests: RegisterSuggestion? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.isRequired = required
        self.hint = hint
        self.suggests = suggests
    }
}

/// One answer of a choice: its value and its words.
public struct StepChoice: Hashable, Sendable {
    public let value: String
    public let label: String

    /// Declares a choice.
    public init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }

    /// The choices of a closed set, worded by `label`.
    public static func all<C: Choice>(_ type: C.Type, label: (C) -> String = { $0.rawValue.replacingOccurrences(of: "-", with: " ") }) -> [StepChoice] {
        C.allCases.map { StepChoice($0.rawValue, label($0)) }
    }
}
