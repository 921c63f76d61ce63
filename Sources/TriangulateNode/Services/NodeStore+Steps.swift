import Foundation
import GRDB
import TriangulateModel

/// A step of a process, named by its process: what the web application's forms address.
public struct ProcessStep: Sendable {
    /// The process's id, e.g. `ecp`.
    public let process: String
    /// The step.
    public let step: StepDefinition
}

extension NodeStore {
    /// The steps that open a new case, of every process.
    public func openingSteps() -> [ProcessStep] {
        ProcessRegistry.processes.flatMap { process in
            process.steps.filter(\.opensCase).map { ProcessStep(process: process.definition.id, step: $0) }
        }
    }

    /// The steps allowed now on case `id`, of whichever process it belongs to.
    public func allowedSteps(on id: String) throws -> [ProcessStep] {
        let id = id.lowercased()
        return try read { db in
            for process in ProcessRegistry.processes {
                if let steps = try process.allowedSteps(on: id, in: db) {
                    return steps.map { ProcessStep(process: process.definition.id, step: $0) }
                }
            }
            throw NodeError(.notFound, "there is no case with id \(id)")
        }
    }

    /// Step `stepID` of process `process`, or an error naming what is unknown.
    public func step(_ stepID: String, of process: String) throws -> ProcessStep {
        guard let owner = ProcessRegistry.processes.first(where: { $0.definition.id == process }),
              let step = owner.steps.first(where: { $0.id == stepID }) else {
            throw NodeError(.notFound, "there is no step \(stepID) in process \(process)")
        }
        return ProcessStep(process: process, step: step)
    }

    /// Takes a step with `answers` (field name → text as typed) as `user`, on case `id` or, for a
    /// step that opens one, a new case; returns the case's id. The answers are checked against
    /// the step (`StepErrors`), the step must be allowed on the case now, and the process's own
    /// service checks the rest.
    public func take(_ step: ProcessStep, answers: [String: String], on id: String?, by user: String) throws -> String {
        let values = try StepValues(answers, for: step.step)
        guard let process = ProcessRegistry.processes.first(where: { $0.definition.id == step.process }) else {
            throw NodeError(.notFound, "there is no process \(step.process)")
        }
        if let id {
            let allowed = try allowedSteps(on: id)
            guard allowed.contains(where: { $0.process == step.process && $0.step.id == step.step.id }) else {
                let next = allowed.isEmpty ? "nothing: the case is finished" : allowed.map { "\($0.step.title.lowercased()) (\($0.step.id))" }.joined(separator: "; ")
                throw ModelError(.invalidTransition, "\(step.step.title.lowercased()) is not allowed on this case now; allowed next: \(next)")
            }
        } else if !step.step.opensCase {
            throw NodeError(.invalidInput, "\(step.step.title.lowercased()) needs a case")
        }
        return try process.take(values, on: id?.lowercased(), store: self, by: user)
    }
}
