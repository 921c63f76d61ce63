import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The values of case `id` that may be corrected, of whichever process it belongs to.
    public func correctableFields(on id: String) throws -> [CorrectableField] {
        let id = id.lowercased()
        return try read { db in
            for process in ProcessRegistry.processes {
                if let fields = try process.correctableFields(on: id, in: db) { return fields }
            }
            throw NodeError(.notFound, "there is no case with id \(id)")
        }
    }

    /// Corrects value `key` of case `id` to `value`, with `reason` (UK GDPR Art 16). The process
    /// checks the new value (a date neither in the future nor out of order with the steps around
    /// it); the correction keeps the old value, the new, who and why; a shared value reaches
    /// every recipient at the next sync as an ordinary change.
    public func correct(_ key: String, on id: String, to value: String, reason: String, by user: String) throws -> Correction {
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = try Text.required(reason, "reason for the correction", hint: "--reason")
        let id = id.lowercased()
        guard !value.isEmpty else { throw NodeError(.invalidInput, "the new value is empty: give the corrected value") }
        return try perform(by: user) { command in
            guard let (process, fields) = try ProcessRegistry.processes.lazy.compactMap({ process in
                try process.correctableFields(on: id, in: command.db).map { (process, $0) }
            }).first else {
                throw NodeError(.notFound, "there is no case with id \(id)")
            }
            guard let field = fields.first(where: { $0.key == key }) else {
                throw NodeError(.notFound, "\(key) is not a value of this case that can be corrected: choose one of \(fields.map(\.key).joined(separator: ", "))")
            }
            guard field.value != value else { throw NodeError(.invalidInput, "\(field.label) is already \(value): nothing to correct") }
            try process.applyCorrection(key, value: value, on: id, command)
            let correction = Correction(caseId: id, field: key, label: field.label, oldValue: field.value, newValue: value, reason: reason,
                                        actor: command.user, at: command.at)
            try correction.insert(command.db)
            let reference = try process.caseDetail(id: id, in: command.db)?.summary.reference ?? id
            let concernId = try Concern.fetchOne(command.db, key: id) == nil ? nil : ConcernID(id)
            try command.log(concernId, "correction", reference, "corrected \(field.label.lowercased())")
            return correction
        }
    }

    /// The corrections of case `id`, oldest first.
    public func corrections(on id: String) throws -> [Correction] {
        try read { db in try Correction.filter(Column("caseId") == id.lowercased()).order(Column("id")).fetchAll(db) }
    }
}
