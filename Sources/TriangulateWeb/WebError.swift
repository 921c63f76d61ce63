/// An error from the web layer's setup: a listening address or TLS file that cannot be used.
/// The message says what was wrong and what to do.
public struct WebError: Error, Sendable, CustomStringConvertible {
    /// One line for the operator.
    public let message: String

    /// Makes an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
