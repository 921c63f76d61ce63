import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// `triangulate received`: what other organisations have shared with this one.
struct ReceivedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "received",
        abstract: "List, show or co-edit what other organisations have shared with yours.",
        subcommands: [List.self, Show.self, Edit.self, Reply.self],
        defaultSubcommand: List.self)

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List what has been shared with this organisation (the default).")
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let received = try store.listReceived()
            let rows = received.map { item in
                [String(item.share.suffix(12)), item.owner, item.declaration?.document.type.rawValue ?? "—",
                 item.declaration?.purpose ?? "—",
                 item.withdrawnAt.map { "withdrawn by \(item.withdrawnBy ?? "?") \(ISO8601DateFormatter().string(from: $0)), purged" } ?? "current"]
            }
            return Rendered(json: received, text: received.isEmpty
                ? "Nothing has been shared with this organisation yet (run `triangulate sync`)."
                : TextTable.render(["share", "from", "document", "purpose", "status"], rows))
        }
    }

    struct Show: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(
            abstract: "Show a received document; personal data only to the people it names (--user).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The share (its id, or six characters of either end).") var share: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let view = try store.receivedDocument(share, for: global.userName)
            return Rendered(json: view, text: Self.describe(view))
        }

        static func describe(_ view: ReceivedDocumentView) -> String {
            var lines = ["Share \(view.share.share) from \(view.share.owner)"]
            if let withdrawn = view.share.withdrawnAt {
                lines.append("Withdrawn by \(view.share.withdrawnBy ?? "?") on \(ISO8601DateFormatter().string(from: withdrawn))\(view.share.withdrawalReason.map { ": \($0)" } ?? ""); its content was purged from this node.")
                return lines.joined(separator: "\n")
            }
            if let declaration = view.share.declaration {
                lines.append("\(declaration.document.type.rawValue), \(declaration.payloadClass); purpose: \(declaration.purpose); basis: \(declaration.basis)")
            }
            for (field, value) in view.fields.sorted(by: { $0.key < $1.key }) {
                if value.conflicts.isEmpty {
                    lines.append("  \(field): \(value.value ?? "—")")
                } else {
                    lines.append("  \(field): CONFLICT — organisations wrote different values: \(value.conflicts.map { $0 ?? "(cleared)" }.joined(separator: " | "))")
                }
            }
            for (field, elements) in view.sets.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(field): \(elements.joined(separator: ", "))")
            }
            if !view.withheld.isEmpty {
                lines.append("  Withheld (personal data, only for the people the share names): \(view.withheld.joined(separator: ", "))")
            }
            return lines.joined(separator: "\n")
        }
    }

    struct Edit: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Co-edit a received document: the fields its audience may write (minutes, attendance, answers, action progress).",
            discussion: "Your changes reach the owner and the rest of the audience on the next `triangulate sync`.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The share.") var share: String
        @Option(name: .customLong("set"), help: ArgumentHelp("FIELD=VALUE for a single-valued field.", valueName: "field=value"))
        var assignments: [String] = []
        @Option(name: .customLong("add"), help: ArgumentHelp("FIELD=ELEMENT to add to a set field, e.g. attendance=NMC:C. Officer.", valueName: "field=element"))
        var additions: [String] = []
        @Option(name: .customLong("remove"), help: ArgumentHelp("FIELD=ELEMENT to remove from a set field.", valueName: "field=element"))
        var removals: [String] = []

        func execute(_ store: NodeStore) throws -> Rendered {
            func pairs(_ list: [String]) throws -> [(String, String)] {
                try list.map { text in
                    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                        throw ValidationError("'\(text)' is not FIELD=VALUE")
                    }
                    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
                }
            }
            var registers: [String: String?] = [:]
            for (field, value) in try pairs(assignments) { registers[field] = .some(value) }
            let additions = Dictionary(grouping: try pairs(additions), by: \.0).mapValues { $0.map(\.1) }
            let removals = Dictionary(grouping: try pairs(removals), by: \.0).mapValues { $0.map(\.1) }
            guard !registers.isEmpty || !additions.isEmpty || !removals.isEmpty else {
                throw ValidationError("say what to change with --set, --add or --remove")
            }
            let view = try store.editReceived(share, set: registers, add: additions, remove: removals, by: global.userName)
            return Rendered(json: view, text: "Edited; it goes to the others on the next `triangulate sync`.\n" + Show.describe(view))
        }
    }

    struct Reply: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reply to a notice shared with you by taking a step its owner's process lets recipients take.",
            discussion: """
                CQC acknowledges an Ombudsman alert, logs the provider's action plan and reports its regulatory \
                activity this way: `received reply SHARE --step regulatory-activity --set activity=inspection \
                --set furtherAction=…`. The answers are checked against the step's form here; the reply reaches \
                the owner on the next `triangulate sync`, whose node records the step on its case when its \
                process allows it then (else it keeps the reply with the reason).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The share of the notice.") var share: String
        @Option(help: ArgumentHelp("The step (e.g. acknowledge, action-plan-received, regulatory-activity).", valueName: "step")) var step: String
        @Option(name: .customLong("set"), help: ArgumentHelp("An answer, NAME=VALUE; repeat it.", valueName: "name=value")) var answers: [String] = []
        @Option(help: ArgumentHelp("The day it happened (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            var given: [String: String] = [:]
            for pair in answers {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else { throw NodeError(.invalidInput, "'\(pair)' is not NAME=VALUE") }
                given[String(pair[..<equals]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: equals)...])
            }
            let day = try on.map { try LocalDate(parsing: $0) }
            let view = try store.replyToNotice(share, step: step.lowercased(), answers: given, on: day, by: global.userName)
            return Rendered(json: view, text: "Replied (\(step)); it reaches \(view.share.owner) on the next `triangulate sync`.")
        }
    }
}
