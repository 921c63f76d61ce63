import Foundation
import TriangulateModel
import TriangulateNode

/// A case page's content: its sections, what may be done next and its timeline.
struct CasePage {
    struct Entry {
        let when: String
        let record: String
        let what: String
        let who: String
    }

    struct CorrectionRow {
        let when: String
        let label: String
        let oldValue: String
        let newValue: String
        let reason: String
        let actor: String
    }

    let id: String
    let stateLabel: String
    let stateColour: String
    let processTitle: String
    let sections: [CaseSection]
    let steps: StepLinks
    let timeline: [Entry]
    let mayCorrect: Bool
    let mayShare: Bool
    let corrections: [CorrectionRow]
    let hasCorrections: Bool
    /// Other organisations' cases on this case's subjects.
    var matches: MatchAlertRows?

    init(detail: CaseDetail, processTitle: String, steps: StepLinks, history: [HistoryEntry], corrections: [Correction], mayCorrect: Bool,
         mayShare: Bool) {
        id = detail.summary.id
        self.mayShare = mayShare
        self.mayCorrect = mayCorrect
        self.corrections = corrections.map {
            CorrectionRow(when: LondonMoment($0.at).description, label: $0.label, oldValue: $0.oldValue, newValue: $0.newValue,
                          reason: $0.reason, actor: $0.actor)
        }
        hasCorrections = !corrections.isEmpty
        stateLabel = detail.summary.stateLabel
        stateColour = detail.summary.isClosed ? "grey" : ""
        self.processTitle = processTitle
        sections = detail.sections
        self.steps = steps
        timeline = history.map { entry in
            let change = [entry.fromState, entry.toState].compactMap { $0 }
            let what = change.count == 2 ? "\(entry.event): \(change[0]) to \(change[1])" : entry.event
            return Entry(when: LondonMoment(entry.at).description, record: entry.reference, what: what, who: entry.actor)
        }
    }
}
