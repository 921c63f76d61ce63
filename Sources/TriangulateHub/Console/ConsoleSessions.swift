import Foundation
import TriangulateModel
import TriangulateProtocol
import TriangulateWeb

/// The console's sessions and sign-in failures, in this process's memory: restarting the hub
/// signs everyone out. Tokens are kept only as their SHA-256; the rules are the node's
/// (`SignInRules`): lockout after repeated failures, sessions ending when idle or old.
public actor ConsoleSessions {
    /// A signed-in operator: their name and their session's form token.
    public struct Session: Sendable {
        public let name: String
        public let csrfToken: String
        let createdAt: Date
        var lastSeenAt: Date
    }

    private var sessions: [String: Session] = [:]
    private var failures: [String: (count: Int, lockedUntil: Date?)] = [:]
    private let now: @Sendable () -> Date

    /// Makes an empty set of sessions on `now`'s clock.
    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Whether `name` is locked out now.
    func lockedUntil(_ name: String) -> Date? {
        failures[name]?.lockedUntil.flatMap { $0 > now() ? $0 : nil }
    }

    /// Counts a failed sign-in of `name`.
    func failed(_ name: String) {
        let count = (failures[name]?.count ?? 0) + 1
        failures[name] = (count, SignInRules.lockedUntil(afterFailures: count, at: now()))
    }

    /// Opens a session for `name`; returns its token.
    func open(for name: String) -> (token: String, session: Session) {
        failures[name] = nil
        let token = FormToken.make()
        let at = now()
        let session = Session(name: name, csrfToken: FormToken.make(), createdAt: at, lastSeenAt: at)
        sessions = sessions.filter { SignInRules.sessionIsLive(createdAt: $0.value.createdAt, lastSeenAt: $0.value.lastSeenAt, now: at) }
        sessions[Self.hash(token)] = session
        return (token, session)
    }

    /// The live session of `token`, marked as seen now.
    func session(_ token: String) -> Session? {
        let key = Self.hash(token)
        guard var session = sessions[key] else { return nil }
        let at = now()
        guard SignInRules.sessionIsLive(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: at) else {
            sessions[key] = nil
            return nil
        }
        session.lastSeenAt = at
        sessions[key] = session
        return session
    }

    /// Ends `token`'s session.
    func close(_ token: String) {
        sessions[Self.hash(token)] = nil
    }

    private static func hash(_ token: String) -> String { sha256Hex(Data(token.utf8)) }
}
