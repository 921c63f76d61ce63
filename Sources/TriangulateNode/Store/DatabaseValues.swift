import Foundation
import GRDB
import TriangulateModel

// The model's small value types are stored as plain text columns, not JSON.

extension Identifier: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).flatMap(Self.init)
    }
}

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap { try? LocalDate(parsing: $0) }
    }
}

extension OrganisationCode: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> OrganisationCode? {
        String.fromDatabaseValue(dbValue).flatMap { try? OrganisationCode(parsing: $0) }
    }
}
