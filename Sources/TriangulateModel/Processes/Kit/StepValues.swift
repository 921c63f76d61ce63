import Foundation

/// The answers given to a step's fields, checked against its definition: a required field
/// left blank, a date that is not a date or a choice not on offer is an error naming the field.
public struct StepValues: Sendable {
    private let values: [String: String]
    /// The step they answer.
    public let step: StepDefinition

    /// Checks `answers` (field name → text as typed) against `step`; throws every field's
    /// problem at once, in the step's order.
    public init(_ answers: [String: String], for step: StepDefinition) throws(StepErrors) {
        var values: [String: String] = [:]
        var problems: [StepErrors.Problem] = []
        for field in step.fields {
            let answer = answers[field.name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if answer.isEmpty {
                if field.isRequired { problems.append(.init(field: field.name, message: Self.missing(field))) }
                continue
            }
            switch field.kind {
            case .date:
                if (try? LocalDate(parsing: answer)) == nil {
                    problems.append(.init(field: field.name, message: "\(field.label) must be a real date, like 2026-03-31"))
                    continue
                }
            case .choice(let choices):
                guard choices.contains(where: { $0.value == answer }) else {
                    problems.append(.init(field: field.name, message: "Select \(field.label.lowercased()) from the list"))
                    continue
                }
            case .flag:
                guard answer == "yes" || answer == "no" else {
                    problems.append(.init(field: field.name, message: "Say yes or no for \(field.label.lowercased())"))
                    continue
                }
            case .text, .longText, .organisation:
                break
            }
            values[field.name] = answer
        }
        guard problems.isEmpty else { throw StepErrors(problems) }
        self.values = values
        self.step = step
    }

    /// Every answer given, trimmed, by field name (blank ones left out).
    public var answers: [String: String] { values }

    /// The text given for `name`, or nil.
    public func text(_ name: String) -> String? { values[name] }

    /// The day given for `name`, or nil. Checked when the values were made.
    public func date(_ name: String) -> LocalDate? { values[name].flatMap { try? LocalDate(parsing: $0) } }

    /// Whether `name` was ticked.
    public func flag(_ name: String) -> Bool { values[name] == "yes" }

    /// The closed-set value given for `name`, or nil.
    public func choice<C: Choice>(_ name: String, as type: C.Type) -> C? { values[name].flatMap(C.init(rawValue:)) }

    private static func missing(_ field: StepField) -> String {
        switch field.kind {
        case .choice, .organisation: "Select \(field.label.lowercased())"
        default: "Enter \(field.label.lowercased())"
        }
    }
}

/// What was wrong with a step's answers, field by field.
public struct StepErrors: Error, Sendable {
    /// One field's problem.
    public struct Problem: Hashable, Sendable {
        public let field: String
        public let message: String

        /// Makes a problem.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// Every problem, in the step's field order.
    public let problems: [Problem]

    /// Makes the errors.
    public init(_ problems: [Problem]) { self.problems = problems }
}
