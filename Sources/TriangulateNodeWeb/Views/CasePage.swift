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

    let stateLabel: String
    let stateColour: String
    let processTitle: String
    let sections: [CaseSection]
    let steps: StepLinks
    let timeline: [Entry]

    init(detail: CaseDetail, processTitle: String, steps: StepLinks, history: [HistoryEntry]) {
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
