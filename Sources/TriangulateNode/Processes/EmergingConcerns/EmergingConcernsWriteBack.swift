import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// Brings partners' edits of this organisation's own ECP documents back into its records: the
/// fields the audience may write (answers, minutes, attendance, action progress). A value the
/// record cannot hold (an unknown state, a malformed date) stays in the shared document only,
/// so a partner can never corrupt the local record.
enum EmergingConcernsWriteBack {
    static func apply(_ view: DocumentView, to header: DocumentHeader, in db: Database) throws {
        guard !view.isPurged else { return }
        func text(_ field: String) -> String?? { view.registers[field].map(\.value) }
        switch header.type {
        case .informationRequest:
            guard var request = try InformationRequest.fetchOne(db, key: header.id) else { return }
            let before = request
            if let state = text("state"), let parsed = state.flatMap(RequestLifecycle.State.init(rawValue:)) { request.state = parsed }
            if let answer = text("answerSummary") { request.answerSummary = answer }
            if let payload = text("answerPayloadClass") { request.answerPayloadClass = payload.flatMap(PayloadClass.init(rawValue:)) }
            if let date = text("respondedOn") { request.respondedOn = date.flatMap { try? LocalDate(parsing: $0) } }
            if let reason = text("declineReason") { request.declineReason = reason }
            if request != before { try request.update(db) }
        case .action:
            guard var action = try Action.fetchOne(db, key: header.id) else { return }
            let before = action
            if let owner = text("owner") { action.owner = owner }
            if let state = text("state"), let parsed = state.flatMap(ActionLifecycle.State.init(rawValue:)) { action.state = parsed }
            if let date = text("completedOn") { action.completedOn = date.flatMap { try? LocalDate(parsing: $0) } }
            if let evidence = text("evidence") { action.evidence = evidence }
            if action != before { try action.update(db) }
        case .panel:
            guard var panel = try Panel.fetchOne(db, key: header.id) else { return }
            let before = panel
            if let minutes = text("minutes") { panel.minutes = minutes }
            if let agenda = text("agenda"), let items = agenda.flatMap(decodeAgenda) { panel.agenda = items }
            let attending = view.sets["attendance"] ?? []
            for index in panel.invitees.indices {
                let key = EmergingConcernsProjection.inviteeKey(panel.invitees[index])
                if attending.contains(key) {
                    panel.invitees[index].attendance = .attended
                } else if panel.invitees[index].attendance == .attended {
                    panel.invitees[index].attendance = .invited
                }
            }
            if panel != before { try panel.update(db) }
        default:
            break  // the concern summary, outcome and learning review: only their owner writes them
        }
    }

    private static func decodeAgenda(_ text: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
