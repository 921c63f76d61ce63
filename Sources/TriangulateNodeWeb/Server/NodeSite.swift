import Hummingbird
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// What every route of the node's web application shares: the store, the renderer with the
/// node's templates, the cookie rules and the organisation's name for the header.
struct NodeSite: Sendable {
    let store: NodeStore
    let renderer: PageRenderer
    let cookies: SessionCookie
    let serviceName: String

    /// The sections of the header's navigation.
    enum Section: CaseIterable {
        case worklist, cases, newCase, received, reports, people

        var link: (href: String, label: String) {
            switch self {
            case .worklist: ("/", "Worklist")
            case .cases: ("/cases", "Cases")
            case .newCase: ("/new", "New case")
            case .received: ("/received", "Shared with us")
            case .reports: ("/reports", "Reports")
            case .people: ("/people", "People")
            }
        }
    }

    init(store: NodeStore, secureCookies: Bool) throws {
        self.store = store
        renderer = try PageRenderer(templates: NodeTemplates.all)
        cookies = SessionCookie(secure: secureCookies)
        let name = try store.organisations().first { $0.code == store.organisation }?.name ?? store.organisation.rawValue
        serviceName = "Triangulate: \(name)"
    }

    /// The frame of a page for `signedIn`, with `section` marked as current.
    func frame(_ title: String, heading: String? = nil, caption: String? = nil, for signedIn: SignedIn?, section: Section? = nil,
               banner: String? = nil, notice: String? = nil, errors: [FieldError] = []) -> PageFrame {
        let sections = Section.allCases.filter { section in
            switch section {
            case .people: signedIn?.role.allows(.administer) == true
            case .newCase: signedIn?.role.allows(.record) == true
            default: true
            }
        }
        return PageFrame(
            serviceName: serviceName, title: title, heading: heading ?? title, caption: caption,
            signedInAs: signedIn?.name.rawValue, csrfToken: signedIn?.csrfToken,
            navigation: sections.map { NavigationLink(href: $0.link.href, label: $0.link.label, current: $0 == section) },
            banner: banner, notice: notice, errors: errors)
    }

    /// A page: `template` with `context` in `frame`.
    func page(_ frame: PageFrame, _ template: String, _ context: Any, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(frame, template: template, context: context, status: status)
    }
}
