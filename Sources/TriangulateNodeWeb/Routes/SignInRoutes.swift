import Hummingbird
import Logging
import NIOPosix
import TriangulateNode
import TriangulateWeb

/// Signing in and out.
enum SignInRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/sign-in") { _, context in
            if context.signedIn != nil { return Response.redirect(to: "/") }
            return signInPage(site: site, name: "", errors: [])
        }

        router.post("/sign-in") { _, context in
            let form = try context.requireForm()
            let name = form["name"] ?? ""
            let password = form.raw("password") ?? ""
            var errors: [FieldError] = []
            if name.isEmpty { errors.append(FieldError(field: "name", message: "Enter your name")) }
            if password.isEmpty { errors.append(FieldError(field: "password", message: "Enter your password")) }
            guard errors.isEmpty else { return signInPage(site: site, name: name, errors: errors) }
            // bcrypt is slow by design: it runs on a thread of its own, not on the server's.
            let store = site.store
            do {
                let (token, _) = try await NIOThreadPool.singleton.runIfActive { try store.signIn(name, password: password) }
                var response = Response.redirect(to: "/")
                response.setCookie(site.cookies.cookie(site.cookies.sessionName, token))
                response.setCookie(site.cookies.removal(site.cookies.formName))
                return response
            } catch let refusal as SignInRefusal {
                context.logger.notice("sign-in refused", metadata: ["reason": "\(refusal)"])
                return signInPage(site: site, name: name, errors: [FieldError(field: "name", message: refusal.message)], status: .unauthorized)
            }
        }

        router.post("/sign-out") { _, context in
            if let token = context.sessionToken { try site.store.signOut(token) }
            var response = Response.redirect(to: "/sign-in")
            response.setCookie(site.cookies.removal(site.cookies.sessionName))
            return response
        }
    }

    /// The sign-in page, with a fresh form token in its cookie and hidden field.
    private static func signInPage(site: NodeSite, name: String, errors: [FieldError], status: HTTPResponse.Status = .ok) -> Response {
        SignInPage.response(renderer: site.renderer, frame: site.frame("Sign in", for: nil, errors: errors), cookies: site.cookies,
                            action: "/sign-in", help: "If you have forgotten your password, ask your node's administrator to reset it.",
                            name: name, errors: errors, status: status)
    }
}
