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
        let processes = ProcessRegistry.definitions.filter { !$0.clocks.isEmpty }.map(\.id)
        if let process = filter.process, !processes.contains(process) {
            throw ModelError(.invalidValue, "'\(process)' is not a process this node runs clocks for: use \(processes.joined(separator: ", "))")
        }
        let calendar = try workingCalendar()
        let open = try read { db in
            try ProcessRegistry.processes.flatMap { try $0.openClocks(in: db, calendar: calendar, nation: nation) }
        }.filter { item in
            (filter.process.map { $0 == item.clock.process } ?? true)
                && (filter.owner.map { $0.uppercased() == item.owner } ?? true)
                && (filter.person.map { $0 == item.person } ?? true)
        }
        return Worklist.entries(open, asOf: asOf, calendar: calendar, nation: nation)
    }
}
