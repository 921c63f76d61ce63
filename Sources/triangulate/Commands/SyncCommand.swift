import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// `triangulate sync`: pushes to the hub and pulls what is addressed to this organisation.
/// Its exit code says what to do next: 0 all done; 2 done, but the hub refused some items (each
/// listed, with whether it is sent again); 3 an audit ALARM (the hub's log is not the one this
/// node saw: stop and tell the hub operator); 75 the hub could not be reached (nothing lost: try
/// again later); 1 anything else.
struct SyncCommand: AsyncNodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send new shares, changes and withdrawals to the hub, and receive what is addressed to you.",
        discussion: """
            Resumable: a sync that stops half-way carries on from the last page it applied. Withdrawn \
            shares are purged here and the purge acknowledged. Exit codes: 0 done; 2 done, but the \
            hub refused some items (listed; those that may yet succeed are sent again on each sync); \
            3 audit ALARM; 75 hub unreachable, try again later; 1 other errors. With --json, errors \
            are a JSON object on standard error.
            """)
    @OptionGroup var global: GlobalOptions

    /// Exit code: the hub refused some items.
    static let someRefused: Int32 = 2
    /// Exit code: the hub's audit log does not extend what this node saw.
    static let auditAlarm: Int32 = 3
    /// Exit code: the hub could not be reached (EX_TEMPFAIL).
    static let tryAgainLater: Int32 = 75

    func run() async throws {
        let rendered: Rendered
        let refused: Bool
        do {
            let store = try NodeStore.open(at: global.storePath)
            store.fileWarning.map { FileHandle.standardError.write(Data("triangulate: \($0)\n".utf8)) }
            try store.requireActing(as: global.userName, for: Self.permission)
            (rendered, refused) = try await sync(store)
        } catch let error as NodeError where error.code == .hubUnreachable || error.code == .auditAlarm {
            throw Failure.report(error, json: global.json, exitCode: error.code == .auditAlarm ? Self.auditAlarm : Self.tryAgainLater)
        } catch {
            throw Failure.report(error, json: global.json)
        }
        rendered.print(json: global.json)
        if refused { throw ExitCode(Self.someRefused) }
    }

    func execute(_ store: NodeStore) async throws -> Rendered { try await sync(store).rendered }

    private func sync(_ store: NodeStore) async throws -> (rendered: Rendered, refused: Bool) {
        let onTerminal = isatty(STDERR_FILENO) == 1 && !global.json
        let summary = try await store.sync { line in
            if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
        }
        if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var lines = [
            "Sent \(summary.sharesSent) shares, \(summary.changesSent) changes in \(summary.batchesSent) batches, \(summary.withdrawalsSent) withdrawals, \(summary.purgesAcknowledged) purge acknowledgements.",
            "Received \(summary.itemsPulled) items: \(summary.sharesReceived) new shares, \(summary.changesApplied) changes applied, \(summary.withdrawalsPurged) withdrawn and purged.",
        ]
        lines += summary.refused.map {
            "Refused by the hub (\($0.kind) \($0.share), \($0.code)): \($0.reason)"
                + ($0.mayLaterSucceed ? " — kept, and sent again on the next sync" : " — not sent again; see `triangulate share list`")
        }
        lines += summary.rejected.map { "Not applied here: \($0)" }
        let matching = summary.matching
        if let problem = matching.problem {
            lines.append("Matching: \(problem)")
        } else {
            lines.append("Matching: \(matching.published.map { "published \($0) tokens; " } ?? "")\(matching.open) open alerts, \(matching.changed) new or changed"
                         + (matching.changed > 0 ? " — see `triangulate match alerts`" : ""))
        }
        return (Rendered(json: summary, text: lines.joined(separator: "\n")), !summary.refused.isEmpty)
    }
}
