import GRDB

/// The node's bank-holiday data (migration `v5-bank-holidays`):
/// - `bankHolidayData`: the newest GOV.UK `bank-holidays.json` imported with `triangulate calendar
///   import`, if any; without one the node uses the data shipped with Triangulate.
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
}
