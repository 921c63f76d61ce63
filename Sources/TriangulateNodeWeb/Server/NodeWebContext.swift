import Hummingbird
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// What a request to the node's web application carries besides itself: who is signed in (from
/// their session cookie), and the form it sent once its CSRF token has been checked.
public struct NodeWebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is signed in, if anyone.
    public var signedIn: SignedIn?
    /// The session's token, to end it on sign-out.
    public var sessionToken: String?
    /// The form sent with a POST, after its token was checked.
    public var form: FormFields?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Form bodies are small; nothing larger is read.
    public var maxUploadSize: Int { FormFields.maximumBytes }

    /// Who is signed in, or a redirect to sign-in (for a route that needs someone).
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw PageError.signInNeeded }
        return signedIn
    }

    /// Who is signed in, if their role allows `permission`; otherwise a 403 page.
    func require(_ permission: StaffPermission) throws -> SignedIn {
        let signedIn = try requireSignedIn()
        guard signedIn.role.allows(permission) else { throw PageError.forbidden }
        return signedIn
    }

    /// The checked form of a POST.
    func requireForm() throws -> FormFields {
        guard let form else { throw PageError.forbidden }
        return form
    }
}
