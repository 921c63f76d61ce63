/// A clock running on one open record: the input of the worklist.
public struct OpenClock: Hashable, Sendable {
    /// Its definition.
    public let clock: ClockDefinition
    /// The record's reference, e.g. `ECP-2026-0001/R1`.
    public let reference: String
    /// The organisation that owes it, when known.
    public let owner: String?
    /// The person who owes it, or recorded it, when known.
    public let person: String?
    /// The day it is due.
    public let due: LocalDate
    /// The first amber day, for a clock whose warning counts from its start.
    public let amberFrom: LocalDate?

    /// Makes an open clock.
    public init(clock: ClockDefinition, reference: String, owner: String?, person: String?, due: LocalDate, amberFrom: LocalDate? = nil) {
        self.clock = clock
        self.reference = reference
        self.owner = owner
        self.person = person
        self.due = due
        self.amberFrom = amberFrom
    }
}

/// One line of the worklist.
public struct WorklistEntry: Hashable, Codable, Sendable {
    /// Red: overdue. Amber: due today, or within the clock's warning. Green: otherwise.
    public enum Status: String, Codable, Sendable { case red, amber, green }

    /// The process and clock.
    public let process: String
    public let clock: String
    /// The record's reference.
    public let reference: String
    /// What is due.
    public let what: String
    /// Who owes it.
    public let owner: String?
    public let person: String?
    /// The day it is due.
    public let due: LocalDate
    /// Time left in `unit` (0 on the due day; negative: overdue by that much).
    public let remaining: Int
    /// The unit of `remaining`: working days, or calendar days for every other clock.
    public let unit: ClockSpan.Unit
    /// Red, amber or green.
    public let status: Status
    /// For a due day a clock computed (rather than one recorded on the record): the version of
    /// the bank-holiday data it was counted with, and whether it lies past that data's last year
    /// (a one-off bank holiday may yet move it).
    public let calendarVersion: String?
    public let provisional: Bool
}

/// Everything open with a clock, across every process: overdue first (oldest first), then due
/// today, then by due date; ties by reference. Pure: the calendar and the day are given.
public enum Worklist {
    /// The worklist of `open` clocks on `asOf`, counting working days in `nation` (or in a
    /// clock's own nation, when it names one).
    public static func entries(_ open: [OpenClock], asOf: LocalDate, calendar: WorkingCalendar, nation: Nation) -> [WorklistEntry] {
        var remainingByDue: [Int: Int] = [:]  // many records share a due day (and nation)
        var lastAmber: (clock: String, day: LocalDate)?  // open clocks come in runs of one clock
        let entries = open.map { item -> WorklistEntry in
            let nation = item.clock.nation ?? nation
            let remaining: Int
            switch item.clock.unit {
            case .workingDays:
                let key = item.due.dayNumber * 4 + (nation == .englandAndWales ? 0 : nation == .scotland ? 1 : 2)
                if let known = remainingByDue[key] {
                    remaining = known
                } else {
                    remaining = item.due < asOf
                        ? -calendar.workingDays(after: item.due, through: asOf, in: nation)
                        : calendar.workingDays(after: asOf, through: item.due, in: nation)
                    remainingByDue[key] = remaining
                }
            case .calendarDays, .hours, .months:
                // Due days are dates: time left is counted in calendar days.
                remaining = item.due.dayNumber - asOf.dayNumber
            }
            let isAmber: Bool
            switch item.clock.warning {
            case .before(let warning):
                let amberUntil: LocalDate
                if let lastAmber, lastAmber.clock == item.clock.id {
                    amberUntil = lastAmber.day
                } else {
                    amberUntil = lastAmberDay(warning, asOf: asOf, calendar: calendar, nation: nation)
                    lastAmber = (item.clock.id, amberUntil)
                }
                isAmber = item.due <= amberUntil
            case .after, .recordedDueDate:
                isAmber = item.due == asOf || item.amberFrom.map { $0 <= asOf } ?? false
            }
            let status: WorklistEntry.Status
            if item.due < asOf {
                status = .red
            } else if isAmber {
                status = .amber
            } else {
                status = .green
            }
            let isComputed: Bool
            if case .after = item.clock.breach { isComputed = true } else { isComputed = false }
            return WorklistEntry(process: item.clock.process, clock: item.clock.id, reference: item.reference, what: item.clock.what,
                                 owner: item.owner, person: item.person, due: item.due, remaining: remaining,
                                 unit: item.clock.unit == .workingDays ? .workingDays : .calendarDays, status: status,
                                 calendarVersion: isComputed ? calendar.version : nil,
                                 provisional: isComputed && calendar.isProvisional(item.due, in: nation))
        }
        // Overdue, due today and later are in due-date order already: the due day alone orders
        // them, and the reference breaks ties.
        // Sorting small keys, not the entries themselves, saves moving every entry's fields.
        // References are compared as strings: for the normalised text a node writes, that is the
        // order of their code points, and so of their UTF-8 bytes, without walking them one by one.
        let references = entries.map(\.reference)
        let order = entries.indices.map { (day: entries[$0].due.dayNumber, index: $0) }.sorted { left, right in
            left.day != right.day ? left.day < right.day : references[left.index] < references[right.index]
        }
        return order.map { entries[$0.index] }
    }

    /// The last due day that is amber on `asOf`: `warning` after it.
    private static func lastAmberDay(_ warning: ClockSpan, asOf: LocalDate, calendar: WorkingCalendar, nation: Nation) -> LocalDate {
        switch warning.unit {
        case .workingDays: calendar.adding(workingDays: warning.count, to: asOf, in: nation) ?? asOf
        case .calendarDays, .hours: asOf.adding(days: warning.unit == .hours ? warning.count / 24 : warning.count) ?? asOf
        case .months: asOf.adding(months: warning.count) ?? asOf
        }
    }
}
