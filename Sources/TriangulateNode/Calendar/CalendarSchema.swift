import GRDB

/// The node's calendar:
/// - `bankHolidayData` (migration `v5-bank-holidays`): the newest GOV.UK `bank-holidays.json`
///   imported with `triangulate calendar import`, if any; without one the node uses the data
///   shipped with Triangulate.
/// - `calendarSetting` (migration `v7-default-nation`): the nation whose working days this
///   node's clocks count, unless a command names another; England and Wales until set.
enum CalendarSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "bankHolidayData") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("json", .blob).notNull()
            t.column("version", .text).notNull()
            t.column("importedAt", .datetime).notNull()
            t.column("importedBy", .text).notNull()
        }
    }

    static func addDefaultNation(_ db: Database) throws {
        try db.create(table: "calendarSetting") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("nation", .text).notNull()
        }
    }
}
