import Hummingbird
import TriangulateWeb

/// What a request to the hub's console carries: the operator signed in, and the form it sent
/// once its token was checked.
public struct ConsoleContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The operator signed in, if any, and their session's token.
    public var session: ConsoleSessions.Session?
    public var sessionToken: String?
    /// The form sent with a POST, after its token was checked.
    public var form: FormFields?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { FormFields.maximumBytes }
}

/// Why a console page cannot be shown.
enum ConsolePageError: Error {
    case signInNeeded, forbidden, notFound
}
