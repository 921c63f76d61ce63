/// An error from the sync core. The message says what was wrong and what to do.
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. Compare errors by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// A remote change is stamped further in the future than the clock allows.
        public static let clockTooFarAhead = Code("clockTooFarAhead")
        /// A change names a field its document's schema lacks, or an operation the field's CRDT lacks.
        public static let schemaViolation = Code("schemaViolation")
        /// Bytes that are not a well-formed change set.
        public static let malformedEncoding = Code("malformedEncoding")
        public var description: String { name }
    }

    /// What went wrong.
    public let code: Code
    /// One line for people.
    public let message: String

    /// Makes an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: SyncError, rhs: SyncError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
