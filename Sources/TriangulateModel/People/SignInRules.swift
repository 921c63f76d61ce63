import Foundation

/// The rules of signing in, in one place: how long a password must be, when repeated failures
/// lock a person out and for how long, and how long a session lasts. Pure.
public enum SignInRules {
    /// The shortest password accepted (NCSC: length over complexity).
    public static let minimumPasswordLength = 12
    /// The longest: bcrypt reads 72 bytes at most, so more would be silently ignored.
    public static let maximumPasswordBytes = 72
    /// Failures in a row before the first lockout.
    public static let failuresBeforeLockout = 5
    /// The longest lockout.
    public static let longestLockout: TimeInterval = 60 * 60
    /// A session ends this long after sign-in, whatever happens.
    public static let sessionLifetime: TimeInterval = 8 * 60 * 60
    /// A session ends after this long without a request.
    public static let idleTimeout: TimeInterval = 30 * 60

    /// Checks a new password; throws saying what is wrong with it.
    public static func check(password: String) throws(ModelError) {
        guard password.count >= minimumPasswordLength else {
            throw ModelError(.invalidValue, "a password must be at least \(minimumPasswordLength) characters")
        }
        guard password.utf8.count <= maximumPasswordBytes else {
            throw ModelError(.invalidValue, "a password must be at most \(maximumPasswordBytes) bytes")
        }
    }

    /// Until when a person is locked out after `failures` failures in a row, the last at `at`:
    /// nil below the threshold, then 1 minute, doubling with each further failure, to one hour.
    public static func lockedUntil(afterFailures failures: Int, at: Date) -> Date? {
        guard failures >= failuresBeforeLockout else { return nil }
        let doublings = min(failures - failuresBeforeLockout, 12)
        return at.addingTimeInterval(min(60 * pow(2, Double(doublings)), longestLockout))
    }

    /// Whether a session made at `createdAt` and last used at `lastSeenAt` is still good at `now`.
    public static func sessionIsLive(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now < createdAt.addingTimeInterval(sessionLifetime) && now < lastSeenAt.addingTimeInterval(idleTimeout)
    }

    /// A new password to give someone: four groups of five letters and digits that are hard to
    /// confuse (no 0/O, 1/l/I), about 99 bits.
    public static func makePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
    }
}
