import Foundation
import GRDB
import TriangulateModel

/// One command being carried out: its transaction, its instant and its user. Everything a
/// command writes goes through here, so its history line — and the sync changes of every
/// shareable record it wrote — commit with it.
struct Command {
    let db: Database
    let at: Date
    let user: String
    let environment: NodeEnvironment
    let organisation: OrganisationCode

    /// A fresh id stamped with the command's instant.
    func newID<Entity>() -> Identifier<Entity> { environment.makeID(at: at) }

    /// Appends a line to the history.
    func log(_ concernId: ConcernID?, _ entity: String, _ reference: String, _ event: String,
             from: String? = nil, to: String? = nil) throws {
        var entry = HistoryEntry(concernId: concernId, entity: entity, reference: reference, event: event,
                                 fromState: from, toState: to, actor: user, at: at)
        try entry.insert(db)
    }

    /// Today in London, at the command's instant.
    var today: LocalDate { LondonMoment(at).date }

    /// Checks the date of a step (`StepDates`): not after today, not before what it follows.
    func checkDate(_ day: LocalDate, of label: String, notBefore earliest: [StepDates.Earliest]) throws {
        try StepDates.check(day, of: label, today: today, notBefore: earliest)
    }

    /// Refuses an organisation code this node does not know.
    func requireKnown(_ code: OrganisationCode) throws {
        try NodeStore.requireKnown(code, in: db)
    }
}

extension NodeStore {
    /// Refuses an organisation code this node does not know.
    static func requireKnown(_ code: OrganisationCode, in db: Database) throws {
        guard try Organisation.fetchOne(db, key: code.rawValue) != nil else {
            throw NodeError(
                .unknownOrganisation,
                "\(code) is not an organisation this node knows: see `triangulate org list`, or add it with `triangulate org add \(code) --name NAME --kind KIND`"
            )
        }
    }
}

extension NodeStore {
    /// Runs `body` as one write transaction for `user`.
    func perform<T>(by user: String, _ body: (Command) throws -> T) throws -> T {
        let user = user.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !user.isEmpty else {
            throw NodeError(.invalidInput, "no user given: pass --user NAME or set TRIANGULATE_USER")
        }
        let at = environment.now()
        return try database.write { db in
            let result = try body(Command(db: db, at: at, user: user, environment: environment, organisation: organisation))
            var ledger = try SyncLedger(db, organisation: organisation)
            try ledger.trackPending(at: at)
            try ledger.finish()
            return result
        }
    }

    /// Runs `body` as a read.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }
}

/// Finding records from what people type: a reference such as `ECP-2026-0007/A2` (any case),
/// a full id, or at least six characters from the start or end of an id.
enum Lookup {
    static func one<Record: FetchableRecord & TableRecord>(
        _ type: Record.Type, _ text: String, noun: String, in db: Database
    ) throws -> Record {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        let lower = wanted.lowercased()
        let byFragment = lower.count >= 6 && lower.allSatisfy { $0.isHexDigit || $0 == "-" }
        let table = Record.databaseTableName
        let rows = try Record.fetchAll(
            db,
            sql: """
                SELECT * FROM "\(table)"
                WHERE reference = ? COLLATE NOCASE OR id = ?
                   OR (? AND (id LIKE ? OR id LIKE ?))
                LIMIT 5
                """,
            arguments: [wanted, lower, byFragment, lower + "%", "%" + lower])
        guard let first = rows.first else {
            throw NodeError(.notFound, "no \(noun) matches '\(text)': list them with `triangulate \(noun.split(separator: " ").last ?? "") list`")
        }
        guard rows.count == 1 else {
            throw NodeError(.ambiguous, "'\(text)' matches several \(noun)s: give the full reference or more of the id")
        }
        return first
    }

    /// The next number in a family of references, e.g. 3 when `ECP-2026-0007/A1` and `/A2` exist.
    static func nextNumber(table: String, prefix: String, in db: Database) throws -> Int {
        let count = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \"\(table)\" WHERE reference LIKE ? ESCAPE '\\'",
            arguments: [prefix.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"]
        ) ?? 0
        return count + 1
    }
}
