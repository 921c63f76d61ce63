import GRDB

/// The tables of the node's people and their web sessions (migration `v9-people`).
enum PeopleSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "person") { t in
            t.primaryKey("name", .text)
            t.column("role", .text).notNull()
            t.column("passwordHash", .text).notNull()
            t.column("disabled", .boolean).notNull().defaults(to: false)
            t.column("failedSignIns", .integer).notNull().defaults(to: 0)
            t.column("lockedUntil", .datetime)
            t.column("createdAt", .datetime).notNull()
            t.column("createdBy", .text).notNull()
        }
        // A session is found by the SHA-256 of its token: the token itself is only in the cookie.
        try db.create(table: "webSession") { t in
            t.primaryKey("tokenHash", .text)
            t.column("person", .text).notNull().references("person", onDelete: .cascade)
            t.column("csrfToken", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
        }
        try db.create(index: "webSession_person", on: "webSession", columns: ["person"])
    }
}
