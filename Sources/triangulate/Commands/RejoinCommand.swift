import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol

/// `triangulate rejoin`: re-attaches the node to a hub restored from an older backup.
struct RejoinCommand: AsyncNodeCommand {
    static var permission: StaffPermission { .administer }
    static let configuration = CommandConfiguration(
        commandName: "rejoin",
        abstract: "Accept a hub restored from a backup, after `sync` stopped with an ALARM about its log.",
        discussion: """
            A hub restored from a backup has a shorter audit log than this node saw, and a node \
            cannot tell that from a hub rewriting its history: so sync stops. Run this only when \
            the hub operator has told you, through a channel you trust, that the hub was restored, \
            with the size and root of its log then (`triangulate-hub audit verify`). The node checks \
            that the hub's signed log is that one or extends it, records your decision, then its next sync pulls everything again and pushes \
            again everything this node ever sent (the hub may have lost it). Tell your data \
            protection officer.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The number of entries in the restored hub's audit log, as the hub operator gave it.", valueName: "entries"))
    var size: UInt64
    @Option(help: ArgumentHelp("The root of the restored hub's audit log (64 hex digits), as the hub operator gave it.", valueName: "hex"))
    var root: String

    func execute(_ store: NodeStore) async throws -> Rendered {
        let (accepted, previous) = try await store.rejoin(size: size, root: root, by: global.userName)
        return Rendered(json: Outcome(accepted: accepted, replaced: previous), text: """
            Accepted the restored hub's log (\(accepted.size) entries, root \(accepted.root))\(previous.map { " in place of \($0.size) entries" } ?? ""). \
            Run `triangulate sync`: it pulls everything again and pushes again what this node sent.
            """)
    }

    /// The `--json` answer: the checkpoint accepted, and the one it replaced.
    struct Outcome: Encodable {
        let accepted: SignedCheckpoint
        let replaced: SignedCheckpoint?
    }
}
