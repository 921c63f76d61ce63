import Foundation
import GRDB
import GRDBSQLite
import TriangulateModel
import TriangulateSync

/// The sync ledger's reads and writes of `syncDocument` rows, the statements every tracked
/// write and every applied change runs, made through SQLite's C interface on GRDB's cached
/// statements (GRDB's "Raw SQLite Pointers"): binding and reading a row that way costs a
/// fraction of what building GRDB's arguments and rows does, which was a third of a tracked
/// write's overhead. Each call leaves its statement reset, as GRDB expects to find it.
struct DocumentRows {
    let db: Database

    /// A stored row: the document's header and its encoded state.
    struct Row {
        var header: DocumentHeader
        var state: [UInt8]
    }

    /// The row of document `id`, or nil when there is none (or its type is not a type name).
    func row(_ id: String) throws -> Row? {
        let statement = try db.cachedStatement(sql: "SELECT type, owner, state FROM syncDocument WHERE id = ?")
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        try bind(id, at: 1, of: raw)
        switch sqlite3_step(raw) {
        case SQLITE_ROW:
            guard let type = DocumentType(rawValue: text(raw, 0)) else { return nil }
            return Row(header: DocumentHeader(id: id, type: type, owner: text(raw, 1)), state: blob(raw, 2))
        case SQLITE_DONE:
            return nil
        case let code:
            throw error(code, statement)
        }
    }

    /// Inserts a new document's row.
    func insert(_ header: DocumentHeader, state: [UInt8]) throws {
        try execute("INSERT INTO syncDocument (id, type, owner, state) VALUES (?, ?, ?, ?)",
                    .text(header.id), .text(header.type.rawValue), .text(header.owner), .blob(state))
    }

    /// Replaces a stored document's state.
    func update(_ id: String, state: [UInt8]) throws {
        try execute("UPDATE syncDocument SET state = ? WHERE id = ?", .blob(state), .text(id))
    }

    private enum Value {
        case text(String)
        case blob([UInt8])
    }

    /// Runs a statement that returns no row, with `values` bound in order.
    private func execute(_ sql: String, _ values: Value...) throws {
        let statement = try db.cachedStatement(sql: sql)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        for (index, value) in zip(Int32(1)..., values) {
            switch value {
            case .text(let text): try bind(text, at: index, of: raw)
            case .blob(let bytes): try bind(bytes, at: index, of: raw)
            }
        }
        try done(sqlite3_step(raw), statement)
    }

    private func blob(_ raw: SQLiteStatement, _ column: Int32) -> [UInt8] {
        let length = Int(sqlite3_column_bytes(raw, column))
        return length == 0 ? [] : [UInt8](UnsafeRawBufferPointer(start: sqlite3_column_blob(raw, column), count: length))
    }

    private func bind(_ value: String, at index: Int32, of raw: SQLiteStatement) throws {
        let code = value.withCString { sqlite3_bind_text(raw, index, $0, Int32(value.utf8.count), Self.transient) }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message()) }
    }

    private func bind(_ value: [UInt8], at index: Int32, of raw: SQLiteStatement) throws {
        // A zero-length blob is bound as one, not as NULL: the column is NOT NULL.
        let code = value.withUnsafeBytes { bytes in
            bytes.isEmpty ? sqlite3_bind_zeroblob(raw, index, 0) : sqlite3_bind_blob(raw, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message()) }
    }

    private func text(_ raw: SQLiteStatement, _ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(raw, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column))), as: UTF8.self)
    }

    private func done(_ code: Int32, _ statement: Statement) throws {
        guard code == SQLITE_DONE else { throw error(code, statement) }
    }

    private func error(_ code: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: message(), sql: statement.sql)
    }

    private func message() -> String? {
        sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
    }

    /// SQLite's SQLITE_TRANSIENT: it copies what is bound before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
