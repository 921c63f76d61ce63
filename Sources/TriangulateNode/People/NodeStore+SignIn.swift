import Crypto
import Foundation
import GRDB
import HummingbirdBcrypt
import TriangulateModel

extension NodeStore {
    /// A hash no password matches, checked when the name is unknown so that a wrong name takes
    /// as long to refuse as a wrong password.
    private static let decoyHash = Bcrypt.hash("decoy password that is never anyone's", cost: NodeEnvironment.live.passwordCost)

    /// Signs a person in: checks the password (slowly, by design) and the lockout, and opens a
    /// session. Returns the session's token, to be kept only in the person's cookie, and who
    /// signed in. Failures in a row lock the person out (`SignInRules.lockedUntil`).
    public func signIn(_ name: String, password: String) throws -> (token: String, signedIn: SignedIn) {
        let now = environment.now()
        let staffName = try? StaffName(parsing: name)
        let stored = try staffName.flatMap { staffName in
            try read { db in
                try Row.fetchOne(db, sql: "SELECT role, passwordHash, disabled, failedSignIns, lockedUntil FROM person WHERE name = ?",
                                 arguments: [staffName.rawValue])
            }
        }
        guard let staffName, let stored else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            throw SignInRefusal.wrongNameOrPassword
        }
        if let lockedUntil = stored["lockedUntil"] as Date?, lockedUntil > now {
            throw SignInRefusal.lockedOut(until: lockedUntil)
        }
        let matches = password.utf8.count <= SignInRules.maximumPasswordBytes && Bcrypt.verify(password, hash: stored["passwordHash"])
        guard matches else {
            try database.write { db in
                let failures = (try Int.fetchOne(db, sql: "SELECT failedSignIns FROM person WHERE name = ?", arguments: [staffName.rawValue]) ?? 0) + 1
                try db.execute(sql: "UPDATE person SET failedSignIns = ?, lockedUntil = ? WHERE name = ?",
                               arguments: [failures, SignInRules.lockedUntil(afterFailures: failures, at: now), staffName.rawValue])
            }
            throw SignInRefusal.wrongNameOrPassword
        }
        guard stored["disabled"] == false, let role = StaffRole(rawValue: stored["role"]) else {
            throw SignInRefusal.disabled
        }
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        try database.write { db in
            try db.execute(sql: "UPDATE person SET failedSignIns = 0, lockedUntil = NULL WHERE name = ?", arguments: [staffName.rawValue])
            // Sessions that have ended are removed whenever anyone signs in.
            try db.execute(sql: "DELETE FROM webSession WHERE createdAt < ? OR lastSeenAt < ?",
                           arguments: [now.addingTimeInterval(-SignInRules.sessionLifetime), now.addingTimeInterval(-SignInRules.idleTimeout)])
            try db.execute(sql: "INSERT INTO webSession (tokenHash, person, csrfToken, createdAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Self.tokenHash(token), staffName.rawValue, csrf, now, now])
        }
        return (token, SignedIn(name: staffName, role: role, csrfToken: csrf))
    }

    /// Who a session token belongs to, if the session is live and the person still active; a
    /// session used after more than a minute is marked as seen now.
    public func session(_ token: String) throws -> SignedIn? {
        let now = environment.now()
        let hash = Self.tokenHash(token)
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.person, s.csrfToken, s.createdAt, s.lastSeenAt, p.role
                FROM webSession s JOIN person p ON p.name = s.person
                WHERE s.tokenHash = ? AND NOT p.disabled
                """, arguments: [hash])
        }
        guard let row, let role = StaffRole(rawValue: row["role"]), let name = try? StaffName(parsing: row["person"]) else { return nil }
        let lastSeenAt: Date = row["lastSeenAt"]
        guard SignInRules.sessionIsLive(createdAt: row["createdAt"], lastSeenAt: lastSeenAt, now: now) else {
            try database.write { db in try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [hash]) }
            return nil
        }
        if now.timeIntervalSince(lastSeenAt) > 60 {
            try database.write { db in
                try db.execute(sql: "UPDATE webSession SET lastSeenAt = ? WHERE tokenHash = ?", arguments: [now, hash])
            }
        }
        return SignedIn(name: name, role: role, csrfToken: row["csrfToken"])
    }

    /// Ends a session.
    public func signOut(_ token: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [Self.tokenHash(token)])
        }
    }

    /// 32 random bytes as base64url: a session or form token.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
