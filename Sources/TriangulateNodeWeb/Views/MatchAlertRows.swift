import TriangulateProtocol
import TriangulateNode

/// The alerts a page shows: other organisations hold cases on the same subjects as this
/// organisation's, how many, and where introductions stand — with the answers still open to it.
struct MatchAlertRows {
    struct Row {
        struct CaseLink {
            let id: String
            let reference: String
        }

        let id: String
        let subject: String
        let cases: [CaseLink]
        let others: String
        let introduction: String
        let mayAnswer: Bool
        let mayReveal: Bool
        let csrf: String
        let back: String
    }

    let rows: [Row]
    let hasRows: Bool

    /// The open alerts among `alerts`, answerable by a person who may record (`csrf` signs the
    /// forms), returning to `back` after an answer.
    init(_ alerts: [LocalMatchAlert], mayRecord: Bool, csrf: String, back: String) {
        rows = alerts.filter { $0.state == .open }.map { alert in
            Row(id: alert.id, subject: alert.subject ?? "a subject none of your open cases holds now",
                cases: alert.cases.map { Row.CaseLink(id: $0.id, reference: $0.reference) },
                others: alert.others == 1 ? "1 other organisation" : "\(alert.others) other organisations",
                introduction: alert.introductionStatus, mayAnswer: mayRecord && alert.mayAnswer,
                mayReveal: alert.introductionRequested, csrf: csrf, back: back)
        }
        hasRows = !rows.isEmpty
    }
}
