import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol

/// `triangulate match`: triangulation without pooling — the network's match key, and the
/// alerts the hub raises when other organisations hold cases on the same subjects.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Learn, without anyone pooling what they hold, that other organisations hold cases on the same provider, location, brand or professional.",
        discussion: """
            Each sync publishes keyed tokens of the subjects of your open cases (never the subjects) and collects the hub's \
            alerts: at least the quorum of organisations hold a case on the same subject within the window. An alert names \
            your own cases and how many others match, never who. Ask to be put in touch (`match ask`); the others each decide \
            whether to be revealed (`match reveal` or `match decline`), and only those who agree are introduced to each other.
            """,
        subcommands: [Key.self, Alerts.self, Ask.self, Reveal.self, Decline.self])

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The network's match key, which every signatory's node holds and the hub never sees.",
            subcommands: [Generate.self, Import.self, List.self])

        struct Generate: NodeCommand {
            static var permission: StaffPermission { .administer }
            static let configuration = CommandConfiguration(
                abstract: "Make a new network match key, add it here and write it to a file for the other signatories (by hand, never through the hub).")
            @OptionGroup var global: GlobalOptions
            @Option(help: ArgumentHelp("Where to write the key file (created readable by you only).", valueName: "path")) var out: String
            @Option(help: ArgumentHelp("The first day whose windows use it (default: every window).", valueName: "date")) var from: String?

            func execute(_ store: NodeStore) throws -> Rendered {
                guard !FileManager.default.fileExists(atPath: out) else {
                    throw NodeError(.invalidInput, "\(out) exists: a key file is never overwritten; give another --out")
                }
                let key = MatchKey.generate()
                do {
                    try PrivateFile.prepare(out)
                    try WireJSON.encoder().encode(MatchKeyFile(key)).write(to: URL(fileURLWithPath: out))
                } catch {
                    throw NodeError(.invalidInput, "cannot write the key file \(out): check the folder exists and you may write there")
                }
                let info = try store.addMatchKey(key, from: try Parse.optionalDate(from), by: global.userName)
                return Rendered(json: info, text: "Match key \(info.fingerprint) added, from \(info.fromDay), and written to \(out). Give the file to each signatory's administrator by hand, to import with `triangulate match key import FILE`.")
            }
        }

        struct Import: NodeCommand {
            static var permission: StaffPermission { .administer }
            static let configuration = CommandConfiguration(abstract: "Add the network's match key from the file another signatory gave you.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The key file.") var file: String
            @Option(help: ArgumentHelp("The first day whose windows use it (default: every window).", valueName: "date")) var from: String?

            func execute(_ store: NodeStore) throws -> Rendered {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw NodeError(.invalidInput, "cannot read \(file): give the path of the key file another signatory gave you")
                }
                let keyFile: MatchKeyFile
                do {
                    keyFile = try WireJSON.decoder().decode(MatchKeyFile.self, from: data)
                } catch {
                    throw NodeError(.invalidInput, "\(file) is not a match key file (made by `triangulate match key generate`)")
                }
                let key: MatchKey
                do {
                    key = try keyFile.key()
                } catch {
                    throw NodeError(.invalidInput, "\(file): \(error.message)")
                }
                let info = try store.addMatchKey(key, from: try Parse.optionalDate(from), by: global.userName)
                return Rendered(json: info, text: "Match key \(info.fingerprint) added, from \(info.fromDay). The next sync publishes your tokens.")
            }
        }

        struct List: NodeCommand {
            static var permission: StaffPermission { .read }
            static let configuration = CommandConfiguration(abstract: "The match keys held, by fingerprint (never the key).")
            @OptionGroup var global: GlobalOptions

            func execute(_ store: NodeStore) throws -> Rendered {
                let keys = try store.matchKeys()
                var table = TextTable("FROM", "FINGERPRINT", "ADDED BY")
                for key in keys { table.add(key.fromDay, key.fingerprint, key.addedBy) }
                return Rendered(json: keys, text: keys.isEmpty ? "No match key: import the network's with `triangulate match key import FILE`." : table.rendered)
            }
        }
    }

    struct Alerts: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "The hub's alerts as last collected by `sync`, with your cases that gave each.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Lapsed alerts too.") var all = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let alerts = try store.matchAlerts().filter { all || $0.state == .open }
            var table = TextTable("ALERT", "SUBJECT", "YOUR CASES", "OTHERS", "STATE", "INTRODUCTION")
            for alert in alerts {
                table.add(String(alert.id.suffix(12)), alert.subject ?? "(no open case of yours)", alert.cases.map(\.reference).joined(separator: ","),
                          String(alert.others), alert.state.rawValue, alert.introductionStatus)
            }
            return Rendered(json: alerts, text: alerts.isEmpty ? "No alerts." : table.rendered)
        }
    }

    struct Ask: AnswerCommand {
        static let consent = MatchConsent.ask
        static let configuration = CommandConfiguration(
            abstract: "Ask to be put in touch with the other organisations of an alert; you are revealed to those who agree, and they to you.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The alert (its id, or 6 or more characters of it).") var alert: String
    }

    struct Reveal: AnswerCommand {
        static let consent = MatchConsent.reveal
        static let configuration = CommandConfiguration(
            abstract: "Agree to be revealed to the other organisations of an alert that asked or agreed, and learn who they are.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The alert.") var alert: String
    }

    struct Decline: AnswerCommand {
        static let consent = MatchConsent.decline
        static let configuration = CommandConfiguration(abstract: "Decline to be revealed for an alert: nobody learns that you hold a matching case.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The alert.") var alert: String
    }
}

/// An answer to an alert, sent to the hub at once.
protocol AnswerCommand: AsyncNodeCommand {
    /// The answer the command gives.
    static var consent: MatchConsent { get }
    /// The alert answered.
    var alert: String { get }
}

extension AnswerCommand {
    func execute(_ store: NodeStore) async throws -> Rendered {
        let answered = try await store.answerMatchAlert(alert, Self.consent, by: global.userName)
        return Rendered(json: answered, text: "Alert \(answered.id.suffix(12)) (\(answered.subject ?? answered.kind.rawValue)): \(answered.introductionStatus)."
            + (answered.introduced.isEmpty ? "" : " Contact them as the protocol says: `triangulate contact REF --org CODE`."))
    }
}
