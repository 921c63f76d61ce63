/// Why a page cannot be shown: each becomes a page of its own (or a redirect to sign in),
/// never a bare status.
enum PageError: Error, Equatable {
    /// Nobody is signed in: go to the sign-in page.
    case signInNeeded
    /// The person signed in may not do this, or the form's token did not match.
    case forbidden
    /// There is no such page or record.
    case notFound
    /// The form was too large to read.
    case tooLarge
}
