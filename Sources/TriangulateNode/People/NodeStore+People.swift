import Foundation
import GRDB
import HummingbirdBcrypt
import TriangulateModel

extension NodeStore {
    /// Adds a person with `role` and `password` (checked by `SignInRules`). Refuses a name
    /// already taken, even by someone disabled: the history must never mix two people.
    public func addPerson(_ name: StaffName, role: StaffRole, password: String, by user: String) throws -> StaffMember {
        try SignInRules.check(password: password)
        let hash = Bcrypt.hash(password, cost: environment.passwordCost)
        return try perform(by: user) { command in
            if role != .admin, try Bool.fetchOne(command.db, sql: "SELECT EXISTS (SELECT 1 FROM person)") == false {
                throw NodeError(.invalidInput, "the first person must be an administrator (--role admin), who can then add the others")
            }
            guard try Row.fetchOne(command.db, sql: "SELECT 1 FROM person WHERE name = ?", arguments: [name.rawValue]) == nil else {
                throw NodeError(.invalidInput, "there is already a person named \(name): choose another name")
            }
            try command.db.execute(
                sql: "INSERT INTO person (name, role, passwordHash, createdAt, createdBy) VALUES (?, ?, ?, ?, ?)",
                arguments: [name.rawValue, role.rawValue, hash, command.at, command.user])
            try command.log(nil, "person", name.rawValue, "added", to: role.rawValue)
            return try Self.person(name, in: command.db)
        }
    }

    /// Everyone who can or could sign in, by name.
    public func people() throws -> [StaffMember] {
        try read { db in try StaffMember.fetchAll(db, sql: "SELECT * FROM person ORDER BY name") }
    }

    /// One person, or an error naming who is missing.
    public func person(_ name: StaffName) throws -> StaffMember {
        try read { db in try Self.person(name, in: db) }
    }

    /// Whether anyone has been added: until then the command line takes any `--user`.
    public func hasPeople() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person)") ?? false }
    }

    /// Stops a person signing in and ends their sessions. Refuses to disable the last
    /// administrator, who would leave nobody able to manage the node.
    public func disablePerson(_ name: StaffName, by user: String) throws -> StaffMember {
        try perform(by: user) { command in
            let person = try Self.person(name, in: command.db)
            if person.role == .admin, !person.disabled {
                let admins = try Int.fetchOne(command.db, sql: "SELECT COUNT(*) FROM person WHERE role = 'admin' AND NOT disabled") ?? 0
                guard admins > 1 else {
                    throw NodeError(.invalidInput, "\(name) is the last administrator: add another before disabling them")
                }
            }
            try command.db.execute(sql: "UPDATE person SET disabled = 1 WHERE name = ?", arguments: [name.rawValue])
            try command.db.execute(sql: "DELETE FROM webSession WHERE person = ?", arguments: [name.rawValue])
            try command.log(nil, "person", name.rawValue, "disabled")
            return try Self.person(name, in: command.db)
        }
    }

    /// Gives a person a new password, enables them, clears their lockout and ends their sessions.
    public func resetPassword(of name: StaffName, to password: String, by user: String) throws -> StaffMember {
        try SignInRules.check(password: password)
        let hash = Bcrypt.hash(password, cost: environment.passwordCost)
        return try perform(by: user) { command in
            _ = try Self.person(name, in: command.db)
            try command.db.execute(
                sql: "UPDATE person SET passwordHash = ?, disabled = 0, failedSignIns = 0, lockedUntil = NULL WHERE name = ?",
                arguments: [hash, name.rawValue])
            try command.db.execute(sql: "DELETE FROM webSession WHERE person = ?", arguments: [name.rawValue])
            try command.log(nil, "person", name.rawValue, "password reset")
            return try Self.person(name, in: command.db)
        }
    }

    /// Checks that `name` may act on the command line with `permission`: once the node has people,
    /// the command line acts only as one of them, active, whose role allows it.
    public func requireActing(as name: String, for permission: StaffPermission) throws {
        guard try hasPeople() else { return }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw NodeError(.notPermitted, "say who you are: pass --user NAME or set TRIANGULATE_USER (see `triangulate user list`)")
        }
        let staffName = try StaffName(parsing: name)
        let person = try read { db in try StaffMember.fetchOne(db, sql: "SELECT * FROM person WHERE name = ?", arguments: [staffName.rawValue]) }
        guard let person, !person.disabled else {
            throw NodeError(.notPermitted, "\(staffName) is not an active person on this node: pass --user with your own name (see `triangulate user list`)")
        }
        guard person.role.allows(permission) else {
            throw NodeError(.notPermitted, "\(staffName) is a \(person.role.rawValue), who may not do this")
        }
    }

    static func person(_ name: StaffName, in db: Database) throws -> StaffMember {
        guard let person = try StaffMember.fetchOne(db, sql: "SELECT * FROM person WHERE name = ?", arguments: [name.rawValue]) else {
            throw NodeError(.notFound, "there is no person named \(name): see `triangulate user list`")
        }
        return person
    }
}
