import Foundation
import GRDB
import TriangulateModel

/// Takes a Healthwatch escalation's steps (`HealthwatchEscalationSteps`) through the node's
/// services, and says which are allowed on an escalation now.
enum HealthwatchEscalationStepRunner {
    typealias Steps = HealthwatchEscalationSteps

    /// The steps allowed on the escalation with id `id` now, or nil when it is not an escalation.
    static func allowed(on id: String, in db: Database) throws -> [StepDefinition]? {
        guard let escalation = try EscalationCase.fetchOne(db, key: id) else { return nil }
        let byEvent: [(EscalationLifecycle.Event, StepDefinition)] = [
            (.raise, Steps.raise), (.skip, Steps.skip), (.hold, Steps.hold), (.resume, Steps.resume),
            (.recordResponse, Steps.response), (.close, Steps.close),
        ]
        let allowed = Set(EscalationLifecycle.allowedEvents(from: escalation.state))
        let stagesLeft = EscalationRules.nextStage(after: try NodeStore.stages(of: escalation.id, in: db)) != nil
        return byEvent.filter { event, _ in allowed.contains(event) && (stagesLeft || (event != .raise && event != .skip)) }.map(\.1)
    }

    /// Takes `values.step` on the escalation `id` (nil to open a new one); returns its id.
    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String {
        let day = { (name: String) in values.date(name) ?? store.today }
        guard let id else {
            guard values.step == Steps.open else { throw NodeError(.notFound, "\(values.step.id) needs an escalation") }
            let organisations = (values.text("organisations") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            let dossier = try store.openEscalation(NewEscalation(
                concernType: values.choice("concernType", as: EscalationConcernType.self) ?? .patientSafety, organisations: organisations,
                title: values.text("title") ?? "", summary: values.text("summary") ?? "", systemic: values.flag("systemic"),
                nearlyNeverEvent: values.flag("nearlyNeverEvent"), identifiedOn: day("identifiedOn"),
                safeguardingConsidered: values.flag("safeguardingConsidered")), by: user)
            return dossier.escalation.id.description
        }
        switch values.step {
        case Steps.raise:
            _ = try store.raiseEscalation(id, stage: nil, with: values.text("with") ?? "", copiedTo: nil, on: day("on"), by: user)
        case Steps.skip:
            _ = try store.skipEscalationStage(id, stage: nil, reason: values.text("reason") ?? "", on: day("on"), by: user)
        case Steps.hold:
            _ = try store.holdEscalation(id, on: day("on"), by: user)
        case Steps.resume:
            _ = try store.resumeEscalation(id, on: day("on"), by: user)
        case Steps.response:
            _ = try store.recordEscalationResponse(id, summary: values.text("summary"), satisfactory: values.text("satisfactory").map { $0 == "yes" },
                                                   on: day("on"), by: user)
        case Steps.close:
            _ = try store.closeEscalation(id, outcome: values.choice("outcome", as: EscalationOutcome.self) ?? .noFurtherAction,
                                          summary: values.text("summary") ?? "", on: day("on"), by: user)
        default:
            throw NodeError(.notFound, "a Healthwatch escalation has no step \(values.step.id)")
        }
        return id
    }
}
