import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// Where and how a Triangulate server listens, with the rule both the hub and a node's web
/// application follow: TLS from a PEM certificate chain and key, or plain HTTP on loopback only.
public struct ListenSettings: Sendable {
    /// Where to listen.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The PEM certificate chain and key for TLS.
    public var certificatePath: String?
    public var keyPath: String?

    /// Makes the settings.
    public init(host: String, port: Int, certificatePath: String? = nil, keyPath: String? = nil) {
        self.host = host
        self.port = port
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// Whether `host` is a loopback address.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Whether the server will speak TLS.
    public var usesTLS: Bool { certificatePath != nil && keyPath != nil }

    /// The TLS configuration, or nil for plain HTTP; refuses plain HTTP off loopback and
    /// unreadable certificate or key files, before anything else is done.
    public func tlsConfiguration() throws(WebError) -> TLSConfiguration? {
        switch (certificatePath, keyPath) {
        case let (certificate?, key?):
            let chain: [NIOSSLCertificate]
            do {
                chain = try NIOSSLCertificate.fromPEMFile(certificate)
            } catch {
                throw WebError("cannot read a PEM certificate chain from \(certificate): \(error)")
            }
            let privateKey: NIOSSLPrivateKey
            do {
                privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            } catch {
                throw WebError("cannot read a PEM private key from \(key): \(error)")
            }
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        case (nil, nil):
            guard Self.isLoopback(host) else {
                throw WebError("plain HTTP is allowed on loopback only: give --tls-certificate and --tls-key to listen on \(host)")
            }
            return nil
        default:
            throw WebError("give both --tls-certificate and --tls-key, or neither")
        }
    }

    /// The HTTP/1.1 server, over TLS when configured, and its URL scheme. A connection that
    /// sends no complete request head for 30 s is closed; headers are kept small.
    public func serverBuilder() throws -> (server: HTTPServerBuilder, scheme: String) {
        let http1 = HTTPServerBuilder.http1(configuration: .init(
            idleTimeout: .seconds(30),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 << 10, maxHeaderListSize: 32 << 10, maxHeaderFieldCount: 64)))
        if let tls = try tlsConfiguration() {
            return (try .tls(http1, tlsConfiguration: tls), "https")
        }
        return (http1, "http")
    }

    /// The URL a client reaches the server at, once it listens on `port`.
    public func url(port: Int) -> String {
        "\(usesTLS ? "https" : "http")://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}
