import HTTPTypes
import Hummingbird

/// The site's static files: its stylesheet, under a name that changes with its text, cached
/// for a year.
public enum AssetRoutes {
    /// Adds `GET /assets/app-….css` to `router`.
    public static func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("/assets/\(Stylesheet.fileName)") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=31536000, immutable"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Stylesheet.text)))
        }
    }
}
