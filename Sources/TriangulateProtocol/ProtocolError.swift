/// An error in the wire protocol: a malformed body, a bad signature, a refused change. The
/// message says what was wrong and, where it can, what to do.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong. Compare errors by code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// Bytes or JSON that do not parse.
        public static let malformed = Code("malformed")
        /// A signature that does not verify, or a request that is not signed.
        public static let badSignature = Code("badSignature")
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
}
