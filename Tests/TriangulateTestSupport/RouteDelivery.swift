import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TriangulateNode

extension TestClientProtocol {
    /// Puts a node's request, its bytes as they go on the wire, through the hub's real routes in
    /// this process, and returns the answer's bytes: how the whole-system simulator and the
    /// node's tests carry a node's requests without a socket.
    public func deliver(_ request: HubTransportRequest) async throws -> HubTransportAnswer {
        var headers = HTTPFields()
        for (name, value) in request.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let response = try await execute(uri: request.target, method: HTTPRequest.Method(request.method) ?? .get, headers: headers,
                                          body: request.method == "GET" ? nil : ByteBuffer(bytes: request.body))
        return HubTransportAnswer(status: UInt(response.status.code), body: Data(response.body.readableBytesView))
    }
}
