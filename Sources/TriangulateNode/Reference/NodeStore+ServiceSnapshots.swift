import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// Every concern rolled up by the provider or brand that ran the services it named, as the
    /// register had them on the day the concern named them.
    public func providerRollUp(by grouping: ProviderRollUp.Grouping) throws -> [ProviderRollUp.Row] {
        try read { db in
            let snapshots = try Dictionary(grouping: Self.serviceSnapshots(in: db), by: \.caseId)
            let closed = ConcernLifecycle.State.closed.rawValue
            let entries = try Row.fetchAll(db, sql: "SELECT id, reference, state, identifiedOn FROM concern").compactMap { row -> ProviderRollUp.Entry? in
                guard let services = snapshots[row["id"]], let day = try? LocalDate(parsing: row["identifiedOn"]) else { return nil }
                return ProviderRollUp.Entry(reference: row["reference"], isOpen: row["state"] != closed, identifiedOn: day,
                                            services: services.map(\.snapshot))
            }
            return ProviderRollUp.rows(entries, by: grouping)
        }
    }

    /// The providers and locations case `caseId` named, as the register had them when named.
    public func services(ofCase caseId: String) throws -> [ServiceSnapshot] {
        try read { db in try Self.serviceSnapshots(in: db, caseId: caseId).map(\.snapshot) }
    }

    /// Takes a snapshot of each provider and location among `subjects` that case `caseId` has
    /// none of yet: the register's names, provider and brand for it today.
    static func snapshotServices(_ subjects: [Subject], ofCase caseId: String, _ command: Command) throws {
        let insert = try command.db.makeStatement(sql: """
            INSERT OR IGNORE INTO caseService (caseId, kind, cqcId, typedName, status, registeredName, providerId, providerName, brandId, brandName, takenOn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for subject in subjects {
            guard let (kind, id, name) = ServiceSnapshot.service(of: subject) else { continue }
            let snapshot = try snapshot(kind: kind, id: id, typedName: name, on: command.today, in: command.db)
            try insert.execute(arguments: [caseId, kind.rawValue, id?.rawValue, name, snapshot.status.rawValue, snapshot.registeredName,
                                           snapshot.providerId?.rawValue, snapshot.providerName, snapshot.brandId, snapshot.brandName,
                                           snapshot.takenOn.description])
        }
    }

    /// A service as the register has it now.
    private static func snapshot(kind: ServiceSnapshot.Kind, id: CQCIdentifier?, typedName: String, on day: LocalDate,
                                 in db: Database) throws -> ServiceSnapshot {
        func unregistered(_ status: RegisterStatus) -> ServiceSnapshot {
            ServiceSnapshot(kind: kind, id: id, typedName: typedName, status: status, registeredName: nil,
                            providerId: kind == .provider ? id : nil, providerName: kind == .provider ? typedName : nil,
                            brandId: nil, brandName: nil, takenOn: day)
        }
        guard let id else { return unregistered(.unknown) }
        let sql = kind == .location
            ? "SELECT * FROM registerLocation WHERE locationId = ?"
            : "SELECT * FROM registerLocation WHERE providerId = ? ORDER BY registered DESC, lastSnapshot DESC LIMIT 1"
        guard let row = try Row.fetchOne(db, sql: sql, arguments: [id.rawValue]) else { return unregistered(.unknown) }
        let registered: Bool = kind == .location
            ? row["registered"]
            : try Bool.fetchOne(db, sql: "SELECT max(registered) FROM registerLocation WHERE providerId = ?", arguments: [id.rawValue]) ?? false
        return ServiceSnapshot(kind: kind, id: id, typedName: typedName, status: registered ? .registered : .deregistered,
                               registeredName: kind == .location ? row["name"] : nil,
                               providerId: try? CQCIdentifier(parsing: row["providerId"]), providerName: row["providerName"],
                               brandId: row["brandId"], brandName: row["brandName"], takenOn: day)
    }

    /// The snapshots held, of one case or of all.
    private static func serviceSnapshots(in db: Database, caseId: String? = nil) throws -> [(caseId: String, snapshot: ServiceSnapshot)] {
        let rows = try caseId.map { try Row.fetchAll(db, sql: "SELECT * FROM caseService WHERE caseId = ? ORDER BY rowid", arguments: [$0]) }
            ?? Row.fetchAll(db, sql: "SELECT * FROM caseService ORDER BY rowid")
        return rows.compactMap { row in
            guard let kind = ServiceSnapshot.Kind(rawValue: row["kind"]), let status = RegisterStatus(rawValue: row["status"]),
                  let day = try? LocalDate(parsing: row["takenOn"]) else { return nil }
            return (row["caseId"], ServiceSnapshot(
                kind: kind, id: (row["cqcId"] as String?).flatMap { try? CQCIdentifier(parsing: $0) }, typedName: row["typedName"],
                status: status, registeredName: row["registeredName"],
                providerId: (row["providerId"] as String?).flatMap { try? CQCIdentifier(parsing: $0) }, providerName: row["providerName"],
                brandId: row["brandId"], brandName: row["brandName"], takenOn: day))
        }
    }
}
