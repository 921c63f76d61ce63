/// The parts several flows declare alike: the fields that name a case, the chairing
/// organisation, an improvement plan's statuses and its update step, immediate action.
public enum FlowParts {
    /// A case's short title, what it is about (`subjectLabel`), and its minimised summary —
    /// the opening step's `title`, `subject` and `summary`, which name the case.
    public static func caseFields(subjectLabel: String) -> [StepField] {
        [
            StepField("title", "Short title", .text, required: true),
            StepField("subject", subjectLabel, .text, required: true, hint: "The provider or service, with its CQC location id where known",
                      suggests: .description),
            StepField("summary", "The concerns", .longText, required: true, hint: "Minimised: no names of people using the service or staff"),
        ]
    }

    /// The organisation chairing (and minuting) a meeting.
    public static let chair = StepField("chair", "Chairing organisation", .organisation, required: true)

    /// An improvement plan's statuses; `met` finishes an area, and needs its evidence.
    public static let planStatuses = [
        StepChoice("open", "Not started"), StepChoice("in-progress", "In progress"), StepChoice("met", "Met, with evidence"),
        StepChoice("not-met", "Not met"),
    ]

    /// An improvement plan: areas with `fields`, and the plan's statuses.
    public static func plan(id: String, title: String, fields: [StepField]) -> FlowItemList {
        FlowItemList(id: id, title: title, fields: fields, statuses: planStatuses, finished: ["met"])
    }

    /// The step that updates an area of `list` from `states`.
    public static func updatePlanItem(_ list: FlowItemList, from states: [String]) -> FlowStep {
        FlowStep("update-plan-item", "Update an area of the \(list.title.lowercased())", from: .states(states), on: "Date of the update",
                 effects: [.updatesItem(list: list.id)], fields: [
                     StepField("item", "Area number", .text, required: true),
                     StepField("status", "Status", .choice(list.statuses), required: true),
                     StepField("evidence", "Evidence", .longText),
                 ])
    }

    /// Immediate action, allowed in every open state: never held back by a step.
    public static func immediateAction(hint: String) -> FlowStep {
        FlowStep("immediate-action", "Record immediate action", from: .anyOpen, on: "Date of the action", fields: [
            StepField("action", "Action taken", .longText, required: true, hint: hint),
        ])
    }
}
