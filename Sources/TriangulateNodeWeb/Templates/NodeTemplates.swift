import TriangulateWeb

/// The node's page templates by name: each page's own file holds its text.
enum NodeTemplates {
    static let message = "message"
    static let signIn = SignInTemplate.name
    static let worklist = "worklist"
    static let cases = "cases"
    static let casePage = "case"
    static let people = "people"
    static let stepForm = "step-form"
    static let stepLinks = "step-links"
    static let correctionList = "correction-list"
    static let correctionForm = "correction-form"
    static let shareForm = "share-form"
    static let sharePreview = "share-preview"
    static let receivedList = "received-list"
    static let receivedDocument = "received-document"
    static let report = "report"
    static let flowReport = "flow-report"
    static let providerRollUp = "provider-roll-up"
    static let checkAnswers = "check-answers"
    static let matchAlerts = "match-alerts"

    /// Every template, for the renderer.
    static let all: [String: String] = [
        message: MessageTemplate.text,
        worklist: WorklistTemplate.text,
        cases: CasesTemplate.text,
        casePage: CaseTemplate.text,
        people: PeopleTemplate.text,
        stepForm: StepFormTemplate.text,
        stepLinks: StepLinksTemplate.text,
        correctionList: CorrectionListTemplate.text,
        correctionForm: CorrectionFormTemplate.text,
        shareForm: ShareFormTemplate.text,
        sharePreview: SharePreviewTemplate.text,
        receivedList: ReceivedListTemplate.text,
        receivedDocument: ReceivedDocumentTemplate.text,
        report: ReportTemplate.text,
        flowReport: FlowReportTemplate.text,
        providerRollUp: ProviderRollUpTemplate.text,
        checkAnswers: CheckAnswersTemplate.text,
        matchAlerts: MatchAlertsTemplate.text,
    ]
}

/// A page that only says something, with a way back.
enum MessageTemplate {
    static let text = #"""
    <p>{{text}}</p>
    <p><a href="/">Go to the worklist</a></p>
    """#
}
