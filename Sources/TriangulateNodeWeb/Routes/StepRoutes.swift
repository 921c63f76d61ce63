import Foundation
import Hummingbird
import Logging
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The steps of every process as forms drawn from their definitions: opening a new case
/// (`/new`), and the steps allowed on a case (`/cases/{id}/steps/{step}`). A process added to the
/// registry appears here without a page of its own.
enum StepRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/new") { _, context in
            let signedIn = try context.require(.record)
            let links = site.store.openingSteps().map {
                StepLinks.Link(href: "/new/\($0.process)/\($0.step.id)", title: "\($0.step.title) (\(NodeStore.processTitle($0.process)))")
            }
            return site.page(site.frame("New case", heading: "Open a new case", for: signedIn, section: .newCase), NodeTemplates.stepLinks,
                             StepLinks(links, readOnly: false))
        }

        router.get("/new/{process}/{step}") { _, context in
            let signedIn = try context.require(.record)
            let step = try openingStep(context, site: site)
            return try form(site: site, signedIn: signedIn, step: step, action: "/new/\(step.process)/\(step.step.id)", cancel: "/new",
                            caption: NodeStore.processTitle(step.process), answers: defaults(step.step, site: site), errors: [])
        }

        router.post("/new/{process}/{step}") { _, context in
            let signedIn = try context.require(.record)
            let step = try openingStep(context, site: site)
            return try proceed(step, on: nil, site: site, signedIn: signedIn, action: "/new/\(step.process)/\(step.step.id)",
                               cancel: "/new", caption: NodeStore.processTitle(step.process), context: context)
        }

        router.get("/cases/{id}/steps/{step}") { _, context in
            let signedIn = try context.require(.record)
            let (id, step) = try caseStep(context, site: site, signedIn: signedIn)
            let reference = try site.store.caseDetail(id: id).summary.reference
            return try form(site: site, signedIn: signedIn, step: step, action: "/cases/\(id)/steps/\(step.step.id)", cancel: "/cases/\(id)",
                            caption: reference, answers: defaults(step.step, site: site), errors: [])
        }

        router.post("/cases/{id}/steps/{step}") { _, context in
            let signedIn = try context.require(.record)
            let (id, step) = try caseStep(context, site: site, signedIn: signedIn)
            let reference = try site.store.caseDetail(id: id).summary.reference
            return try proceed(step, on: id, site: site, signedIn: signedIn, action: "/cases/\(id)/steps/\(step.step.id)",
                               cancel: "/cases/\(id)", caption: reference, context: context)
        }
    }

    /// The step that opens a case named by the path, or 404.
    private static func openingStep(_ context: NodeWebContext, site: NodeSite) throws -> ProcessStep {
        let step = try site.store.step(try context.parameters.require("step"), of: try context.parameters.require("process"))
        guard step.step.opensCase else { throw PageError.notFound }
        return step
    }

    /// The case id and the step allowed on it now named by the path: 404 when either is unknown
    /// or the step is not allowed now, 403 when the person's role does not allow it.
    private static func caseStep(_ context: NodeWebContext, site: NodeSite, signedIn: SignedIn) throws -> (String, ProcessStep) {
        let id = try context.parameters.require("id")
        guard id.count <= 64, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
        let stepID = try context.parameters.require("step")
        guard let step = try site.store.allowedSteps(on: id).first(where: { $0.step.id == stepID }) else { throw PageError.notFound }
        guard signedIn.role.allows(step.step.permission) else { throw PageError.forbidden }
        return (id.lowercased(), step)
    }

    /// What the form sent for each of the step's fields (an unticked flag is "no").
    static func answers(to step: StepDefinition, _ context: NodeWebContext) throws -> [String: String] {
        let form = try context.requireForm()
        var answers: [String: String] = [:]
        for field in step.fields {
            if field.kind == .flag {
                answers[field.name] = form[field.name] == "yes" ? "yes" : "no"
            } else if let value = form[field.name] {
                answers[field.name] = value
            }
        }
        return answers
    }

    /// A new form's answers: today in every date field.
    private static func defaults(_ step: StepDefinition, site: NodeSite) -> [String: String] {
        Dictionary(step.fields.filter { $0.kind == .date }.map { ($0.name, site.store.today.description) }, uniquingKeysWith: { first, _ in first })
    }

    /// A step sent: a long step's page checked and the next page (or, after the last, the answers
    /// to check) shown; a short step, or a long one confirmed, taken.
    private static func proceed(_ step: ProcessStep, on id: String?, site: NodeSite, signedIn: SignedIn, action: String, cancel: String,
                                caption: String, context: NodeWebContext) throws -> Response {
        let form = try context.requireForm()
        let answers = try answers(to: step.step, context)
        let pages = step.step.pages.count
        guard pages > 1, form["confirmed"] != "yes" else {
            return try take(step, answers: answers, on: id, site: site, signedIn: signedIn, action: action, cancel: cancel, caption: caption,
                            context: context)
        }
        if let change = form["goto"].flatMap(Int.init), (0..<pages).contains(change) {
            return try Self.form(site: site, signedIn: signedIn, step: step, action: action, cancel: cancel, caption: caption, answers: answers,
                                 errors: [], page: change)
        }
        let page = min(max(form["page"].flatMap(Int.init) ?? 0, 0), pages - 1)
        do {
            _ = try StepValues(answers, for: step.step.page(page))
        } catch {
            let errors = error.problems.map { FieldError(field: $0.field, message: $0.message) }
            return try Self.form(site: site, signedIn: signedIn, step: step, action: action, cancel: cancel, caption: caption, answers: answers,
                                 errors: errors, page: page, status: .unprocessableContent)
        }
        guard page + 1 == pages else {
            return try Self.form(site: site, signedIn: signedIn, step: step, action: action, cancel: cancel, caption: caption, answers: answers,
                                 errors: [], page: page + 1)
        }
        let check = CheckAnswersPage(step: step.step, action: action, cancel: cancel, csrf: signedIn.csrfToken, answers: answers,
                                     organisations: try site.store.organisations())
        let frame = site.frame("Check your answers", caption: "\(caption): \(step.step.title.lowercased())", for: signedIn,
                               section: step.step.opensCase ? .newCase : .cases)
        return site.page(frame, NodeTemplates.checkAnswers, check)
    }

    /// Takes the step; on success back to the case, otherwise the form again with what was wrong.
    private static func take(_ step: ProcessStep, answers: [String: String], on id: String?, site: NodeSite, signedIn: SignedIn,
                             action: String, cancel: String, caption: String, context: NodeWebContext) throws -> Response {
        var errors: [FieldError]
        do {
            let caseID = try site.store.take(step, answers: answers, on: id, by: signedIn.name.rawValue)
            context.logger.info("step taken", metadata: ["process": "\(step.process)", "step": "\(step.step.id)"])
            return .redirect(to: "/cases/\(caseID)?done=\(step.step.id)")
        } catch let problems as StepErrors {
            errors = problems.problems.map { FieldError(field: $0.field, message: $0.message) }
        } catch let error as ModelError {
            errors = [FieldError(field: field(for: error, in: step.step), message: sentence(error.message))]
        } catch let error as NodeError where error.code != .notFound {
            errors = [FieldError(field: step.step.fields.first?.name ?? "main", message: sentence(error.message))]
        }
        let page = step.step.pages.firstIndex { $0.contains(errors.first?.field ?? "") } ?? 0
        return try form(site: site, signedIn: signedIn, step: step, action: action, cancel: cancel, caption: caption, answers: answers,
                        errors: errors, page: page, status: .unprocessableContent)
    }

    /// The field an error from a service is about: a date error names the step's date field.
    private static func field(for error: ModelError, in step: StepDefinition) -> String {
        if error.code == .invalidDate, let date = step.fields.first(where: { $0.kind == .date }) { return date.name }
        return step.fields.first?.name ?? "main"
    }

    /// A service's message as a sentence for the page: capitalised, without the command line's hints.
    private static func sentence(_ message: String) -> String {
        var text = message
        if let hint = text.range(of: ": give it with --") { text = String(text[..<hint.lowerBound]) }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The step's form — for a long step, its page `page`, the other answers carried along.
    private static func form(site: NodeSite, signedIn: SignedIn, step: ProcessStep, action: String, cancel: String, caption: String,
                             answers: [String: String], errors: [FieldError], page: Int = 0,
                             status: HTTPResponse.Status = .ok) throws -> Response {
        let byField = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let content = StepFormPage(step: step.step, page: page, action: action, cancel: cancel, csrf: signedIn.csrfToken, answers: answers,
                                   errors: byField, organisations: try site.store.organisations().sorted { first, _ in first.code == site.store.organisation })
        let pages = step.step.pages.count
        let frame = site.frame(pages > 1 ? "\(step.step.title) (\(page + 1) of \(pages))" : step.step.title, heading: step.step.title,
                               caption: pages > 1 ? "\(caption): question page \(page + 1) of \(pages)" : caption, for: signedIn,
                               section: step.step.opensCase ? .newCase : .cases, errors: errors)
        return site.page(frame, NodeTemplates.stepForm, content, status: status)
    }
}
