import GRDB

/// The node's matching tables (core migration `v18-matching`):
///
/// - `matchKey`: the network's match keys, each from the day its windows start taking it; never sent.
/// - `matchAlert`: the hub's alerts about this organisation's tokens, as last collected.
/// - `matchState`: the hub's settings and a digest of the tokens last published, so that an
///   unchanged set is not sent again.
enum MatchingSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "matchKey") { t in
            t.primaryKey("fromDay", .text)
            t.column("key", .blob).notNull()
            t.column("fingerprint", .text).notNull()
            t.column("addedBy", .text).notNull()
            t.column("addedAt", .datetime).notNull()
        }
        try db.create(table: "matchAlert") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("window", .integer).notNull()
            t.column("token", .text).notNull()
            t.column("others", .integer).notNull()
            t.column("state", .text).notNull()
            t.column("consent", .text)
            t.column("introductionRequested", .boolean).notNull()
            t.column("introduced", .text).notNull()
            t.column("raisedAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "matchState") { t in
            t.primaryKey("singleton", .integer).check { $0 == 1 }
            t.column("quorum", .integer).notNull()
            t.column("windowDays", .integer).notNull()
            t.column("publishedDigest", .text)
            t.column("publishedCount", .integer).notNull().defaults(to: 0)
            t.column("collectedAt", .datetime).notNull()
        }
    }
}
