import Foundation
import GRDB
import TriangulateModel

/// A member of the organisation's staff who can sign in to the node. Their password hash never
/// leaves the store.
public struct StaffMember: Hashable, Codable, Sendable {
    /// The name they sign in with and are recorded under.
    public let name: StaffName
    /// What they may do.
    public let role: StaffRole
    /// Whether they may no longer sign in.
    public let disabled: Bool
    /// Until when they are locked out after failed sign-ins, if they are.
    public let lockedUntil: Date?
    /// When they were added, and by whom.
    public let createdAt: Date
    public let createdBy: String
}

extension StaffMember: FetchableRecord {
    public init(row: Row) throws {
        name = try StaffName(parsing: row["name"])
        guard let role = StaffRole(rawValue: row["role"]) else {
            throw NodeError(.invalidInput, "the store holds an unknown role for a person")
        }
        self.role = role
        disabled = row["disabled"]
        lockedUntil = row["lockedUntil"]
        createdAt = row["createdAt"]
        createdBy = row["createdBy"]
    }
}

/// Someone signed in to the node's web application: who they are, and their session's form
/// token, which every form they send must carry back.
public struct SignedIn: Hashable, Sendable {
    /// Who is signed in.
    public let name: StaffName
    /// What they may do.
    public let role: StaffRole
    /// The session's CSRF token.
    public let csrfToken: String
}

/// Why a sign-in failed. Deliberately vague to the person signing in (the message never says
/// whether the name exists); precise in the code, for the node's own log and tests.
public enum SignInRefusal: Error, Equatable, Sendable {
    /// The name or the password is wrong.
    case wrongNameOrPassword
    /// Too many failures in a row: wait until the instant given.
    case lockedOut(until: Date)
    /// The person has been disabled.
    case disabled

    /// One line for the person signing in.
    public var message: String {
        switch self {
        case .wrongNameOrPassword, .disabled: "The name or password is not right"
        case .lockedOut: "Too many failed attempts: try again later, or ask an administrator to reset your password"
        }
    }
}
