import TriangulateModel
import TriangulateProtocol

/// An error from the hub. Its code fixes the HTTP status; its message is one line for the node's
/// user or the operator saying what was wrong and what to do.
public struct HubError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. Compare errors by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        /// The HTTP status this error answers with.
        public let status: Int
        private init(_ name: String, _ status: Int) {
            self.name = name
            self.status = status
        }
        /// The request is malformed.
        public static let invalidRequest = Code("invalidRequest", 400)
        /// Unsigned, stale, replayed or forged; or the key is unknown or its organisation suspended.
        public static let unauthorised = Code("unauthorised", 401)
        /// The caller may not do this.
        public static let forbidden = Code("forbidden", 403)
        /// No such thing.
        public static let notFound = Code("notFound", 404)
        /// It exists already.
        public static let conflict = Code("conflict", 409)
        /// The body did not arrive in time.
        public static let requestTimeout = Code("requestTimeout", 408)
        /// The body is larger than the hub reads.
        public static let payloadTooLarge = Code("payloadTooLarge", 413)
        /// Too many requests, or a push that is a flood of refused items.
        public static let tooManyRequests = Code("tooManyRequests", 429)
        /// The hub's store failed.
        public static let storeFailure = Code("storeFailure", 500)
        public var description: String { name }
    }

    /// What went wrong.
    public let code: Code
    /// One line for people.
    public let message: String
    /// Why a push item was refused, for the node to act on.
    public let refusal: RefusalCode

    /// Makes an error.
    public init(_ code: Code, _ message: String) {
        self.init(code, code == .forbidden ? .notOwner : code == .notFound ? .noSuchShareYet : code == .conflict ? .shareConflict : .malformed, message)
    }

    /// Makes the error that refuses a push item for `refusal`.
    public init(_ code: Code, _ refusal: RefusalCode, _ message: String) {
        self.code = code
        self.refusal = refusal
        self.message = message
    }

    public var description: String { message }
}

extension HubError {
    /// An enrolment of a key id the hub holds already, for this organisation or another: the
    /// same words from every store.
    public static func keyEnrolledBefore(_ keyID: String, sameOrganisation: Bool) -> HubError {
        HubError(.conflict, sameOrganisation
            ? "key \(keyID) was enrolled before: enrol a new key (`triangulate enrol` makes one on a node enrolled before)"
            : "key \(keyID) is another organisation's: a node enrols only its own key")
    }

    /// A share of a document first declared on this hub as another organisation's, or as
    /// another type.
    public static func documentOwnedElsewhere(_ id: String) -> HubError {
        HubError(.forbidden, .notOwner, "document \(id) was first declared on this hub as another organisation's or another type: only its owner shares it")
    }
}
