import GRDB

/// Calls passed between LGSCO and CQC (core migration `v17-call-transfers`): one row a call,
/// the caller's name and number only when a callback was asked for with their permission, and
/// the time that permission was given.
enum CallTransferSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "callTransfer") { t in
            t.primaryKey("id", .text)
            t.column("direction", .text).notNull()
            t.column("handling", .text).notNull()
            t.column("on", .text).notNull().indexed()
            t.column("waitSeconds", .integer)
            t.column("permissionAt", .datetime)
            t.column("callerName", .text)
            t.column("contactNumber", .text)
            t.column("serviceProvider", .text)
            t.column("senderReference", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .datetime).notNull()
        }
    }
}
