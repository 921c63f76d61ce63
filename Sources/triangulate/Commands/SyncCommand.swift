import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// `triangulate sync`: pushes to the hub and pulls what is addressed to this organisation.
struct SyncCommand: AsyncNodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send new shares, changes and withdrawals to the hub, and receive what is addressed to you.",
        discussion: "Resumable: a sync that stops half-way carries on from the last page it applied. Withdrawn shares are purged here and the purge acknowledged.")
    @OptionGroup var global: GlobalOptions

    func execute(_ store: NodeStore) async throws -> Rendered {
        let onTerminal = isatty(STDERR_FILENO) == 1 && !global.json
        let summary = try await store.sync { line in
            if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
        }
        if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var lines = [
            "Sent \(summary.sharesSent) shares, \(summary.changesSent) changes in \(summary.batchesSent) batches, \(summary.withdrawalsSent) withdrawals, \(summary.purgesAcknowledged) purge acknowledgements.",
            "Received \(summary.itemsPulled) items: \(summary.sharesReceived) new shares, \(summary.changesApplied) changes applied, \(summary.withdrawalsPurged) withdrawn and purged.",
        ]
        lines += summary.refused.map { "Refused by the hub (\($0.kind) \($0.share)): \($0.reason)" }
        lines += summary.rejected.map { "Not applied here: \($0)" }
        return Rendered(json: summary, text: lines.joined(separator: "\n"))
    }
}
