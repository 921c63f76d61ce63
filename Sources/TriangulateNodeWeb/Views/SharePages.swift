import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync
import TriangulateWeb

/// The share form, with what was chosen and what was wrong.
struct ShareForm {
    struct Choice {
        let id: String
        let code: String
        let name: String
        let selected: Bool
    }

    let csrf: String
    let action: String
    let back: String
    let organisations: [Choice]
    let purpose: String
    let basis: String
    let toError: String?
    let purposeError: String?
    let basisError: String?

    init(caseID: String, csrf: String, partners: [Organisation], chosen: [String], purpose: String, basis: String, errors: [FieldError]) {
        self.csrf = csrf
        action = "/cases/\(caseID)/share"
        back = "/cases/\(caseID)"
        organisations = partners.enumerated().map { index, partner in
            Choice(id: index == 0 ? "to" : "to-\(index + 1)", code: partner.code.rawValue, name: partner.name,
                   selected: chosen.contains(partner.code.rawValue))
        }
        self.purpose = purpose
        self.basis = basis
        toError = errors.first { $0.field == "to" }?.message
        purposeError = errors.first { $0.field == "purpose" }?.message
        basisError = errors.first { $0.field == "basis" }?.message
    }
}

/// The preview of a share, with the answers carried to the button that makes it.
struct SharePreviewPage {
    struct Audience {
        let organisation: String
        let people: String
        let hasPeople: Bool
    }

    let csrf: String
    let action: String
    let back: String
    let reference: String
    let payloadClass: String
    let audience: [Audience]
    let fields: [SharePreview.Field]
    let to: [String]
    let purpose: String
    let basis: String

    init(_ preview: SharePreview, caseID: String, csrf: String, to: [String], purpose: String, basis: String) {
        self.csrf = csrf
        action = "/cases/\(caseID)/share"
        back = "/cases/\(caseID)/share"
        reference = preview.reference
        payloadClass = preview.payloadClass
        audience = preview.audience.map { member in
            Audience(organisation: member.organisation, people: member.people.map(\.name).joined(separator: ", "), hasPeople: !member.people.isEmpty)
        }
        fields = preview.fields
        self.to = to
        self.purpose = purpose
        self.basis = basis
    }
}

/// What was shared with the organisation.
struct ReceivedList {
    struct Share {
        let share: String
        let owner: String
        let what: String
        let purpose: String
        let received: String
        let withdrawn: Bool
    }

    let shares: [Share]
    let hasShares: Bool

    init(_ received: [ReceivedShare]) {
        shares = received.map { share in
            Share(share: share.share, owner: share.owner, what: share.declaration?.document.type.rawValue ?? "withdrawn record",
                  purpose: share.declaration?.purpose ?? "", received: LondonMoment(share.receivedAt).description,
                  withdrawn: share.withdrawnAt != nil)
        }
        hasShares = !received.isEmpty
    }
}

/// A received document as the person signed in may see it.
struct ReceivedDocumentPage {
    struct Field {
        let name: String
        let value: String
    }

    let owner: String
    let purpose: String
    let basis: String
    let withdrawn: Bool
    let withheld: String
    let hasWithheld: Bool
    let fields: [Field]
    let hasFields: Bool
    /// The day before which it must not be published, while that is still to come.
    let embargoedUntil: String?
    /// The steps the organisation may reply with, as links.
    let replies: [Reply]
    let hasReplies: Bool

    struct Reply {
        let title: String
        let href: String
    }

    /// Whether a reply was just saved.
    let replied: Bool

    init(_ view: ReceivedDocumentView, replySteps: [StepDefinition] = [], today: LocalDate, replied: Bool = false) {
        self.replied = replied
        owner = view.share.owner
        purpose = view.share.declaration?.purpose ?? ""
        basis = view.share.declaration?.basis ?? ""
        withdrawn = view.share.withdrawnAt != nil
        withheld = view.withheld.joined(separator: ", ")
        hasWithheld = !view.withheld.isEmpty
        fields = view.fields.sorted { $0.key < $1.key }.map { Field(name: $0.key, value: $0.value.value ?? "") }
            + view.sets.sorted { $0.key < $1.key }.map { name, elements in
                // A notice's replies are shown as what they say, not as their JSON.
                let shown = name == "replies"
                    ? elements.compactMap { FlowReplyElement(text: $0) }.sorted { $0.on < $1.on }.map { reply in
                        "\(reply.on): \(reply.step)" + reply.answers.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
                    }
                    : elements.sorted()
                return Field(name: name, value: shown.joined(separator: "; "))
            }
        hasFields = !fields.isEmpty
        embargoedUntil = view.fields["releaseOn"]?.value.flatMap { try? LocalDate(parsing: $0) }.flatMap { $0 > today ? $0.description : nil }
        replies = replySteps.map { Reply(title: $0.title, href: "/received/\(view.share.share)/reply/\($0.id)") }
        hasReplies = !replies.isEmpty
    }
}
