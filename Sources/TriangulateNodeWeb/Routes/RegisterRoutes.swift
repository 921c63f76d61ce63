import Foundation
import Hummingbird
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// Suggestions from CQC's register for the fields that take a provider or location: POST
/// `/register/suggest` with the form's CSRF token and `q`, answered with up to ten locations as
/// JSON (`id`, the location's CQC id; `text`, its name, provider and id; `label`, what to show
/// beside it). Public reference data only; what is typed travels in the body, never in an
/// address or a log.
enum RegisterRoutes {
    /// One suggestion.
    struct Suggestion: Encodable {
        let id: String
        let text: String
        let label: String
    }

    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.post("/register/suggest") { _, context in
            _ = try context.requireSignedIn()
            let typed = (try context.requireForm()["q"] ?? "").trimmingCharacters(in: .whitespaces)
            let found = typed.count < 2 ? [] : try site.store.searchRegister(String(typed.prefix(100)), limit: 10)
            let suggestions = found.map { location in
                Suggestion(id: location.locationId.rawValue, text: "\(location.name), \(location.providerName) \(location.locationId)",
                           label: "\(location.name), \(location.postcode), \(location.providerName) (\(location.providerId))")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(suggestions))))
        }
    }
}
