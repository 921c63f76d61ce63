import Foundation
import GRDB
import TriangulateModel

/// Which open records `worklist` lists.
public struct WorklistFilter: Sendable {
    /// Only this process's clocks (`ecp`).
    public var process: String?
    /// Only what this organisation owes.
    public var owner: String?
    /// Only what this person owes, or recorded.
    public var person: String?

    /// Makes a filter; nil lets everything through.
    public init(process: String? = nil, owner: String? = nil, person: String? = nil) {
        self.process = process
        self.owner = owner
        self.person = person
    }
}

extension NodeStore {
    /// Everything open with a clock on `asOf`, across every process, in worklist order
    /// (`Worklist`), counting working days in `nation`.
    public func worklist(asOf: LocalDate, nation: Nation, filter: WorklistFilter = WorklistFilter()) throws -> [WorklistEntry] {
        let processes = Set(ECPClocks.all.map(\.process))
        if let process = filter.process, !processes.contains(process) {
            throw ModelError(.invalidValue, "'\(process)' is not a process this node runs clocks for: use \(processes.sorted().joined(separator: ", "))")
        }
        let calendar = try workingCalendar()
        let open = try read { db in try Self.openClocks(in: db) }.filter { item in
            (filter.process.map { $0 == item.clock.process } ?? true)
                && (filter.owner.map { $0.uppercased() == item.owner } ?? true)
                && (filter.person.map { $0 == item.person } ?? true)
        }
        return Worklist.entries(open, asOf: asOf, calendar: calendar, nation: nation)
    }

    /// The ECP's open clocks: requests sent with a due date and not yet closed, open actions.
    private static func openClocks(in db: Database) throws -> [OpenClock] {
        var open: [OpenClock] = []
        let requestStates = RequestLifecycle.State.allCases.filter(\.isOpen).map(\.rawValue)
        let requests = try Row.fetchCursor(db, sql: """
            SELECT reference, direction, counterpart, dueBy, recordedBy FROM informationRequest
            WHERE dueBy IS NOT NULL AND state IN (\(databaseQuestionMarks(count: requestStates.count)))
            """, arguments: StatementArguments(requestStates))
        while let row = try requests.next() {
            guard let due = try? LocalDate(parsing: row[3]) else { continue }
            // An outgoing request is owed by the partner asked; an incoming one by this node.
            let owner: String? = row[1] == "outgoing" ? row[2] : nil
            open.append(OpenClock(clock: ECPClocks.requestAnswer, reference: row[0], owner: owner, person: row[4], due: due))
        }
        let actionStates = ActionLifecycle.State.allCases.filter(\.isOpen).map(\.rawValue)
        let actions = try Row.fetchCursor(db, sql: """
            SELECT reference, ownerOrg, owner, dueBy FROM action WHERE state IN (\(databaseQuestionMarks(count: actionStates.count)))
            """, arguments: StatementArguments(actionStates))
        while let row = try actions.next() {
            guard let due = try? LocalDate(parsing: row[3]) else { continue }
            open.append(OpenClock(clock: ECPClocks.action, reference: row[0], owner: row[1], person: row[2], due: due))
        }
        return open
    }
}
