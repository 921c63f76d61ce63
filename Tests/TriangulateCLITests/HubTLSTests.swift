import Foundation
import Testing

/// A hub serving TLS with a certificate from a private CA, as a regulator's own PKI would issue:
/// a node trusts it only when enrolled with that CA (`enrol --hub-ca`), keeps trusting it for
/// every later sync, and says in one line what to do when it does not.
@Suite("A hub behind a private CA")
struct HubTLSTests {
    @Test func aNodeTrustsTheHubOnlyThroughTheCAItWasGiven() throws {
        let pki = try FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: pki, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: pki) }
        try PrivateCA.issue(in: pki)

        let exchange = try Exchange(serveArguments: ["--tls-certificate", pki.appendingPathComponent("hub.crt").path,
                                                     "--tls-key", pki.appendingPathComponent("hub.key").path])
        #expect(exchange.url.hasPrefix("https://127.0.0.1:"))
        let token = try exchange.operator_("org", "add", "CQC", "--name", "CQC (test)").object["token"] as? String ?? ""
        try exchange.ok("CQC", "init", "--org", "CQC")

        let untrusted = try exchange.node("CQC", "enrol", "--hub", exchange.url, "--token", token)
        #expect(untrusted.status == 1 && untrusted.stderr.contains("does not trust") && untrusted.stderr.contains("--hub-ca"), "\(untrusted.stderr)")

        let notPEM = pki.appendingPathComponent("not-a-ca.pem")
        try Data("hello".utf8).write(to: notPEM)
        let bad = try exchange.node("CQC", "enrol", "--hub", exchange.url, "--token", token, "--hub-ca", notPEM.path)
        #expect(bad.status == 1 && bad.stderr.contains("holds no PEM certificate"), "\(bad.stderr)")

        // The failed attempts used nothing up: the token still enrols, and the CA is kept.
        try exchange.ok("CQC", "enrol", "--hub", exchange.url, "--token", token, "--hub-ca", pki.appendingPathComponent("ca.crt").path)
        let sync = try exchange.ok("CQC", "sync")
        #expect(sync.stdout.contains("\"cursor\""), "\(sync.stdout)")
    }
}

/// A private certificate authority made with the `openssl` command: `ca.crt`, and `hub.crt` /
/// `hub.key` for 127.0.0.1 signed by it.
enum PrivateCA {
    static func issue(in directory: URL) throws {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                     "-subj", "/CN=Triangulate test CA", "-keyout", "ca.key", "-out", "ca.crt"], in: directory)
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-subj", "/CN=127.0.0.1", "-keyout", "hub.key", "-out", "hub.csr"], in: directory)
        try Data("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8)
            .write(to: directory.appendingPathComponent("hub.ext"))
        try openssl(["x509", "-req", "-in", "hub.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                     "-extfile", "hub.ext", "-out", "hub.crt"], in: directory)
    }

    private static func openssl(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExchangeError("openssl \(arguments.first ?? "") failed") }
    }
}
