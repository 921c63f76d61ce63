import HTTPTypes
import Hummingbird

/// The site's static files: its stylesheet and its one script, each under a name that changes
/// with its text, cached for a year.
public enum AssetRoutes {
    /// Adds `GET /assets/app-….css` and `GET /assets/suggest-….js` to `router`.
    public static func add<Context: RequestContext>(to router: Router<Context>) {
        for (name, type, text) in [(Stylesheet.fileName, "text/css; charset=utf-8", Stylesheet.text),
                                   (Script.fileName, "text/javascript; charset=utf-8", Script.text)] {
            router.get("/assets/\(name)") { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = type
                headers[.cacheControl] = "public, max-age=31536000, immutable"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }
    }
}
