import Foundation
import Hummingbird
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateProtocol
import TriangulateSync
import TriangulateWeb

/// Sharing a case (form, preview of exactly what leaves, then the share), and what others have
/// shared with this organisation, shown as the person signed in may see it.
enum ShareRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/cases/{id}/share") { _, context in
            let signedIn = try context.require(.record)
            let summary = try site.store.caseDetail(id: try caseID(context)).summary
            return try form(site: site, signedIn: signedIn, summary: summary, to: [], purpose: "", basis: "", errors: [])
        }

        router.post("/cases/{id}/share") { _, context in
            let signedIn = try context.require(.record)
            let summary = try site.store.caseDetail(id: try caseID(context)).summary
            let form = try context.requireForm()
            let to = form.all("to")
            let purpose = form["purpose"] ?? "", basis = form["basis"] ?? ""
            var errors: [FieldError] = []
            if to.isEmpty { errors.append(FieldError(field: "to", message: "Select the organisations to share with")) }
            if purpose.isEmpty { errors.append(FieldError(field: "purpose", message: "Enter the purpose of the share")) }
            if basis.isEmpty { errors.append(FieldError(field: "basis", message: "Enter the lawful basis or legal gateway")) }
            guard errors.isEmpty else {
                return try Self.form(site: site, signedIn: signedIn, summary: summary, to: to, purpose: purpose, basis: basis, errors: errors)
            }
            let request = ShareRequest(document: summary.reference, to: to, purpose: purpose, basis: basis)
            do {
                guard form["confirmed"] == "yes" else {
                    let preview = try site.store.previewShare(request)
                    let frame = site.frame("Check what will be sent", caption: summary.reference, for: signedIn, section: .cases)
                    return site.page(frame, NodeTemplates.sharePreview,
                                     SharePreviewPage(preview, caseID: summary.id, csrf: signedIn.csrfToken, to: to, purpose: purpose, basis: basis))
                }
                let share = try site.store.share(request, by: signedIn.name.rawValue)
                context.logger.info("share recorded", metadata: ["share": "\(share.id)"])
                return Response.redirect(to: "/cases/\(summary.id)?shared=1")
            } catch let error as NodeError where error.code != .notFound {
                let message = error.message.prefix(1).uppercased() + error.message.dropFirst()
                return try Self.form(site: site, signedIn: signedIn, summary: summary, to: to, purpose: purpose, basis: basis,
                                     errors: [FieldError(field: "to", message: message)])
            }
        }

        router.get("/received") { _, context in
            let signedIn = try context.requireSignedIn()
            return site.page(site.frame("Shared with us", for: signedIn, section: .received), NodeTemplates.receivedList,
                             ReceivedList(try site.store.listReceived()))
        }

        router.get("/received/{share}") { request, context in
            let signedIn = try context.requireSignedIn()
            let share = try context.parameters.require("share")
            guard share.count <= 64, share.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
            // Named-person content rests on who is signed in, never on a name typed.
            let view = try site.store.receivedDocument(share, for: signedIn.name.rawValue)
            let title = view.share.declaration?.document.type.rawValue ?? "Withdrawn share"
            let replies = signedIn.role.allows(.record) ? try site.store.replySteps(toShare: view.share.share) : []
            return site.page(site.frame("Shared by \(view.share.owner)", heading: title, for: signedIn, section: .received),
                             NodeTemplates.receivedDocument, ReceivedDocumentPage(view, replySteps: replies, today: site.store.today,
                                                                                 replied: request.uri.queryParameters.get("replied") != nil))
        }

        router.get("/received/{share}/reply/{step}") { _, context in
            let signedIn = try context.require(.record)
            let (share, step) = try replyStep(context, site: site)
            let answers = Dictionary(step.fields.filter { $0.kind == .date }.map { ($0.name, site.store.today.description) }) { first, _ in first }
            return try replyForm(site: site, signedIn: signedIn, share: share, step: step, answers: answers, errors: [])
        }

        router.post("/received/{share}/reply/{step}") { _, context in
            let signedIn = try context.require(.record)
            let (share, step) = try replyStep(context, site: site)
            let answers = try StepRoutes.answers(to: step, context)
            var errors: [FieldError]
            do {
                let day = try answers["on"].flatMap { $0.isEmpty ? nil : $0 }.map { try LocalDate(parsing: $0) }
                _ = try site.store.replyToNotice(share, step: step.id, answers: answers.filter { $0.key != "on" }, on: day, by: signedIn.name.rawValue)
                context.logger.info("reply recorded", metadata: ["step": "\(step.id)"])
                return Response.redirect(to: "/received/\(share)?replied=\(step.id)")
            } catch let problems as StepErrors {
                errors = problems.problems.map { FieldError(field: $0.field, message: $0.message) }
            } catch let error as ModelError {
                errors = [FieldError(field: "on", message: error.message.prefix(1).uppercased() + error.message.dropFirst())]
            } catch let error as NodeError where error.code != .notFound {
                errors = [FieldError(field: step.fields.first?.name ?? "on", message: error.message.prefix(1).uppercased() + error.message.dropFirst())]
            }
            return try replyForm(site: site, signedIn: signedIn, share: share, step: step, answers: answers, errors: errors)
        }
    }

    /// The received share and the reply step the path names: 404 unless the notice takes that reply.
    private static func replyStep(_ context: NodeWebContext, site: NodeSite) throws -> (String, StepDefinition) {
        let share = try context.parameters.require("share")
        guard share.count <= 64, share.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
        let id = try context.parameters.require("step")
        guard let step = try site.store.replySteps(toShare: share).first(where: { $0.id == id }) else { throw PageError.notFound }
        return (share, step)
    }

    private static func replyForm(site: NodeSite, signedIn: SignedIn, share: String, step: StepDefinition, answers: [String: String],
                                  errors: [FieldError]) throws -> Response {
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let content = StepFormPage(step: step, action: "/received/\(share)/reply/\(step.id)", cancel: "/received/\(share)", csrf: signedIn.csrfToken,
                                   answers: answers, errors: byField, organisations: try site.store.organisations())
        let frame = site.frame(step.title, caption: "Reply to a notice shared with you", for: signedIn, section: .received, errors: errors)
        return site.page(frame, NodeTemplates.stepForm, content, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func caseID(_ context: NodeWebContext) throws -> String {
        let id = try context.parameters.require("id")
        guard id.count <= 64, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
        return id.lowercased()
    }

    private static func form(site: NodeSite, signedIn: SignedIn, summary: CaseSummary, to: [String], purpose: String, basis: String,
                             errors: [FieldError]) throws -> Response {
        let partners = try site.store.organisations().filter { $0.code != site.store.organisation }
        let frame = site.frame("Share this case", caption: summary.reference, for: signedIn, section: .cases, errors: errors)
        return site.page(frame, NodeTemplates.shareForm,
                         ShareForm(caseID: summary.id, csrf: signedIn.csrfToken, partners: partners, chosen: to, purpose: purpose, basis: basis,
                                   errors: errors), status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
