import Foundation
import Hummingbird
import Logging
import NIOPosix
import TriangulateProtocol
import TriangulateWeb

/// The console's pages: sign-in, the overview, the audit explorer.
enum ConsoleRoutes {
    static func add(to router: some RouterMethods<ConsoleContext>, console: HubConsole) {
        router.get("/sign-in") { _, context in
            if context.session != nil { return Response.redirect(to: "/") }
            return signInPage(console, name: "", errors: [])
        }

        router.post("/sign-in") { _, context in
            guard let form = context.form else { throw ConsolePageError.forbidden }
            let name = form["name"] ?? "", password = form.raw("password") ?? ""
            var errors: [FieldError] = []
            if name.isEmpty { errors.append(FieldError(field: "name", message: "Enter your name")) }
            if password.isEmpty { errors.append(FieldError(field: "password", message: "Enter your password")) }
            guard errors.isEmpty else { return signInPage(console, name: name, errors: errors) }
            if await console.sessions.lockedUntil(name) != nil {
                return signInPage(console, name: name, errors: [FieldError(field: "name", message: "Too many failed attempts: try again later")],
                                  status: .unauthorized)
            }
            let operators = console.operators
            let matches = try await NIOThreadPool.singleton.runIfActive { operators.verify(name, password) }
            guard matches else {
                await console.sessions.failed(name)
                context.logger.notice("console sign-in refused")
                return signInPage(console, name: name, errors: [FieldError(field: "name", message: "The name or password is not right")],
                                  status: .unauthorized)
            }
            let (token, _) = await console.sessions.open(for: name)
            var response = Response.redirect(to: "/")
            response.setCookie(console.cookies.cookie(console.cookies.sessionName, token))
            response.setCookie(console.cookies.removal(console.cookies.formName))
            return response
        }

        router.post("/sign-out") { _, context in
            if let token = context.sessionToken { await console.sessions.close(token) }
            var response = Response.redirect(to: "/sign-in")
            response.setCookie(console.cookies.removal(console.cookies.sessionName))
            return response
        }

        router.get("/") { _, context in
            guard let session = context.session else { throw ConsolePageError.signInNeeded }
            let audit = ConsoleAudit(hub: console.hub)
            let (checkpoint, signed) = try await audit.checkpoint()
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            let organisations = try await console.hub.store.organisations().map { organisation in
                ConsoleOverviewPage.Organisation(code: organisation.code, name: organisation.name, role: organisation.role, status: organisation.status,
                                                 colour: organisation.status == "active" ? "green" : "grey", added: formatter.string(from: organisation.addedAt))
            }
            let checkpoints = try await audit.checkpoints(10).map { item in
                ConsoleOverviewPage.Checkpoint(
                    size: item.checkpoint.size, root: String(item.checkpoint.root.prefix(16)) + "…",
                    signed: item.signed ? "Signed" : "Does not check", signedColour: item.signed ? "green" : "red",
                    consistent: item.consistentWithPrevious.map { $0 ? "Proved consistent" : "NOT consistent" } ?? "First shown",
                    consistentColour: item.consistentWithPrevious.map { $0 ? "green" : "red" } ?? "grey")
            }
            let refusals = try await audit.refusalsByCode().map { ConsoleOverviewPage.Refusal(code: $0.code, count: $0.count) }
            let entries = ConsoleEntryRows.rows(try await audit.recent(30, checkpoint: checkpoint))
            let content = ConsoleOverviewPage(organisations: organisations, sizeText: ConsoleEntryRows.count(checkpoint.size), root: checkpoint.root, signed: signed,
                                              checkpoints: checkpoints, refusals: refusals, hasRefusals: !refusals.isEmpty, entries: entries,
                                              hasEntries: !entries.isEmpty)
            return console.page(console.frame("Overview", heading: "The hub", for: session, section: 0), ConsoleTemplates.overview, content)
        }

        router.get("/audit") { request, context in
            guard let session = context.session else { throw ConsolePageError.signInNeeded }
            let audit = ConsoleAudit(hub: console.hub)
            let (checkpoint, _) = try await audit.checkpoint()
            let query = request.uri.queryParameters
            let document = query.get("document").map { String($0).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let organisation = query.get("organisation").map { String($0).trimmingCharacters(in: .whitespaces).uppercased() } ?? ""
            let from = query.get("from").map { String($0) } ?? "", to = query.get("to").map { String($0) } ?? ""
            let fromDate = day(from), toDate = day(to)
            let fromError = !from.isEmpty && fromDate == nil ? "Enter the first day as a real date, like 2026-04-01" : nil
            let toError = !to.isEmpty && toDate == nil ? "Enter the day after the last as a real date, like 2027-04-01" : nil
            var entries: [ConsoleAudit.CheckedEntry] = []
            var summary = ""
            if fromError == nil && toError == nil {
                if !document.isEmpty {
                    let found = try await audit.aboutDocument(document, checkpoint: checkpoint)
                    entries = found.entries
                    summary = "Document \(document): \(ConsoleEntryRows.count(UInt64(found.total))), \(found.deliveries) deliveries"
                        + shownNote(found)
                } else if !organisation.isEmpty {
                    let found = try await audit.activity(of: organisation, from: fromDate, to: toDate, checkpoint: checkpoint)
                    entries = found.entries
                    summary = "\(organisation): \(ConsoleEntryRows.count(UInt64(found.total)))" + shownNote(found)
                }
            }
            let errors = [("from", fromError), ("to", toError)].compactMap { field, message in message.map { FieldError(field: field, message: $0) } }
            let rows = ConsoleEntryRows.rows(entries)
            let content = ConsoleAuditPage(sizeText: ConsoleEntryRows.count(checkpoint.size), document: document, organisation: organisation,
                                           fromField: DateField(name: "from", label: "From", example: "2026-04-01", value: from, error: fromError),
                                           toField: DateField(name: "to", label: "Up to (not including)", example: "2027-04-01", value: to, error: toError),
                                           searched: !summary.isEmpty, summary: summary, entries: rows,
                                           hasEntries: !rows.isEmpty)
            return console.page(console.frame("Audit explorer", for: session, section: 1, errors: errors), ConsoleTemplates.audit, content)
        }
    }

    /// When a search found more than it shows: which are shown.
    private static func shownNote(_ found: ConsoleAudit.Found) -> String {
        found.total > found.entries.count ? " (the first \(found.entries.count) shown: narrow the period to see the others)" : ""
    }

    private static func day(_ text: String) -> Date? {
        guard !text.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }

    private static func signInPage(_ console: HubConsole, name: String, errors: [FieldError], status: HTTPResponse.Status = .ok) -> Response {
        SignInPage.response(renderer: console.renderer, frame: console.frame("Sign in", for: nil, errors: errors), cookies: console.cookies,
                            action: "/sign-in", help: "Operators are added with triangulate-hub console add-operator.",
                            name: name, errors: errors, status: status)
    }
}
