/// An error from the node: a store that cannot be used, or a record that cannot be found.
/// The message says what was wrong and what to do.
public struct NodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. Compare errors by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// There is no store file at the path.
        public static let storeMissing = Code("storeMissing")
        /// The file is not a Triangulate node store.
        public static let storeForeign = Code("storeForeign")
        /// `init` was asked to create a store where a file already exists.
        public static let storeExists = Code("storeExists")
        /// The store was written by a newer version of Triangulate.
        public static let storeTooNew = Code("storeTooNew")
        /// No record matches the reference given.
        public static let notFound = Code("notFound")
        /// Several records match the reference given.
        public static let ambiguous = Code("ambiguous")
        /// The organisation is not known to this node.
        public static let unknownOrganisation = Code("unknownOrganisation")
        /// A value given to the node is not acceptable.
        public static let invalidInput = Code("invalidInput")
        /// Changes from another replica were refused: malformed, or stamped too far ahead.
        public static let syncRefused = Code("syncRefused")
        /// The hub could not be reached.
        public static let hubUnreachable = Code("hubUnreachable")
        /// The hub's TLS certificate is not one this node trusts.
        public static let hubUntrusted = Code("hubUntrusted")
        /// The hub answered with an error.
        public static let hubRefused = Code("hubRefused")
        /// The hub's audit log is not consistent with what this node accepted before.
        public static let auditAlarm = Code("auditAlarm")
        /// The node is not enrolled with a hub.
        public static let notEnrolled = Code("notEnrolled")
        /// The person acting may not do this, or is not a person of this node.
        public static let notPermitted = Code("notPermitted")
        public var description: String { name }
    }

    /// What went wrong.
    public let code: Code
    /// One line for the user: what was wrong and what to do.
    public let message: String

    /// Makes an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: NodeError, rhs: NodeError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
