/// What every page shows around its content: the service's name, who is signed in, the
/// navigation, any banner, error summary or notice, and the heading. Holds no personal data in
/// `title`: a page title ends up in browser history and bookmarks.
public struct PageFrame: Sendable {
    /// The service's name in the header, e.g. "Triangulate: Care Quality Commission".
    public var serviceName: String
    /// The page's title in the browser's tab: never personal data.
    public var title: String
    /// The page's main heading.
    public var heading: String
    /// A caption above the heading, e.g. a case's reference.
    public var caption: String?
    /// Who is signed in, and their session's form token for the sign-out form.
    public var signedInAs: String?
    public var csrfToken: String?
    /// The links in the header.
    public var navigation: [NavigationLink]
    /// A warning shown on every page of what it concerns, e.g. a safeguarding banner.
    public var banner: String?
    /// A confirmation of what was just done.
    public var notice: String?
    /// What was wrong with the form just sent, each linking to its field.
    public var errors: [FieldError]

    /// Makes a frame.
    public init(serviceName: String, title: String, heading: String, caption: String? = nil, signedInAs: String? = nil,
                csrfToken: String? = nil, navigation: [NavigationLink] = [], banner: String? = nil, notice: String? = nil,
                errors: [FieldError] = []) {
        self.serviceName = serviceName
        self.title = title
        self.heading = heading
        self.caption = caption
        self.signedInAs = signedInAs
        self.csrfToken = csrfToken
        self.navigation = navigation
        self.banner = banner
        self.notice = notice
        self.errors = errors
    }
}

/// A link in the header's navigation.
public struct NavigationLink: Sendable {
    /// Where it goes.
    public let href: String
    /// Its words.
    public let label: String
    /// Whether it is the current section (`aria-current`).
    public var current: Bool

    /// Makes a link.
    public init(href: String, label: String, current: Bool = false) {
        self.href = href
        self.label = label
        self.current = current
    }
}

/// What is wrong with one field of a form: shown in the error summary, linking to the field,
/// and beside the field itself.
public struct FieldError: Sendable, Equatable {
    /// The field's `id`.
    public let field: String
    /// What is wrong, and how to put it right.
    public let message: String

    /// Makes an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
