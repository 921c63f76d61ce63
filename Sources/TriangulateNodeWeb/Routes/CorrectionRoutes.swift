import Foundation
import Hummingbird
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// Corrections (UK GDPR Art 16), for people whose role allows them: a case's correctable values,
/// and the form that corrects one with a reason.
enum CorrectionRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/cases/{id}/corrections") { _, context in
            let signedIn = try context.require(.correct)
            let id = try caseID(context)
            let detail = try site.store.caseDetail(id: id)
            let frame = site.frame("Correct a mistake", caption: detail.summary.reference, for: signedIn, section: .cases)
            return site.page(frame, NodeTemplates.correctionList, CorrectionList(try site.store.correctableFields(on: id), caseID: id))
        }

        router.get("/cases/{id}/corrections/{key}") { _, context in
            let signedIn = try context.require(.correct)
            let (id, field) = try correctable(context, site: site)
            return try form(site: site, signedIn: signedIn, id: id, field: field, value: nil, reason: "", errors: [])
        }

        router.post("/cases/{id}/corrections/{key}") { _, context in
            let signedIn = try context.require(.correct)
            let (id, field) = try correctable(context, site: site)
            let form = try context.requireForm()
            let value = form["value"] ?? ""
            let reason = form["reason"] ?? ""
            var errors: [FieldError] = []
            if value.isEmpty { errors.append(FieldError(field: "value", message: "Enter the corrected value")) }
            if reason.isEmpty { errors.append(FieldError(field: "reason", message: "Say why the value is corrected")) }
            if errors.isEmpty {
                do {
                    _ = try site.store.correct(field.key, on: id, to: value, reason: reason, by: signedIn.name.rawValue)
                    context.logger.info("value corrected", metadata: ["field": "\(field.key)"])
                    return Response.redirect(to: "/cases/\(id)?corrected=1")
                } catch let error as ModelError {
                    errors.append(FieldError(field: "value", message: sentence(error.message)))
                } catch let error as NodeError where error.code == .invalidInput {
                    errors.append(FieldError(field: "value", message: sentence(error.message)))
                }
            }
            return try Self.form(site: site, signedIn: signedIn, id: id, field: field, value: value, reason: reason, errors: errors)
        }
    }

    private static func caseID(_ context: NodeWebContext) throws -> String {
        let id = try context.parameters.require("id")
        guard id.count <= 64, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
        return id.lowercased()
    }

    private static func correctable(_ context: NodeWebContext, site: NodeSite) throws -> (String, CorrectableField) {
        let id = try caseID(context)
        let key = try context.parameters.require("key")
        guard let field = try site.store.correctableFields(on: id).first(where: { $0.key == key }) else { throw PageError.notFound }
        return (id, field)
    }

    private static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }

    private static func form(site: NodeSite, signedIn: SignedIn, id: String, field: CorrectableField, value: String?, reason: String,
                             errors: [FieldError]) throws -> Response {
        let reference = try site.store.caseDetail(id: id).summary.reference
        let frame = site.frame("Correct \(field.label.lowercased())", caption: reference, for: signedIn, section: .cases, errors: errors)
        let content = CorrectionForm(field, caseID: id, csrf: signedIn.csrfToken, value: value, reason: reason,
                                     valueError: errors.first { $0.field == "value" }?.message,
                                     reasonError: errors.first { $0.field == "reason" }?.message)
        return site.page(frame, NodeTemplates.correctionForm, content, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
