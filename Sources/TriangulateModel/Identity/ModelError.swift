/// An error from the domain rules: a value that is not valid, or a step that is not allowed
/// now. The message says what was wrong and what to do instead.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule was broken. Compare errors by code, not by message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// A value that does not parse or is out of range.
        public static let invalidValue = Code("invalidValue")
        /// A state change that the protocol's state machine does not allow from the current state.
        public static let invalidTransition = Code("invalidTransition")
        /// A step's date that cannot be right: in the future, or before what it follows.
        public static let invalidDate = Code("invalidDate")
        /// A step that needs something recorded first.
        public static let missingPrerequisite = Code("missingPrerequisite")
        public var description: String { name }
    }

    /// The kind of rule that was broken.
    public let code: Code
    /// One line for the user: what was wrong and what to do.
    public let message: String

    /// Makes an error with its code and message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: ModelError, rhs: ModelError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
