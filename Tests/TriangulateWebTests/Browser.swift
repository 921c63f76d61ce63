import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser in miniature over HummingbirdTesting's client: it keeps cookies as a browser
/// would (set, replaced, removed by `Max-Age=0`), sends forms, and reads pages' hidden tokens.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// The page at `uri`.
    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, .get, body: nil)
    }

    /// Sends `fields` as a form to `uri`, with the CSRF token of the page last seen unless one is given.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, .post, body: body)
    }

    /// The value of the first hidden `csrf` field in `page`.
    static func csrf(in page: TestResponse) -> String {
        let html = String(buffer: page.body)
        guard let range = html.range(of: #"name="csrf" value=""#) else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private func send(_ uri: String, _ method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if field.value.contains("Max-Age=0") || parts[1].isEmpty {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        return response
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
