import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The working-day calendar this node computes deadlines with: the newest of the bank-holiday
    /// data shipped with Triangulate and the data imported into this store.
    public func workingCalendar() throws -> WorkingCalendar {
        let imported = try read { db in try Data.fetchOne(db, sql: "SELECT json FROM bankHolidayData") }
        guard let imported, let data = try? BankHolidayData(json: imported), Self.lastDay(of: data) > Self.lastDay(of: .shipped) else {
            return .shipped
        }
        return WorkingCalendar(data: data)
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
