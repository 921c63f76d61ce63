import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The working-day calendar this node computes deadlines with: the newest of the bank-holiday
    /// data shipped with Triangulate and the data imported into this store.
    public func workingCalendar() throws -> WorkingCalendar {
        try read { db in try Self.workingCalendar(in: db) }
    }

    /// The calendar, read in a transaction already open.
    static func workingCalendar(in db: Database) throws -> WorkingCalendar {
        let imported = try Data.fetchOne(db, sql: "SELECT json FROM bankHolidayData")
        guard let imported, let data = try? BankHolidayData(json: imported), Self.lastDay(of: data) > Self.lastDay(of: .shipped) else {
            return .shipped
        }
        return WorkingCalendar(data: data)
    }

    /// The nation whose working days this node counts unless told otherwise.
    public func defaultNation() throws -> Nation {
        try read { db in try Self.defaultNation(in: db) }
    }

    /// Sets the nation whose working days this node counts unless told otherwise.
    public func setDefaultNation(_ nation: Nation, by user: String) throws {
        try perform(by: user) { command in
            let before = try Self.defaultNation(in: command.db)
            try command.db.execute(sql: "INSERT INTO calendarSetting (singleton, nation) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET nation = excluded.nation",
                                   arguments: [nation.rawValue])
            try command.log(nil, "calendar", "nation", "default nation set", from: before.rawValue, to: nation.rawValue)
        }
    }

    /// The default nation, read in a transaction already open.
    static func defaultNation(in db: Database) throws -> Nation {
        try String.fetchOne(db, sql: "SELECT nation FROM calendarSetting").flatMap(Nation.init(rawValue:)) ?? .englandAndWales
    }

    /// Takes a GOV.UK `bank-holidays.json` file for this node's deadlines. Refuses a file that is
    /// not in GOV.UK's format, or that ends before the data in use (nothing changes then).
    public func importBankHolidays(_ json: Data, by user: String) throws -> BankHolidayData {
        let data = try BankHolidayData(json: json)
        let current = try workingCalendar().data
        guard Self.lastDay(of: data) >= Self.lastDay(of: current) else {
            throw ModelError(.invalidValue, "this file ends on \(Self.lastDay(of: data)), before the bank holidays in use (\(current.version), to \(Self.lastDay(of: current))): nothing changed")
        }
        try perform(by: user) { command in
            try command.db.execute(
                sql: "INSERT INTO bankHolidayData (singleton, json, version, importedAt, importedBy) VALUES (1, ?, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET json = excluded.json, version = excluded.version, importedAt = excluded.importedAt, importedBy = excluded.importedBy",
                arguments: [json, data.version, command.at, command.user])
            try command.log(nil, "calendar", data.version, "bank holidays imported", from: current.version, to: data.version)
        }
        return data
    }

    /// The last day the data covers for every nation (the earliest of the nations' last days).
    private static func lastDay(of data: BankHolidayData) -> LocalDate {
        data.holidays.values.compactMap(\.last?.date).min() ?? LocalDate(year: 1900, month: 1, day: 1)!
    }
}
