import Foundation
import GRDB
import TriangulateModel

/// What of a concern may be corrected, and how a correction is checked and written: its title,
/// summary and identified date, and the dates of its evaluations, contacts, panel decisions and
/// outcome (with the outcome's summary).
enum EmergingConcernsCorrections {
    /// The correctable values of concern `id`, or nil when it is not a concern.
    static func fields(on id: String, in db: Database) throws -> [CorrectableField]? {
        guard let concern = try Concern.fetchOne(db, key: id) else { return nil }
        let dossier = try NodeStore.dossier(of: concern, in: db)
        var fields = [
            CorrectableField("concern.title", "Title", .text, value: concern.title),
            CorrectableField("concern.summary", "Summary", .longText, value: concern.summary),
            CorrectableField("concern.identifiedOn", "Date the concern was identified", .date, value: concern.identifiedOn.description),
        ]
        for (index, evaluation) in dossier.evaluations.enumerated() {
            fields.append(CorrectableField("evaluation.\(evaluation.id).evaluatedOn", "Date of evaluation \(index + 1)", .date,
                                           value: evaluation.evaluatedOn.description))
        }
        for contact in dossier.contacts {
            fields.append(CorrectableField("partnerContact.\(contact.id).contactedOn", "Date of the contact with \(contact.partner)", .date,
                                           value: contact.contactedOn.description))
        }
        for decision in dossier.panelDecisions {
            fields.append(CorrectableField("panelDecision.\(decision.id).decidedOn", "Date of the panel decision", .date,
                                           value: decision.decidedOn.description))
        }
        if let outcome = dossier.outcome {
            fields.append(CorrectableField("outcome.\(outcome.id).decidedOn", "Date of the outcome", .date, value: outcome.decidedOn.description))
            fields.append(CorrectableField("outcome.\(outcome.id).summary", "Summary of the outcome", .longText, value: outcome.summary))
        }
        return fields
    }

    /// Checks `value` as the new value of `key` on concern `id` and writes it.
    static func apply(_ key: String, value: String, on id: String, _ command: Command) throws {
        let concern = try Lookup.one(Concern.self, id, noun: "concern", in: command.db)
        let parts = key.split(separator: ".").map(String.init)
        switch parts.count == 2 ? parts[1] : parts.count == 3 ? parts[2] : "" {
        case "title" where parts.count == 2, "summary" where parts.count == 2:
            try command.db.execute(sql: "UPDATE concern SET \(parts[1]) = ? WHERE id = ?", arguments: [value, concern.id.description])
        case "identifiedOn":
            let day = try LocalDate(parsing: value)
            try command.checkDate(day, of: "identifying the concern", notBefore: [])
            let dossier = try NodeStore.dossier(of: concern, in: command.db)
            let later: [StepDates.Earliest] = dossier.evaluations.map { ($0.evaluatedOn, "the evaluation") }
                + dossier.safeguardingFlags.map { ($0.raisedOn, "the safeguarding indicator") }
                + dossier.contacts.map { ($0.contactedOn, "the contact with \($0.partner)") }
                + dossier.panelDecisions.map { ($0.decidedOn, "the panel decision") }
                + (dossier.outcome.map { [($0.decidedOn, "the outcome")] } ?? [])
            if let first = later.min(by: { $0.day < $1.day }), first.day < day {
                throw ModelError(.invalidDate, "the concern cannot have been identified on \(day): \(first.what) is dated \(first.day), before it")
            }
            try command.db.execute(sql: "UPDATE concern SET identifiedOn = ? WHERE id = ?", arguments: [day, concern.id.description])
        case "evaluatedOn", "contactedOn", "decidedOn", "summary":
            let table = parts[0], column = parts[2], recordID = parts[1]
            guard ["evaluation", "partnerContact", "panelDecision", "outcome"].contains(table),
                  try Row.fetchOne(command.db, sql: "SELECT 1 FROM \"\(table)\" WHERE id = ? AND concernId = ?",
                                   arguments: [recordID, concern.id.description]) != nil else {
                throw NodeError(.notFound, "\(key) is not a value of \(concern.reference) that can be corrected")
            }
            if column == "summary" {
                guard table == "outcome" else { throw NodeError(.notFound, "\(key) is not a value that can be corrected") }
                try command.db.execute(sql: "UPDATE outcome SET summary = ? WHERE id = ?", arguments: [value, recordID])
            } else {
                let day = try LocalDate(parsing: value)
                try command.checkDate(day, of: "this step", notBefore: [concern.identified])
                try command.db.execute(sql: "UPDATE \"\(table)\" SET \(column) = ? WHERE id = ?", arguments: [day, recordID])
            }
        default:
            throw NodeError(.notFound, "\(key) is not a value of \(concern.reference) that can be corrected")
        }
    }
}
