import Foundation
import GRDB

/// The full-text index of cases (migration `v11-case-search`): one row per case with its
/// reference, title and the identifiers of what it is about, kept by each process's triggers in
/// the same transaction as the write. Tokens keep their hyphens, so `1-134558905` and
/// `ECP-2026-0001` are single tokens; letters keep their accents, as `CaseQuery` compares them.
enum CaseSearchSchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE caseSearch USING fts5(
                caseId UNINDEXED, reference, title, identifiers,
                tokenize = "unicode61 remove_diacritics 0 tokenchars '-'")
            """)
    }

    /// Indexes `table`'s rows (its `id`, `reference` and `title` columns) now and on every
    /// insert, update and delete; `identifiers` is an SQL expression over the row `NEW` giving
    /// the identifiers of what the case is about, separated by spaces, read from column `source`.
    static func index(_ table: String, source: String, identifiers: String, in db: Database) throws {
        let insert = "INSERT INTO caseSearch (caseId, reference, title, identifiers) VALUES (NEW.id, NEW.reference, NEW.title, \(identifiers));"
        try db.execute(sql: """
            CREATE TRIGGER \(table)_search_insert AFTER INSERT ON "\(table)" BEGIN \(insert) END;
            CREATE TRIGGER \(table)_search_update AFTER UPDATE OF reference, title, \(source) ON "\(table)" BEGIN
                DELETE FROM caseSearch WHERE caseId = OLD.id; \(insert) END;
            CREATE TRIGGER \(table)_search_delete AFTER DELETE ON "\(table)" BEGIN DELETE FROM caseSearch WHERE caseId = OLD.id; END;
            """)
        try db.execute(sql: """
            INSERT INTO caseSearch (caseId, reference, title, identifiers)
            SELECT id, reference, title, \(identifiers.replacingOccurrences(of: "NEW.", with: "\"\(table)\".")) FROM "\(table)"
            """)
    }
}
