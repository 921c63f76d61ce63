import Hummingbird
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The cases: the list with search and filters, and each case's page.
enum CaseRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/cases") { _, context in
            let signedIn = try context.requireSignedIn()
            return try casesPage(site: site, signedIn: signedIn, search: CaseSearch())
        }

        // A search is sent by POST, so that what was typed (words of a title, a register
        // number) never lands in a web address, a browser's history or a log.
        router.post("/cases") { _, context in
            let signedIn = try context.requireSignedIn()
            let form = try context.requireForm()
            let search = CaseSearch(words: form["words"], identifier: form["identifier"], process: form["process"],
                                    status: form["status"], state: form["state"], category: form["category"], from: form["from"],
                                    through: form["through"], order: form["sort"] ?? form["order"])
            return try casesPage(site: site, signedIn: signedIn, search: search)
        }

        router.get("/cases/{id}") { request, context in
            let signedIn = try context.requireSignedIn()
            let id = try context.parameters.require("id")
            guard id.count <= 64, id.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { throw PageError.notFound }
            let detail = try site.store.caseDetail(id: id)
            let history = try site.store.timeline(of: detail.summary)
            let title = NodeStore.processTitle(detail.summary.process)
            let mayAct = signedIn.role.allows(.record)
            let links = try site.store.allowedSteps(on: detail.summary.id).filter { mayAct && signedIn.role.allows($0.step.permission) }.map {
                StepLinks.Link(href: "/cases/\(detail.summary.id)/steps/\($0.step.id)", title: $0.step.title)
            }
            let frame = site.frame(
                detail.summary.reference, heading: detail.summary.title, caption: detail.summary.reference, for: signedIn, section: .cases,
                banner: detail.summary.safeguarding ? "Safeguarding: an indicator of abuse or neglect is recorded on this case" : nil)
            let query = request.uri.queryParameters
            let notice = query.get("shared") != nil ? "The share is recorded: it leaves at the next sync"
                : query.get("answered") != nil ? "Your answer is with the hub"
                : query.get("corrected") != nil ? "The correction is saved" : request.uri.queryParameters.get("done").flatMap { done in
                try? site.store.step(done, of: detail.summary.process).step.title
            }.map { "Saved: \($0.lowercased())" }
            var pageFrame = frame
            pageFrame.notice = notice
            var content = CasePage(detail: detail, processTitle: title, steps: StepLinks(links, readOnly: !mayAct), history: history,
                                   corrections: try site.store.corrections(on: detail.summary.id),
                                   mayCorrect: signedIn.role.allows(.correct), mayShare: mayAct)
            content.matches = MatchAlertRows(try site.store.matchAlerts(ofCase: detail.summary.id), mayRecord: mayAct, csrf: signedIn.csrfToken,
                                             back: "/cases/\(detail.summary.id)")
            return site.page(pageFrame, NodeTemplates.casePage, content)
        }
    }

    private static func casesPage(site: NodeSite, signedIn: SignedIn, search: CaseSearch) throws -> Response {
        let results = try site.store.cases(matching: search.query)
        let content = CasesPage(csrf: signedIn.csrfToken, search: search, results: results,
                                definitions: NodeStore.processes, categories: NodeStore.caseCategories)
        let errors = search.errors.map { FieldError(field: $0.field, message: $0.message) }
        return site.page(site.frame("Cases", for: signedIn, section: .cases, errors: errors), NodeTemplates.cases, content)
    }
}
