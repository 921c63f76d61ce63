import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// `triangulate enrol`: registers this node's key with a hub.
struct EnrolCommand: AsyncNodeCommand {
    static var permission: StaffPermission { .administer }
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Enrol this node with a hub, using the one-time token its operator gave you.",
        discussion: "The node's Ed25519 key was made with its store; only its public half goes to the hub.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The hub's URL, e.g. https://hub.example.org (http:// only for a hub on this machine).", valueName: "url"))
    var hub: String
    @Option(help: ArgumentHelp("The one-time enrolment token.", valueName: "token")) var token: String
    @Option(help: ArgumentHelp("A PEM file with the private CA certificate(s) the hub's TLS certificate comes from; kept for every later sync. Leave out for a hub with a public certificate.", valueName: "file"))
    var hubCa: String?

    func execute(_ store: NodeStore) async throws -> Rendered {
        let trustRoots = try hubCa.map { path in
            do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw NodeError(.invalidInput, "cannot read the hub CA file \(path): \(error.localizedDescription)")
            }
        }
        let answer = try await store.enrol(hub: hub, token: token, trustRoots: trustRoots, by: global.userName)
        return Rendered(json: ["organisation": answer.organisation, "keyID": answer.keyID, "hub": hub],
                        text: "Enrolled \(answer.organisation) with \(hub) (key \(answer.keyID)). Share with `triangulate share`, exchange with `triangulate sync`.")
    }
}
