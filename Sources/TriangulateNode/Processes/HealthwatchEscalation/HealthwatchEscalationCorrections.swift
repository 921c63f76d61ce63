import Foundation
import GRDB
import TriangulateModel

/// What of an escalation may be corrected: its title, summary and identified date.
enum HealthwatchEscalationCorrections {
    /// The correctable values of escalation `id`, or nil when it is not an escalation.
    static func fields(on id: String, in db: Database) throws -> [CorrectableField]? {
        guard let escalation = try EscalationCase.fetchOne(db, key: id) else { return nil }
        return [
            CorrectableField("escalation.title", "Title", .text, value: escalation.title),
            CorrectableField("escalation.summary", "Summary", .longText, value: escalation.summary),
            CorrectableField("escalation.identifiedOn", "Date the concern was identified", .date, value: escalation.identifiedOn.description),
        ]
    }

    /// Checks `value` as the new value of `key` on escalation `id` and writes it.
    static func apply(_ key: String, value: String, on id: String, _ command: Command) throws {
        let escalation = try Lookup.one(EscalationCase.self, id, noun: "escalation", in: command.db)
        switch key {
        case "escalation.title", "escalation.summary":
            let column = key == "escalation.title" ? "title" : "summary"
            try command.db.execute(sql: "UPDATE hweCase SET \(column) = ? WHERE id = ?", arguments: [value, escalation.id.description])
        case "escalation.identifiedOn":
            let day = try LocalDate(parsing: value)
            try command.checkDate(day, of: "identifying the concern", notBefore: [])
            let stages = try NodeStore.stages(of: escalation.id, in: command.db)
            if let first = stages.compactMap({ $0.raisedOn ?? $0.skippedOn }).min(), first < day {
                throw ModelError(.invalidDate, "the concern cannot have been identified on \(day): a stage is dated \(first), before it")
            }
            try command.db.execute(sql: "UPDATE hweCase SET identifiedOn = ? WHERE id = ?", arguments: [day, escalation.id.description])
        default:
            throw NodeError(.notFound, "\(key) is not a value of \(escalation.reference) that can be corrected")
        }
    }
}
