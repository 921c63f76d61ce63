import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

extension NodeStore {
    /// Replies to a notice another organisation shared with this one, by taking on its case a
    /// step its flow lets the notice's recipients take (`FlowReply`): the step's form is checked
    /// here, the answers travel in the notice's `replies` on the next sync, and the owner's node
    /// takes the step by its own rules.
    public func replyToNotice(_ share: String, step stepID: String, answers: [String: String], on day: LocalDate?, by user: String) throws -> ReceivedDocumentView {
        let type = try read { db in
            let received = try Self.receivedShare(Self.findReceived(share, in: db))
            guard let declaration = received.declaration, received.withdrawnAt == nil else {
                throw NodeError(.invalidInput, "share \(received.share) was withdrawn: there is nothing to reply to")
            }
            return declaration.document.type
        }
        guard let flow = Self.flows.first(where: { $0.documents.contains { $0.type == type } }) else {
            throw NodeError(.invalidInput, "a \(type.rawValue) takes no replies: only the notices of a process's flow do")
        }
        let replies = flow.replies.filter { $0.notice == type }.map(\.step)
        guard let step = flow.step(stepID), replies.contains(stepID) else {
            throw NodeError(.invalidInput, replies.isEmpty
                ? "a \(type.rawValue) takes no replies"
                : "'\(stepID)' is not a reply to a \(type.rawValue): use \(replies.joined(separator: ", "))")
        }
        let day = day ?? today
        let values = try StepValues(answers.merging(["on": day.description]) { given, _ in given }, for: step.definition)
        let issued = try receivedDocument(share, for: user).fields["issuedOn"]?.value.flatMap { try? LocalDate(parsing: $0) }
        try StepDates.check(day, of: step.definition.title.lowercased(), today: today, notBefore: issued.map { [($0, "the notice was issued")] } ?? [])
        var sent = values.answers
        sent.removeValue(forKey: "on")
        let element = FlowReplyElement(step: stepID, on: day, answers: sent).text
        return try editReceived(share, set: [:], add: ["replies": [element]], by: user)
    }

    /// The steps a recipient may reply with to the notice of received share `share` (none when
    /// it is not a flow's notice, or was withdrawn).
    public func replySteps(toShare share: String) throws -> [StepDefinition] {
        let type = try read { db -> DocumentType? in
            let received = try Self.receivedShare(Self.findReceived(share, in: db))
            return received.withdrawnAt == nil ? received.declaration?.document.type : nil
        }
        guard let type, let flow = Self.flows.first(where: { $0.documents.contains { $0.type == type } }) else { return [] }
        return flow.replies.filter { $0.notice == type }.compactMap { flow.step($0.step)?.definition }
    }

    /// Records each reply new to `header`'s notice and takes its step on the notice's case when
    /// the flow allows it then, as the partners that wrote it; a reply that cannot be taken is
    /// kept with the reason, never lost.
    static func applyReplies(_ view: DocumentView, to header: DocumentHeader, flow: FlowDefinition, edits: PartnerEdits, in db: Database) throws {
        guard !view.isPurged, let elements = view.sets["replies"], !elements.isEmpty,
              let row = try Row.fetchOne(db, sql: "SELECT caseId, reference FROM flowNotice WHERE id = ?", arguments: [header.id]) else { return }
        let known = Set(try String.fetchAll(db, sql: "SELECT element FROM flowReply WHERE noticeId = ?", arguments: [header.id]))
        let from = edits.editors(of: "replies").joined(separator: ", ")
        // In the order they happened: by day, then as written.
        let new = elements.filter { !known.contains($0) }.sorted { a, b in
            (FlowReplyElement(text: a)?.on.description ?? "", a) < (FlowReplyElement(text: b)?.on.description ?? "", b)
        }
        for element in new {
            let outcome: String
            do {
                outcome = try takeReply(element, notice: header.type, caseId: row["caseId"], from: from.isEmpty ? "a partner" : from, flow: flow,
                                        at: edits.at, in: db)
            } catch let error as NodeError {
                outcome = "not taken: \(error.message)"
            } catch let error as ModelError {
                outcome = "not taken: \(error.message)"
            } catch let errors as StepErrors {
                outcome = "not taken: " + errors.problems.map(\.message).joined(separator: "; ")
            }
            try db.execute(sql: "INSERT INTO flowReply (noticeId, element, fromOrganisations, receivedAt, outcome) VALUES (?, ?, ?, ?, ?)",
                           arguments: [header.id, element, from, edits.at, outcome])
            var entry = HistoryEntry(concernId: nil, entity: "case", reference: row["reference"], event: "reply \(outcome)", fromState: nil,
                                     toState: nil, actor: from.isEmpty ? "partner" : from, at: edits.at)
            try entry.insert(db)
        }
    }

    /// Takes the step a reply names on case `caseId`; returns what was done.
    private static func takeReply(_ element: String, notice: DocumentType, caseId: String, from: String, flow: FlowDefinition, at: Date,
                                  in db: Database) throws -> String {
        guard let reply = FlowReplyElement(text: element) else { throw NodeError(.invalidInput, "the reply is not one this node can read") }
        guard flow.reply(to: notice, step: reply.step) != nil, let step = flow.step(reply.step) else {
            throw NodeError(.invalidInput, "'\(reply.step.prefix(40))' is not a reply to a \(notice.rawValue)")
        }
        let values = try StepValues(reply.answers.merging(["on": reply.on.description]) { given, _ in given }, for: step.definition)
        guard var flowCase = try FlowCase.fetchOne(db, key: caseId), let state = flow.state(flowCase.state) else {
            throw NodeError(.notFound, "the notice's case is gone")
        }
        let history = try flowHistory(of: flowCase.id, in: db)
        let target = try FlowRules.target(of: step, flow, state: state, history: history)
        guard reply.on >= flowCase.openedOn else { throw NodeError(.invalidInput, "it is dated \(reply.on), before the case opened") }
        var answers = values.answers
        answers["reply"] = "yes"
        try record(FlowEvent(step: step.id, on: reply.on, answers: answers, from: state.value, to: target.value, by: from, at: at),
                   on: flowCase, seq: history.count + 1, in: db)
        flowCase.state = target.value
        if target.isClosed { flowCase.closedOn = reply.on }
        try flowCase.update(db)
        return "taken: \(step.definition.title.lowercased())"
    }

    /// The replies received to the notices of case `caseId`: the step named, who sent it and what became of it.
    static func flowReplies(ofCase caseId: String, in db: Database) throws -> [FlowCaseDossier.Reply] {
        try Row.fetchAll(db, sql: """
            SELECT n.reference, r.element, r.fromOrganisations, r.outcome FROM flowReply r JOIN flowNotice n ON n.id = r.noticeId
            WHERE n.caseId = ? ORDER BY r.receivedAt, r.rowid
            """, arguments: [caseId]).map { row in
            FlowCaseDossier.Reply(notice: row["reference"], step: FlowReplyElement(text: row["element"])?.step ?? "?", from: row["fromOrganisations"],
                                  outcome: row["outcome"])
        }
    }
}
