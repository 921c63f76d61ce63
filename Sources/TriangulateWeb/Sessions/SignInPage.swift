import HTTPTypes
import Hummingbird

/// The sign-in page of the node's application and the hub's console: the shared form
/// (`SignInTemplate`) with a fresh token in its hidden field and in the form's own cookie, as
/// checked before any session exists.
public enum SignInPage {
    /// What the sign-in template reads (stored properties only: templates see them by reflection).
    struct Form {
        let action: String
        let help: String
        let csrf: String
        let name: String
        let nameError: String?
        let passwordError: String?
    }

    /// The page in `frame`, posting to `action`, with `name` as typed and `errors` beside their fields.
    public static func response(renderer: PageRenderer, frame: PageFrame, cookies: SessionCookie, action: String, help: String,
                                name: String, errors: [FieldError], status: HTTPResponse.Status = .ok) -> Response {
        let token = FormToken.make()
        var response = renderer.page(frame, template: SignInTemplate.name, context: Form(
            action: action, help: help, csrf: token, name: name,
            nameError: errors.first { $0.field == "name" }?.message,
            passwordError: errors.first { $0.field == "password" }?.message), status: status)
        response.setCookie(cookies.cookie(cookies.formName, token))
        return response
    }
}
