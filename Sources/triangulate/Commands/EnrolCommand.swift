import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// `triangulate enrol`: registers this node's key with a hub.
struct EnrolCommand: AsyncNodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Enrol this node with a hub, using the one-time token its operator gave you.",
        discussion: "The node's Ed25519 key was made with its store; only its public half goes to the hub.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The hub's URL, e.g. https://hub.example.org (http:// only for a hub on this machine).", valueName: "url"))
    var hub: String
    @Option(help: ArgumentHelp("The one-time enrolment token.", valueName: "token")) var token: String

    func execute(_ store: NodeStore) async throws -> Rendered {
        let answer = try await store.enrol(hub: hub, token: token, by: global.userName)
        return Rendered(json: ["organisation": answer.organisation, "keyID": answer.keyID, "hub": hub],
                        text: "Enrolled \(answer.organisation) with \(hub) (key \(answer.keyID)). Share with `triangulate share`, exchange with `triangulate sync`.")
    }
}
