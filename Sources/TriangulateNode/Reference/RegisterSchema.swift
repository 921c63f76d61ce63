import GRDB

/// CQC's register of providers and locations, as this node imported it (core migration
/// `v13-provider-register`): public, organisational reference data.
///
/// - `registerSnapshot`: each care directory imported, by the SHA-256 of its bytes (importing
///   the same file again adds nothing).
/// - `registerLocation`: each location ever seen, as the latest snapshot listing it had it, with
///   whether it is still registered.
/// - `registerEvent`: a location's history across snapshots: registered, deregistered,
///   re-registered, provider changed, checked.
/// - `registerOwnershipChange`: each change of provider detected between snapshots.
///
/// Core migration `v15-brands-and-service-snapshots` adds what the monthly directory with filters
/// gives (brand, dormancy, rating, registration date) and `caseService`: the providers and
/// locations each case named, as the register had them on the day.
enum RegisterSchema {
    static func addBrandsAndServiceSnapshots(_ db: Database) throws {
        try db.alter(table: "registerLocation") { t in
            t.add(column: "brandId", .text)
            t.add(column: "brandName", .text)
            t.add(column: "dormant", .boolean)
            t.add(column: "rating", .text)
            t.add(column: "registeredOn", .text)
        }
        try db.create(index: "registerLocationBrand", on: "registerLocation", columns: ["brandId"])
        try db.create(table: "caseService") { t in
            t.column("caseId", .text).notNull().indexed()
            t.column("kind", .text).notNull()
            t.column("cqcId", .text)
            t.column("typedName", .text).notNull()
            t.column("status", .text).notNull()
            t.column("registeredName", .text)
            t.column("providerId", .text).indexed()
            t.column("providerName", .text)
            t.column("brandId", .text)
            t.column("brandName", .text)
            t.column("takenOn", .text).notNull()
            t.uniqueKey(["caseId", "kind", "cqcId", "typedName"])
        }
    }

    static func create(_ db: Database) throws {
        try db.create(table: "registerSnapshot") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sha256", .text).notNull().unique()
            t.column("producedOn", .text)
            t.column("locations", .integer).notNull()
            t.column("skipped", .integer).notNull()
            t.column("importedAt", .datetime).notNull()
            t.column("importedBy", .text).notNull()
        }
        try db.create(table: "registerLocation") { t in
            t.primaryKey("locationId", .text)
            t.column("providerId", .text).notNull().indexed()
            t.column("name", .text).notNull()
            t.column("alsoKnownAs", .text)
            t.column("address", .text).notNull()
            t.column("postcode", .text).notNull()
            t.column("providerName", .text).notNull()
            t.column("serviceTypes", .text).notNull()
            t.column("specialisms", .text).notNull()
            t.column("latestCheck", .text)
            t.column("localAuthority", .text).notNull()
            t.column("region", .text).notNull()
            t.column("registered", .boolean).notNull()
            t.column("firstSnapshot", .integer).notNull()
            t.column("lastSnapshot", .integer).notNull()
        }
        try db.create(table: "registerEvent") { t in
            t.column("locationId", .text).notNull().indexed()
            t.column("snapshot", .integer).notNull()
            t.column("event", .text).notNull()
            t.column("detail", .text)
        }
        try db.create(table: "registerOwnershipChange") { t in
            t.column("snapshot", .integer).notNull()
            t.column("previousLocationId", .text).notNull()
            t.column("previousProviderId", .text).notNull()
            t.column("newLocationId", .text).notNull()
            t.column("newProviderId", .text).notNull()
            t.column("via", .text).notNull()
        }
    }
}
