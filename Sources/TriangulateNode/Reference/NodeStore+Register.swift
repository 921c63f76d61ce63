import Crypto
import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// Imports a CQC weekly care directory CSV as a new snapshot of the register: its locations
    /// replace what the register held for them, those missing are marked deregistered, and each
    /// change since the previous snapshot is kept in the locations' histories (ownership changes
    /// too). A row that cannot be read is reported with its number and reason, and the rest
    /// still import; the same file imported again adds nothing.
    public func importCareDirectory(_ data: Data, by user: String) throws -> RegisterImport {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let parsed = try Self.parseCareDirectory(data)
        return try perform(by: user) { command in
            if let snapshot = try Int.fetchOne(command.db, sql: "SELECT id FROM registerSnapshot WHERE sha256 = ?", arguments: [digest]) {
                return RegisterImport(snapshot: snapshot, producedOn: parsed.producedOn, alreadyImported: true, locations: parsed.locations.count,
                                      skipped: parsed.skipped, registered: 0, deregistered: 0, ownershipChanges: [])
            }
            try command.db.execute(sql: """
                INSERT INTO registerSnapshot (sha256, producedOn, locations, skipped, importedAt, importedBy) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [digest, parsed.producedOn, parsed.locations.count, parsed.skipped.count, command.at, command.user])
            let snapshot = Int(command.db.lastInsertedRowID)
            let old = try Row.fetchAll(command.db, sql: "SELECT * FROM registerLocation WHERE registered").compactMap(Self.location(from:))
            let changes = RegisterChanges(from: old, to: parsed.locations)
            try Self.apply(parsed.locations, changes: changes, snapshot: snapshot, old: old, in: command.db)
            try command.log(nil, "register", "snapshot \(snapshot)",
                            "care directory imported: \(parsed.locations.count) locations, \(changes.registered.count) registered, \(changes.deregistered.count) deregistered, \(changes.ownershipChanges.count) changes of provider")
            return RegisterImport(snapshot: snapshot, producedOn: parsed.producedOn, alreadyImported: false, locations: parsed.locations.count,
                                  skipped: parsed.skipped, registered: changes.registered.count, deregistered: changes.deregistered.count,
                                  ownershipChanges: changes.ownershipChanges)
        }
    }

    /// Where `text` stands against the register: registered, deregistered, unknown or malformed.
    public func checkRegister(_ text: String) throws -> RegisterCheck {
        guard let id = try? CQCIdentifier(parsing: text) else {
            return RegisterCheck(typed: text, id: nil, status: .malformed, kind: nil, name: nil)
        }
        return try read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT name, registered FROM registerLocation WHERE locationId = ?", arguments: [id.rawValue]) {
                return RegisterCheck(typed: text, id: id.rawValue, status: row["registered"] ? .registered : .deregistered, kind: "location", name: row["name"])
            }
            if let row = try Row.fetchOne(db, sql: """
                SELECT providerName, max(registered) AS registered FROM registerLocation WHERE providerId = ? GROUP BY providerId
                """, arguments: [id.rawValue]) {
                return RegisterCheck(typed: text, id: id.rawValue, status: row["registered"] ? .registered : .deregistered, kind: "provider",
                                     name: row["providerName"])
            }
            return RegisterCheck(typed: text, id: id.rawValue, status: .unknown, kind: nil, name: nil)
        }
    }

    /// Whether `text` names a location or a provider on the register (nil: neither, or malformed).
    public func checkRegisterKind(_ text: String) -> String? { (try? checkRegister(text))?.kind }

    /// A location with its history across snapshots.
    public func registerLocation(_ text: String) throws -> RegisterLocationView {
        let id = try CQCIdentifier(parsing: text)
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registerLocation WHERE locationId = ?", arguments: [id.rawValue]),
                  let location = Self.location(from: row) else {
                throw NodeError(.notFound, "\(id) is not a location on the register this node imported (see `triangulate provider import`)")
            }
            let history = try Row.fetchAll(db, sql: "SELECT * FROM registerEvent WHERE locationId = ? ORDER BY snapshot, rowid", arguments: [id.rawValue])
                .map { RegisterLocationView.Event(snapshot: $0["snapshot"], event: $0["event"], detail: $0["detail"]) }
            return RegisterLocationView(location: location, status: row["registered"] ? .registered : .deregistered, history: history)
        }
    }

    /// A provider with every location the register has listed under it.
    public func registerProvider(_ text: String) throws -> RegisterProviderView {
        let id = try CQCIdentifier(parsing: text)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT locationId, name, postcode, registered, providerName FROM registerLocation WHERE providerId = ?
                ORDER BY registered DESC, name, locationId
                """, arguments: [id.rawValue])
            guard let first = rows.first else {
                throw NodeError(.notFound, "\(id) is not a provider on the register this node imported (see `triangulate provider search`)")
            }
            return RegisterProviderView(providerId: id, name: first["providerName"], locations: rows.compactMap { row in
                (try? CQCIdentifier(parsing: row["locationId"])).map {
                    RegisterProviderView.Location(locationId: $0, name: row["name"], postcode: row["postcode"], status: row["registered"] ? .registered : .deregistered)
                }
            })
        }
    }

    /// Locations whose name, provider, postcode or id contains `text`, registered first; at most `limit`.
    public func searchRegister(_ text: String, limit: Int = 50) throws -> [RegisteredLocation] {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        guard wanted.count >= 2 else { throw NodeError(.invalidInput, "search for at least two characters of a name, provider, postcode or id") }
        let pattern = "%" + wanted.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM registerLocation
                WHERE name LIKE ?1 ESCAPE '\\' OR providerName LIKE ?1 ESCAPE '\\' OR postcode LIKE ?1 ESCAPE '\\' OR locationId LIKE ?1 ESCAPE '\\'
                   OR providerId LIKE ?1 ESCAPE '\\' OR alsoKnownAs LIKE ?1 ESCAPE '\\'
                ORDER BY registered DESC, name LIMIT ?2
                """, arguments: [pattern, max(1, min(limit, 500))]).compactMap(Self.location(from:))
        }
    }

    /// Every change of provider detected between snapshots, newest first.
    public func ownershipChanges() throws -> [RegisterChanges.OwnershipChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registerOwnershipChange ORDER BY snapshot DESC, rowid").compactMap { row -> RegisterChanges.OwnershipChange? in
                guard let previous = try? CQCIdentifier(parsing: row["previousLocationId"]), let previousProvider = try? CQCIdentifier(parsing: row["previousProviderId"]),
                      let new = try? CQCIdentifier(parsing: row["newLocationId"]), let newProvider = try? CQCIdentifier(parsing: row["newProviderId"]),
                      let via = RegisterChanges.OwnershipChange.Via(rawValue: row["via"]) else { return nil }
                return RegisterChanges.OwnershipChange(previousLocationId: previous, previousProviderId: previousProvider, newLocationId: new,
                                                       newProviderId: newProvider, via: via)
            }
        }
    }

    // MARK: Helpers

    /// The file's locations (the first of an id listed twice), its "produced on" line, and the
    /// rows skipped. CQC's weekly CSV has a title block of four lines and its fifteen headings on
    /// line 5; the monthly directory with filters (XLSX or CSV) has a header row with its
    /// headings among the first ten rows, and its columns naming people are never read.
    static func parseCareDirectory(_ data: Data) throws -> (locations: [RegisteredLocation], producedOn: String?, skipped: [RegisterImport.SkippedRow]) {
        let rows = try SpreadsheetRows(data).rows
        var producedOn: String?
        var locations: [RegisteredLocation] = []
        var seen = Set<CQCIdentifier>()
        var skipped: [RegisterImport.SkippedRow] = []
        func take(_ number: Int, _ read: () throws(ModelError) -> RegisteredLocation) {
            do {
                let location = try read()
                guard seen.insert(location.locationId).inserted else {
                    return skipped.append(.init(row: number, reason: "location \(location.locationId) is listed twice; the first is kept"))
                }
                locations.append(location)
            } catch {
                skipped.append(.init(row: number, reason: error.message))
            }
        }
        func isBlank(_ cells: [String]) -> Bool { cells.allSatisfy { SpreadsheetText.trimmed($0).isEmpty } }
        let monthly = rows.prefix(CareDirectoryWithFiltersLayout.headerSearchRows).enumerated().lazy
            .compactMap { index, row in CareDirectoryWithFiltersLayout.columns(row.cells).map { (index, $0) } }.first
        if let (headerIndex, columns) = monthly {
            for row in rows.dropFirst(headerIndex + 1) where !isBlank(row.cells) {
                take(row.number) { () throws(ModelError) in try CareDirectoryWithFiltersLayout.location(row.cells, columns: columns) }
            }
            return (locations, nil, skipped)
        }
        guard rows.count > CareDirectoryLayout.titleLines else {
            throw NodeError(.invalidInput, "the file has \(rows.count) rows: CQC's care directory has a title block of \(CareDirectoryLayout.titleLines) lines, then a header")
        }
        for row in rows.prefix(CareDirectoryLayout.titleLines) {
            if let line = row.cells.first, line.lowercased().contains("produced on") { producedOn = line.trimmingCharacters(in: .whitespaces) }
        }
        try CareDirectoryLayout.checkHeader(rows[CareDirectoryLayout.titleLines].cells)
        for row in rows.dropFirst(CareDirectoryLayout.titleLines + 1) where !isBlank(row.cells) {
            take(row.number) { () throws(ModelError) in try CareDirectoryLayout.location(row.cells) }
        }
        return (locations, producedOn, skipped)
    }

    private static func apply(_ locations: [RegisteredLocation], changes: RegisterChanges, snapshot: Int, old: [RegisteredLocation], in db: Database) throws {
        let before = Dictionary(old.map { ($0.locationId, $0) }, uniquingKeysWith: { first, _ in first })
        var seenBefore = Set(try String.fetchAll(db, sql: "SELECT locationId FROM registerLocation"))
        let upsert = try db.makeStatement(sql: """
            INSERT INTO registerLocation (locationId, providerId, name, alsoKnownAs, address, postcode, providerName, serviceTypes, specialisms,
                                          latestCheck, localAuthority, region, brandId, brandName, dormant, rating, registeredOn,
                                          registered, firstSnapshot, lastSnapshot)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (locationId) DO UPDATE SET providerId = excluded.providerId, name = excluded.name, alsoKnownAs = excluded.alsoKnownAs,
                address = excluded.address, postcode = excluded.postcode, providerName = excluded.providerName, serviceTypes = excluded.serviceTypes,
                specialisms = excluded.specialisms, latestCheck = excluded.latestCheck, localAuthority = excluded.localAuthority,
                region = excluded.region, brandId = coalesce(excluded.brandId, brandId), brandName = coalesce(excluded.brandName, brandName),
                dormant = coalesce(excluded.dormant, dormant), rating = coalesce(excluded.rating, rating),
                registeredOn = coalesce(excluded.registeredOn, registeredOn), registered = 1, lastSnapshot = excluded.lastSnapshot
            """)
        let event = try db.makeStatement(sql: "INSERT INTO registerEvent (locationId, snapshot, event, detail) VALUES (?, ?, ?, ?)")
        for location in locations {
            let id = location.locationId.rawValue
            if let previous = before[location.locationId] {
                if previous.providerId != location.providerId {
                    try event.execute(arguments: [id, snapshot, "provider-changed", "\(previous.providerId) to \(location.providerId)"])
                }
                if let check = location.latestCheck, previous.latestCheck != check {
                    try event.execute(arguments: [id, snapshot, "checked", check.description])
                }
                if let dormant = location.dormant, let was = previous.dormant, was != dormant {
                    try event.execute(arguments: [id, snapshot, dormant ? "dormant" : "active", nil])
                }
                if let rating = location.rating, previous.rating != rating {
                    try event.execute(arguments: [id, snapshot, "rated", rating])
                }
            } else {
                try event.execute(arguments: [id, snapshot, seenBefore.contains(id) ? "re-registered" : "registered", location.providerId.rawValue])
                seenBefore.insert(id)
            }
            try upsert.execute(arguments: [id, location.providerId.rawValue, location.name, location.alsoKnownAs, location.address, location.postcode,
                                           location.providerName, location.serviceTypes, location.specialisms, location.latestCheck?.description,
                                           location.localAuthority, location.region, location.brandId, location.brandName, location.dormant,
                                           location.rating, location.registeredOn?.description, snapshot, snapshot])
        }
        let deregister = try db.makeStatement(sql: "UPDATE registerLocation SET registered = 0 WHERE locationId = ?")
        for id in changes.deregistered {
            try deregister.execute(arguments: [id.rawValue])
            try event.execute(arguments: [id.rawValue, snapshot, "deregistered", nil])
        }
        for change in changes.ownershipChanges {
            try db.execute(sql: """
                INSERT INTO registerOwnershipChange (snapshot, previousLocationId, previousProviderId, newLocationId, newProviderId, via)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [snapshot, change.previousLocationId.rawValue, change.previousProviderId.rawValue, change.newLocationId.rawValue,
                                 change.newProviderId.rawValue, change.via.rawValue])
            if change.via == .sameNameAndPostcode {
                try event.execute(arguments: [change.previousLocationId.rawValue, snapshot, "succeeded-by", "\(change.newLocationId) under \(change.newProviderId)"])
            }
        }
    }

    static func location(from row: Row) -> RegisteredLocation? {
        guard let locationId = try? CQCIdentifier(parsing: row["locationId"]), let providerId = try? CQCIdentifier(parsing: row["providerId"]) else { return nil }
        return RegisteredLocation(locationId: locationId, providerId: providerId, name: row["name"], alsoKnownAs: row["alsoKnownAs"], address: row["address"],
                                  postcode: row["postcode"], providerName: row["providerName"], serviceTypes: row["serviceTypes"],
                                  specialisms: row["specialisms"], latestCheck: (row["latestCheck"] as String?).flatMap { try? LocalDate(parsing: $0) },
                                  localAuthority: row["localAuthority"], region: row["region"], brandId: row["brandId"], brandName: row["brandName"],
                                  dormant: row["dormant"], rating: row["rating"],
                                  registeredOn: (row["registeredOn"] as String?).flatMap { try? LocalDate(parsing: $0) })
    }
}
