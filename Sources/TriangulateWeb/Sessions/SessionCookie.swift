import Hummingbird

/// The cookies of a signed-in session and of the sign-in form: HttpOnly, SameSite=Strict, path
/// `/`, and Secure (with the `__Host-` prefix) whenever the server speaks TLS. Plain HTTP is
/// allowed on loopback only, where browsers would drop a Secure cookie.
public struct SessionCookie: Sendable {
    /// Whether the cookies are Secure.
    public let secure: Bool

    /// Makes the cookie rules for a server with or without TLS.
    public init(secure: Bool) {
        self.secure = secure
    }

    /// The session cookie's name.
    public var sessionName: String { secure ? "__Host-triangulate-session" : "triangulate-session" }
    /// The sign-in form's own token cookie (before any session exists).
    public var formName: String { secure ? "__Host-triangulate-form" : "triangulate-form" }

    /// A cookie holding `value` under `name`, ending with the browser session.
    public func cookie(_ name: String, _ value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that removes `name` from the browser.
    public func removal(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
