import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// `triangulate share`: shares a record, lists shares, withdraws them, records decisions not to share.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share a minimised record with other organisations through the hub, withdraw a share, or record a decision not to share.",
        subcommands: [Create.self, List.self, Withdraw.self, Redeclare.self, Decline.self],
        defaultSubcommand: Create.self)

    struct Create: NodeCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Share a record (the default: `triangulate share ECP-2026-0001 --to NMC,GMC …`).",
            discussion: """
                The record is a concern (ECP-2026-0001), request (…/R1), panel (…/P1), action (…/A1), \
                outcome:ECP-… or review:ECP-…, an escalation (HWE-…), a meeting (MTG-…) or its items for \
                the provider (MTG-…/PROVIDER), or a case's notice (OSG-…/NOTICE, PCP-…/NOTICE, \
                PCP-…/REPORT). Only the listed fields leave the node (default: every field that holds no \
                personal data). Personal data needs --class identifiable, --approved-by and --panel (a \
                panel or a meeting): it then reaches only its named invitees, each with the need-to-know \
                recorded on their invitation. Sent on the next `triangulate sync`.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record to share.") var document: String
        @Option(help: ArgumentHelp("The organisations to share with, comma-separated.", valueName: "codes")) var to: String
        @Option(help: "Why it is shared.") var purpose: String
        @Option(help: "The lawful basis or legal gateway.") var basis: String
        @Option(help: ArgumentHelp("The fields to share, comma-separated (default: all without personal data).", valueName: "fields"))
        var fields: String?
        @Option(name: .customLong("class"), help: ArgumentHelp("metadata, anonymised, pseudonymised or identifiable.", valueName: "class"))
        var payloadClass = "metadata"
        @Option(help: ArgumentHelp("For identifiable content: the panel (…/P1) or meeting (MTG-…) whose named invitees may see it.", valueName: "panel")) var panel: String?
        @Option(help: ArgumentHelp("For identifiable content: who approved it.", valueName: "name")) var approvedBy: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let share = try store.share(ShareRequest(
                document: document, to: try (Parse.orgs(to) ?? []).map(\.rawValue), purpose: purpose, basis: basis,
                fields: fields.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
                payloadClass: payloadClass, panel: panel, approvedBy: approvedBy), by: global.userName)
            let declaration = share.declaration
            return Rendered(json: share, text: """
                Share \(share.id): \(declaration.document.type.rawValue) to \(declaration.audience.map(\.organisation).joined(separator: ", ")) \
                (\(declaration.payloadClass); fields \(declaration.fields.joined(separator: ", "))). It goes out on the next `triangulate sync`.
                """)
        }
    }

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List the shares this organisation made, and its decisions not to share.")
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let shares = try store.listShares()
            let decisions = try store.listShareDecisions()
            let rows = shares.map { share in
                [String(share.id.suffix(12)), share.declaration.document.type.rawValue,
                 share.declaration.audience.map(\.organisation).joined(separator: ","), share.declaration.payloadClass,
                 Self.status(of: share)]
            }
            var text = shares.isEmpty ? "No shares yet." : TextTable.render(["share", "document", "to", "class", "status"], rows)
            if !decisions.isEmpty {
                text += "\n\nDecided not to share:\n" + decisions.map { "  \($0.documentId.prefix(8)) with \($0.organisations.joined(separator: ",")): \($0.reason)" }.joined(separator: "\n")
            }
            return Rendered(json: ["shares": shares.map(AnyEncodable.init), "decisionsNotToShare": decisions.map(AnyEncodable.init)], text: text)
        }

        /// A share's status in words, a refusal by the hub first.
        static func status(of share: ShareSummary) -> String {
            if let refusal = share.refusal {
                let fix = refusal.kind == "share" && ["unknown-organisation", "organisation-inactive"].contains(refusal.code)
                    ? "; to reach the others: triangulate share redeclare \(share.id.suffix(12)) --without CODE" : ""
                return "refused (\(refusal.code)): \(refusal.reason)" + (refusal.retrying ? " — sent again on each sync" : " — will not be sent again") + fix
            }
            if share.withdrawnAt != nil { return "withdrawn" }
            if !share.withdrawnFrom.isEmpty { return "withdrawn from \(share.withdrawnFrom.joined(separator: ","))" }
            return share.sentAt == nil ? "to send" : "sent"
        }
    }

    struct Withdraw: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a share, or one organisation from it: recipients purge it on their next sync.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The share (its id, or six characters of either end).") var share: String
        @Option(help: ArgumentHelp("Withdraw only from these organisations, comma-separated.", valueName: "codes")) var org: String?
        @Option(help: "Why.") var reason: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let summary = try store.withdrawShare(share, from: try (Parse.orgs(org) ?? []).map(\.rawValue), reason: reason, by: global.userName)
            return Rendered(json: summary, text: "Withdrawn\(org.map { " from \($0)" } ?? ""): share \(summary.id). Recipients purge it on their next sync after yours.")
        }
    }

    struct Redeclare: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Declare a share the hub refused again without some organisations, so that it reaches the others.",
            discussion: """
                For a share refused because an organisation of its audience is unknown to the hub or \
                not active there (`share list` shows the refusal): the share is replaced by a new one \
                to the rest of its audience, sent on the next `triangulate sync`. A share the hub \
                accepted is narrowed with `share withdraw SHARE --org CODE` instead.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The refused share (its id, or six characters of either end).") var share: String
        @Option(help: ArgumentHelp("The organisations to leave out, comma-separated.", valueName: "codes")) var without: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let replacement = try store.redeclareShare(share, without: try (Parse.orgs(without) ?? []).map(\.rawValue), by: global.userName)
            return Rendered(json: replacement, text: """
                Share \(replacement.id) replaces the refused one, to \(replacement.declaration.audience.map(\.organisation).joined(separator: ", ")). \
                It goes out on the next `triangulate sync`.
                """)
        }
    }

    struct Decline: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision not to share a record with some organisations, and why.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record.") var document: String
        @Option(help: ArgumentHelp("The organisations, comma-separated.", valueName: "codes")) var with: String
        @Option(help: "Why not.") var reason: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let decision = try store.declineToShare(document, with: try (Parse.orgs(with) ?? []).map(\.rawValue), reason: reason, by: global.userName)
            return Rendered(json: decision, text: "Recorded the decision not to share with \(decision.organisations.joined(separator: ", ")).")
        }
    }
}

/// Wraps any encodable value, to put values of several types in one JSON object.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
