import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// Records a call passed to the other organisation; a callback's details are kept only with
    /// the caller's permission recorded (`CallTransfer`).
    public func recordCall(direction: CallTransfer.Direction, handling: CallTransfer.Handling, on day: LocalDate, waitSeconds: Int?,
                           permissionAt: Date?, callback: CallTransfer.Callback?, by user: String) throws -> CallTransfer {
        let callback = try callback.map { details in
            CallTransfer.Callback(name: try Text.required(details.name, "caller's name", hint: "--name"),
                                  contactNumber: try Text.required(details.contactNumber, "contact number", hint: "--number"),
                                  serviceProvider: try Text.required(details.serviceProvider, "service provider", hint: "--service-provider"),
                                  senderReference: try Text.required(details.senderReference, "your reference", hint: "--reference"))
        }
        return try perform(by: user) { command in
            try command.checkDate(day, of: "the call", notBefore: [])
            let call = try CallTransfer(id: (command.newID() as FlowCaseID).description, direction: direction, handling: handling, on: day,
                                        waitSeconds: waitSeconds, permissionAt: permissionAt, callback: callback, now: command.at)
            try command.db.execute(sql: """
                INSERT INTO callTransfer (id, direction, handling, "on", waitSeconds, permissionAt, callerName, contactNumber, serviceProvider,
                                          senderReference, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [call.id, direction.rawValue, handling.rawValue, day, waitSeconds, permissionAt, callback?.name, callback?.contactNumber,
                                 callback?.serviceProvider, callback?.senderReference, command.user, command.at])
            try command.log(nil, "call", String(call.id.suffix(8)), "\(direction.rawValue) \(handling.rawValue) recorded")
            return call
        }
    }

    /// The calls of `month` (`YYYY-MM`), in order.
    public func calls(month: String) throws -> [CallTransfer] {
        let first = try Self.month(month)
        return try read { db in try Self.calls(from: first, in: db) }
    }

    /// The month's counts of warm transfers, signposts and callbacks each way, with the day they are due.
    public func callCounts(month: String) throws -> CallCounts {
        let first = try Self.month(month)
        let calendar = try workingCalendar()
        return try read { db in
            CallCounts(month: first, calls: try Self.calls(from: first, in: db), calendar: calendar, nation: try Self.defaultNation(in: db))
        }
    }

    /// The callback message of call `id` (or at least six characters from either end of it, as
    /// `call list` shows its last eight): only the caller's name, number and service provider
    /// with the sender's reference.
    public func callbackMessage(_ id: String) throws -> String {
        let wanted = id.lowercased().trimmingCharacters(in: .whitespaces)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM callTransfer WHERE id = ?1 OR (length(?1) >= 6 AND (id LIKE ?1 || '%' OR id LIKE '%' || ?1))
                """, arguments: [wanted])
            guard rows.count == 1, let call = try Self.call(from: rows[0]) else {
                throw NodeError(.notFound, rows.isEmpty ? "no call matches '\(id)': see `triangulate ombudsman call list`" : "'\(id)' matches several calls: give more of its id")
            }
            guard let message = call.callbackMessage else {
                throw NodeError(.invalidInput, "the call has no callback details: they are kept only when the caller gave permission to share them")
            }
            return message
        }
    }

    private static func month(_ text: String) throws -> LocalDate {
        guard let first = try? LocalDate(parsing: text + "-01") else { throw NodeError(.invalidInput, "'\(text)' is not a month: write YYYY-MM") }
        return first
    }

    private static func calls(from first: LocalDate, in db: Database) throws -> [CallTransfer] {
        let next = first.adding(months: 1) ?? first
        return try Row.fetchAll(db, sql: #"SELECT * FROM callTransfer WHERE "on" >= ? AND "on" < ? ORDER BY "on", recordedAt"#,
                                arguments: [first, next]).compactMap(call(from:))
    }

    private static func call(from row: Row) throws -> CallTransfer? {
        guard let direction = CallTransfer.Direction(rawValue: row["direction"]), let handling = CallTransfer.Handling(rawValue: row["handling"]),
              let day = try? LocalDate(parsing: row["on"]) else { return nil }
        let callback = (row["callerName"] as String?).map { name in
            CallTransfer.Callback(name: name, contactNumber: row["contactNumber"] ?? "", serviceProvider: row["serviceProvider"] ?? "",
                                  senderReference: row["senderReference"] ?? "")
        }
        return try CallTransfer(id: row["id"], direction: direction, handling: handling, on: day, waitSeconds: row["waitSeconds"],
                                permissionAt: row["permissionAt"], callback: callback, now: .distantFuture)
    }
}
