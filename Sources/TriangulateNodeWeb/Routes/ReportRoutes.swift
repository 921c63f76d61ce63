import Foundation
import Hummingbird
import TriangulateModel
import TriangulateNode
import TriangulateWeb

/// The Emerging Concerns Protocol's reports for a period (dates are not personal data, so the
/// period is in the address), and their downloads as CSV and XLSX.
enum ReportRoutes {
    static func add(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/reports") { request, context in
            let signedIn = try context.requireSignedIn()
            let period = Period(request, today: site.store.today)
            let report = try site.store.report(period: period.period, asOf: site.store.today)
            let errors = [("from", period.fromError), ("to", period.toError)].compactMap { field, message in
                message.map { FieldError(field: field, message: $0) }
            }
            let content = ReportPage(report, from: period.typedFrom, to: period.typedTo, query: period.query,
                                     fromError: period.fromError, toError: period.toError)
            return site.page(site.frame("Reports", heading: "Emerging Concerns Protocol reports", for: signedIn, section: .reports,
                                        errors: errors), NodeTemplates.report, content)
        }

        router.get("/reports/ecp.csv") { request, context in
            _ = try context.requireSignedIn()
            let period = Period(request, today: site.store.today)
            let table = ReportTable(try site.store.report(period: period.period, asOf: site.store.today))
            return download(Array(table.csv.utf8), type: "text/csv; charset=utf-8", name: "ecp-report.csv")
        }

        router.get("/reports/ecp.xlsx") { request, context in
            _ = try context.requireSignedIn()
            let period = Period(request, today: site.store.today)
            let table = ReportTable(try site.store.report(period: period.period, asOf: site.store.today))
            return download(try table.xlsx(), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "ecp-report.xlsx")
        }
    }

    /// A council's process report (`/reports/flows/osg`), and its CSV (`/reports/csv/osg`); concerns
    /// by provider or brand (`/reports/providers?by=brand`).
    static func addFlowReports(to router: some RouterMethods<NodeWebContext>, site: NodeSite) {
        router.get("/reports/providers") { request, context in
            let signedIn = try context.requireSignedIn()
            let grouping = request.uri.queryParameters.get("by").flatMap(ProviderRollUp.Grouping.init(rawValue:)) ?? .provider
            let content = ProviderRollUpPage(try site.store.providerRollUp(by: grouping), by: grouping)
            return site.page(site.frame("Concerns by \(grouping.rawValue)", heading: "Concerns by \(grouping.rawValue)", for: signedIn, section: .reports),
                             NodeTemplates.providerRollUp, content)
        }

        router.get("/reports/flows/:process") { request, context in
            let signedIn = try context.requireSignedIn()
            let flow = try flow(context)
            let period = Period(request, today: site.store.today)
            let (from, to) = period.days(today: site.store.today)
            let report = try site.store.flowReport(process: flow.id, from: from, to: to)
            let errors = [("from", period.fromError), ("to", period.toError)].compactMap { field, message in
                message.map { FieldError(field: field, message: $0) }
            }
            let content = FlowReportPage(report, from: period.typedFrom, to: period.typedTo, query: period.query, fromError: period.fromError,
                                         toError: period.toError)
            return site.page(site.frame("\(flow.title) report", heading: "\(flow.title) report", for: signedIn, section: .reports, errors: errors),
                             NodeTemplates.flowReport, content)
        }

        router.get("/reports/csv/:process") { request, context in
            _ = try context.requireSignedIn()
            let flow = try flow(context)
            let (from, to) = Period(request, today: site.store.today).days(today: site.store.today)
            let table = FlowReportTable(try site.store.flowReport(process: flow.id, from: from, to: to))
            return download(Array(table.csv.utf8), type: "text/csv; charset=utf-8", name: "\(flow.id)-report.csv")
        }
    }

    private static func flow(_ context: NodeWebContext) throws -> FlowDefinition {
        guard let id = context.parameters.get("process"), let flow = NodeStore.flows.first(where: { $0.id == id }) else {
            throw HTTPError(.notFound)
        }
        return flow
    }

    private static func download(_ bytes: [UInt8], type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The period asked for: from the first of the current financial year (April) to today by
    /// default; a date that does not parse is reported and left out.
    struct Period {
        /// The first and last days of a bounded report: the period's, each end defaulting to the
        /// default period's.
        func days(today: LocalDate) -> (LocalDate, LocalDate) {
            let yearStart = LocalDate(year: today.month >= 4 ? today.year : today.year - 1, month: 4, day: 1)!
            return (period.from ?? yearStart, period.to ?? today)
        }

        var period: ReportPeriod
        var typedFrom: String
        var typedTo: String
        var fromError: String?
        var toError: String?
        var query: String

        init(_ request: Request, today: LocalDate) {
            let parameters = request.uri.queryParameters
            let yearStart = today.month >= 4 ? today.year : today.year - 1
            typedFrom = parameters.get("from").map { String($0) } ?? "\(yearStart)-04-01"
            typedTo = parameters.get("to").map { String($0) } ?? today.description
            let from = try? LocalDate(parsing: typedFrom)
            let to = try? LocalDate(parsing: typedTo)
            if from == nil { fromError = "Enter the first day as a real date, like 2026-04-01" }
            if to == nil { toError = "Enter the last day as a real date, like 2027-03-31" }
            if let from, let to, to < from {
                toError = "The last day must be on or after the first day"
            }
            period = (try? ReportPeriod(from: from, to: toError == nil ? to : nil)) ?? ((try? ReportPeriod(from: nil, to: nil))!)
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-")
            query = "?from=\(typedFrom.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")&to=\(typedTo.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
    }
}
