import ArgumentParser
import Foundation
import TriangulateHub
import TriangulateModel
import TriangulateProtocol

/// `triangulate-hub audit`: verify the log and answer auditors' questions from it.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the hub's audit log, and answer who received what, when and on what basis — without reading any content.",
        subcommands: [Verify.self, WhoReceived.self, Org.self, Export.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-derive the whole Merkle tree and check every checkpoint signature; exit 1 naming the first bad entry.")
        @OptionGroup var options: HubOptions

        func run() async throws {
            let report: AuditVerifier.Report
            do {
                report = try await AuditVerifier(store: try await options.openStore()).verify()
            } catch {
                throw fail(error)
            }
            emit(report, text: report.ok
                ? "The audit log verifies: \(report.entries) entries, \(report.checkpoints) signed checkpoints, tree head \(report.root)."
                : "THE AUDIT LOG DOES NOT VERIFY: \(report.problem ?? "")", json: options.json)
            if !report.ok { throw ExitCode(1) }
        }
    }

    struct WhoReceived: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-received", abstract: "Every organisation that received a document, when, and in which share.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The document's id (as the sharing node shows it).") var document: String

        func run() async throws {
            do {
                let entries = try await AuditVerifier(store: try await options.openStore())
                    .whoReceived(document: document.lowercased())
                let lines = entries.map { "\(ISO8601DateFormatter().string(from: $0.at))  \($0.subject ?? "?")  \($0.detail?["kind"] ?? "")  share \($0.share ?? "?")  from \($0.actor)" }
                emit(entries, text: entries.isEmpty ? "Nobody has received \(document)." : lines.joined(separator: "\n"), json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct Org: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What an organisation sent, received, had refused and had withdrawn, in a period.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String
        @Option(help: ArgumentHelp("From this day (YYYY-MM-DD), inclusive.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("To this day (YYYY-MM-DD), exclusive.", valueName: "date")) var to: String?

        func run() async throws {
            do {
                let entries = try await AuditVerifier(store: try await options.openStore())
                    .activity(of: code, from: try OperatorDay.parse(from), to: try OperatorDay.parse(to))
                let lines = entries.map { "\(ISO8601DateFormatter().string(from: $0.at))  \($0.event)  \($0.actor)\($0.subject.map { " → \($0)" } ?? "")  \($0.share ?? "")\($0.detail?["reason"].map { "  \($0)" } ?? "")" }
                emit(entries, text: entries.isEmpty ? "Nothing for \(code) in that period." : lines.joined(separator: "\n"), json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every entry with its raw leaf bytes in hex, so that anyone can recompute the tree (jsonl or csv).")
        @OptionGroup var options: HubOptions
        @Option(help: "jsonl or csv.") var format = "jsonl"

        func run() async throws {
            do {
                guard ["jsonl", "csv"].contains(format) else { throw HubError(.invalidRequest, "unknown format '\(format)': use jsonl or csv") }
                let store = try await options.openStore()
                if format == "csv" { print("index,event,at,actor,subject,share,document,leaf_hex") }
                var next: UInt64 = 0
                while true {
                    let batch = try await store.auditEntries(from: next, limit: 10_000)
                    guard let last = batch.last else { break }
                    for stored in batch {
                        let hex = stored.entry.hex
                        let entry = try AuditEntry(decoding: stored.entry)
                        if format == "jsonl" {
                            let line: [String: String] = ["index": String(stored.index), "leaf": hex, "entry": String(decoding: stored.entry, as: UTF8.self)]
                            print(String(decoding: try WireJSON.encoder().encode(line), as: UTF8.self))
                        } else {
                            let fields = [String(stored.index), entry.event, ISO8601DateFormatter().string(from: entry.at), entry.actor,
                                          entry.subject ?? "", entry.share ?? "", entry.document ?? "", hex]
                            print(fields.map { $0.contains(",") || $0.contains("\"") ? "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" : $0 }.joined(separator: ","))
                        }
                    }
                    next = last.index + 1
                }
            } catch {
                throw fail(error)
            }
        }
    }
}
