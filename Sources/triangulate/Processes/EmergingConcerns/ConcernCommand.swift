import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate concern`: record, evaluate, flag, list, show, close and reopen concerns.
struct ConcernCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concern", abstract: "Record and evaluate concerns.",
        subcommands: [Add.self, List.self, Show.self, Evaluate.self, Subject.self, Safeguard.self, Close.self, Reopen.self])

    struct Add: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a new concern (as a draft, ready for evaluation).",
            discussion: """
                Subjects: provider:1-123456789:NAME (or provider::NAME when unregistered), location:1-123456789:NAME, \
                professional:NMC:REGISTRATION:NAME (personal data: it stays on this node), other:NAME. Repeat --subject.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("\(ConcernCategory.acceptedValues): professionals; healthcare systems and environments; trust and confidence in the professions.", valueName: "category"))
        var category: String
        @Option(help: ArgumentHelp(SettingType.acceptedValues, valueName: "setting")) var setting: String
        @Option(help: "A short title for lists.") var title: String
        @Option(help: "The full account (kept on this node).") var summary: String
        @Option(help: ArgumentHelp("The day the concern was identified (YYYY-MM-DD, default today).", valueName: "date"))
        var identified: String?
        @Option(help: ArgumentHelp(SourceType.acceptedValues, valueName: "type")) var source: String
        @Flag(help: "The information came from a third party.") var thirdParty = false
        @Option(help: ArgumentHelp("Source reliability A–F.", valueName: "grade")) var reliability: String?
        @Option(help: ArgumentHelp("Information credibility 1–6.", valueName: "grade")) var credibility: String?
        @Option(help: ArgumentHelp("Someone or something involved (repeatable).", valueName: "subject")) var subject: [String] = []
        @Flag(help: "Raise a safeguarding flag at once.") var safeguarding = false
        @Option(help: ArgumentHelp("With --safeguarding: the immediate action taken.", valueName: "text")) var immediateAction: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let identifiedOn = try Parse.date(identified)
            let new = NewConcern(
                category: try .parse(category), setting: try .parse(setting), title: title, summary: summary,
                identifiedOn: identifiedOn,
                source: Source(type: try .parse(source), isThirdParty: thirdParty,
                               reliability: try reliability.map(SourceReliability.parse),
                               credibility: try credibility.map(InformationCredibility.parse)),
                subjects: try subject.map { try TriangulateModel.Subject(parsing: $0) },
                safeguarding: safeguarding || immediateAction != nil
                    ? NewSafeguardingFlag(raisedOn: identifiedOn, immediateAction: immediateAction) : nil)
            let dossier = try store.addConcern(new, by: global.userName)
            return Rendered(json: dossier.concern, text: "Recorded " + Describe.concernLine(dossier.concern, flagged: dossier.isSafeguardingFlagged))
        }
    }

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List concerns, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only concerns in this state: \(ConcernLifecycle.State.allCases.map(\.rawValue).joined(separator: "|")).", valueName: "state"))
        var state: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let state = try state.map { text in
                guard let state = ConcernLifecycle.State.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
                    throw ModelError(.invalidValue, "unknown state '\(text)': use one of \(ConcernLifecycle.State.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
            let concerns = try store.listConcerns(state: state)
            var table = TextTable("REF", "IDENTIFIED", "CATEGORY", "STATE", "SG", "TITLE")
            for concern in concerns {
                table.add(concern.reference, concern.identifiedOn.description, concern.category.rawValue,
                          concern.state.rawValue, concern.safeguarding ? "⚠" : "", concern.title)
            }
            return Rendered(json: concerns, text: concerns.isEmpty ? "No concerns recorded." : table.rendered)
        }
    }

    struct Show: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "Show everything recorded about a concern, with its history.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern: its reference (ECP-2026-0001) or id.") var concern: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let dossier = try store.dossier(concern)
            let history = try store.history(concern)
            struct Shown: Encodable {
                let id: ConcernID
                let dossier: ConcernDossier
                let safeguarding: Bool
                let completeness: CompletenessCheck
                let allowedNext: [String]
                let history: [HistoryEntry]
            }
            return Rendered(
                json: Shown(id: dossier.concern.id, dossier: dossier, safeguarding: dossier.isSafeguardingFlagged,
                            completeness: CompletenessCheck(dossier),
                            allowedNext: ConcernLifecycle.allowedEvents(from: dossier.concern.state).map(\.rawValue),
                            history: history),
                text: Describe.dossier(dossier, history: history))
        }
    }

    struct Evaluate: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate a concern and its source, and decide whether to trigger the protocol.",
            discussion: "Without --decision the evaluation stays pending. Deciding not to trigger needs --rationale and --route (how the information is dealt with instead); it can be taken at evaluation or while considering partners.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(help: ArgumentHelp("trigger or not-trigger.", valueName: "decision")) var decision: String?
        @Option(help: "Why.") var rationale: String?
        @Option(help: "For not-trigger: the other route, e.g. an existing Quality Surveillance Group.") var route: String?
        @Option(help: "Your assessment of the source and information.") var sourceAssessment: String?
        @Option(help: "Your assessment of the risk.") var riskAssessment: String?
        @Option(help: ArgumentHelp("Source reliability A–F.", valueName: "grade")) var reliability: String?
        @Option(help: ArgumentHelp("Information credibility 1–6.", valueName: "grade")) var credibility: String?
        @Option(help: ArgumentHelp("The day of the evaluation (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let evaluation = try store.evaluate(concern, EvaluationInput(
                on: try Parse.date(on), sourceAssessment: sourceAssessment, riskAssessment: riskAssessment,
                decision: try decision.map(TriggerDecision.parse), rationale: rationale, alternativeRoute: route,
                reliability: try reliability.map(SourceReliability.parse),
                credibility: try credibility.map(InformationCredibility.parse)), by: global.userName)
            let after = try store.dossier(concern)
            return Rendered(json: evaluation, text: "Evaluation \(evaluation.decision.label). " + Describe.concernLine(after.concern, flagged: after.isSafeguardingFlagged))
        }
    }

    struct Subject: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Add a provider, location, professional or other subject to a concern.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Argument(help: "provider:ID:NAME, location:ID:NAME, professional:REGULATOR:NUMBER:NAME or other:NAME.") var subject: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let updated = try store.addSubject(try TriangulateModel.Subject(parsing: subject), to: concern, by: global.userName)
            return Rendered(json: updated, text: "Subjects of \(updated.reference): " + updated.subjects.map(\.summary).joined(separator: "; "))
        }
    }

    struct Safeguard: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Raise a safeguarding flag on a concern, in any state. It never blocks anything.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(help: ArgumentHelp("Where the safeguarding referral went (an organisation code).", valueName: "code")) var referredTo: String?
        @Option(help: "The referral's reference there.") var referralRef: String?
        @Option(help: "The immediate action taken.") var immediateAction: String?
        @Option(help: ArgumentHelp("The day it was raised (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let flag = try store.raiseSafeguarding(on: concern, NewSafeguardingFlag(
                raisedOn: try Parse.date(on), referredTo: try referredTo.map(Parse.org), referralReference: referralRef,
                immediateAction: immediateAction), by: global.userName)
            return Rendered(json: flag, text: Describe.safeguardingBanner + "\nSafeguarding flag \(flag.id) raised on \(concern).")
        }
    }

    struct Close: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Close a concern that was not triggered, or whose learning review is done.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(help: ArgumentHelp("The day it closed (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let closed = try store.closeConcern(concern, on: try Parse.date(on), by: global.userName)
            return Rendered(json: closed, text: "Closed " + Describe.concernLine(closed, flagged: try store.dossier(concern).isSafeguardingFlagged))
        }
    }

    struct Reopen: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed concern on new information; it goes back to evaluation.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let reopened = try store.reopenConcern(concern, by: global.userName)
            return Rendered(json: reopened, text: "Reopened " + Describe.concernLine(reopened, flagged: try store.dossier(concern).isSafeguardingFlagged))
        }
    }
}
