import HTTPTypes
import Hummingbird
import Mustache

/// Renders pages: an application's own templates inside the shared layout. Values are
/// HTML-escaped by the templates (`{{…}}`); only HTML this renderer made itself is ever
/// inserted unescaped.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    /// Compiles the layout and `templates` (name → Mustache text); throws on a template that
    /// does not parse, so that a broken page stops the server at start, not in front of a user.
    public init(templates: [String: String]) throws {
        var library = MustacheLibrary()
        try library.register(LayoutTemplate.text, named: LayoutTemplate.name)
        try library.register(SignInTemplate.text, named: SignInTemplate.name)
        try library.register(DateField.text, named: DateField.template)
        for (name, text) in templates {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// The HTML of `template` rendered with `context`.
    public func fragment(_ template: String, _ context: Any) -> String {
        guard let html = library.render(context, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        return html
    }

    /// A whole page: `template` rendered with `context`, inside the layout with `frame`.
    public func page(_ frame: PageFrame, template: String, context: Any, status: HTTPResponse.Status = .ok) -> Response {
        let content = fragment(template, context)
        let html = fragment(LayoutTemplate.name, LayoutContext(frame: frame, content: content, hasErrors: !frame.errors.isEmpty))
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What the layout template reads (stored properties only: templates see them by reflection).
private struct LayoutContext {
    let frame: PageFrame
    let content: String
    let hasErrors: Bool
    let stylesheet = Stylesheet.fileName
}
