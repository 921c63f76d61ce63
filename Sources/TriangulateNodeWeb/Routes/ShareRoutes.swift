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

        router.get("/received/{share}") { _, context in
            let signedIn = try context.requireSignedIn()
            let share = try context.parameters.require("share")
            guard share.count <= 64, share.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
            // Named-person content rests on who is signed in, never on a name typed.
            let view = try site.store.receivedDocument(share, for: signedIn.name.rawValue)
            let title = view.share.declaration?.document.type.rawValue ?? "Withdrawn share"
            return site.page(site.frame("Shared by \(view.share.owner)", heading: title, for: signedIn, section: .received),
                             NodeTemplates.receivedDocument, ReceivedDocumentPage(view))
        }
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
