import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// How an ECP record becomes a shareable document: the fields of its schema, as text.
/// Everything else in the record — sources, raw notes, who typed it — is never projected.
enum EmergingConcernsProjection {
    /// The document a local record projects to, or `nil` when the record is gone or is not this
    /// organisation's to share (a panel convened elsewhere and only noted here).
    static func project(
        _ type: DocumentType, id: String, organisation: OrganisationCode, in db: Database
    ) throws -> ProjectedDocument? {
        let header = DocumentHeader(id: id, type: type, owner: organisation.rawValue)
        switch type {
        case .concernSummary:
            guard let concern = try Concern.fetchOne(db, key: id) else { return nil }
            let flagged = try SafeguardingFlag.filter(Column("concernId") == id).fetchCount(db) > 0
            return (header, [
                "reference": .register(concern.reference),
                "category": .register(concern.category.rawValue),
                "setting": .register(concern.setting.rawValue),
                "title": .register(concern.title),
                "summary": .register(concern.summary),
                "identifiedOn": .register(concern.identifiedOn.description),
                "state": .register(concern.state.rawValue),
                "safeguarding": .register(flagged ? "raised" : nil),
                "subjects": .set(Set(concern.subjects.map(subjectText))),
                "services": .set(try services(of: concern, in: db)),
            ])
        case .informationRequest:
            guard let request = try InformationRequest.fetchOne(db, key: id) else { return nil }
            return (header, [
                "reference": .register(request.reference),
                "concern": .register(request.concernId.description),
                "direction": .register(request.direction.rawValue),
                "counterpart": .register(request.counterpart.rawValue),
                "question": .register(request.question),
                "requestedOn": .register(request.requestedOn.description),
                "dueBy": .register(request.dueBy?.description),
                "legalGateway": .register(request.legalGateway),
                "state": .register(request.state.rawValue),
                "answerSummary": .register(request.answerSummary),
                "answerPayloadClass": .register(request.answerPayloadClass?.rawValue),
                "respondedOn": .register(request.respondedOn?.description),
                "declineReason": .register(request.declineReason),
            ])
        case .panel:
            guard let panel = try Panel.fetchOne(db, key: id), panel.convenedBy == organisation else { return nil }
            var fields: [String: FieldValue] = [
                "reference": .register(panel.reference),
                "concern": .register(panel.concernId?.description),
                "convenedBy": .register(panel.convenedBy.rawValue),
                "chair": .register(panel.chair),
                "meetsOn": .register(panel.meetsOn?.description),
                "format": .register(panel.format?.rawValue),
                "agenda": .register(agendaText(panel.agenda)),
                "attendance": .set(Set(panel.invitees.filter { $0.attendance == .attended }.map(inviteeKey))),
                "minutes": .register(panel.minutes),
                "minutesAgreedOn": .register(panel.minutesAgreedOn?.description),
                "state": .register(panel.state.rawValue),
            ]
            for invitee in panel.invitees {
                let key = inviteeKey(invitee)
                fields["invitees/\(key)/org"] = .register(invitee.org.rawValue)
                fields["invitees/\(key)/person"] = .register(invitee.person)
                fields["invitees/\(key)/role"] = .register(invitee.role)
                fields["invitees/\(key)/needToKnow"] = .register(invitee.needToKnow)
            }
            return (header, fields)
        case .action:
            guard let action = try Action.fetchOne(db, key: id) else { return nil }
            return (header, [
                "reference": .register(action.reference),
                "concern": .register(action.concernId.description),
                "panel": .register(action.panelId?.description),
                "ownerOrg": .register(action.ownerOrg.rawValue),
                "owner": .register(action.owner),
                "summary": .register(action.summary),
                "dueBy": .register(action.dueBy.description),
                "state": .register(action.state.rawValue),
                "completedOn": .register(action.completedOn?.description),
                "evidence": .register(action.evidence),
            ])
        case .outcome:
            guard let outcome = try Outcome.fetchOne(db, key: id) else { return nil }
            return (header, [
                "concern": .register(outcome.concernId.description),
                "type": .register(outcome.type.rawValue),
                "summary": .register(outcome.summary),
                "decidedOn": .register(outcome.decidedOn.description),
            ])
        case .learningReview:
            guard let review = try LearningReview.fetchOne(db, key: id) else { return nil }
            return (header, [
                "concern": .register(review.concernId.description),
                "reviewedOn": .register(review.reviewedOn.description),
                "wentWell": .register(review.wentWell),
                "doDifferently": .register(review.doDifferently),
                "lessons": .register(review.lessons),
            ])
        case .forumRecord:
            guard let concernId = try String.fetchOne(db, sql: "SELECT concernId FROM forumRecord WHERE id = ?", arguments: [id]),
                  let concern = try Concern.fetchOne(db, key: concernId) else { return nil }
            return (header, try forumRecordFields(of: concern, organisation: organisation, in: db))
        default:
            return nil
        }
    }

    /// What the Forum secretariat receives of `concern`: its reference, this organisation, the
    /// category and day, the latest panel decision, the panels held, the outcome and the actions
    /// by state. Never a name, the minutes or the concern's text.
    static func forumRecordFields(of concern: Concern, organisation: OrganisationCode, in db: Database) throws -> [String: FieldValue] {
        let concernId = concern.id.description
        let decision = try PanelDecision.filter(Column("concernId") == concernId).order(Column("decidedOn").desc, Column("recordedAt").desc).fetchOne(db)
        let held = try Panel.filter(Column("concernId") == concernId).fetchAll(db).filter(\.state.hasMet)
        let outcome = try Outcome.filter(Column("concernId") == concernId).order(Column("recordedAt").desc).fetchOne(db)
        let actions = try Action.filter(Column("concernId") == concernId).fetchAll(db)
        let states = Dictionary(grouping: actions, by: \.state).map { ForumRecord.actionElement($0.key, $0.value.count) }
        return [
            "reference": .register(concern.reference),
            "convenedBy": .register(organisation.rawValue),
            "category": .register(concern.category.rawValue),
            "identifiedOn": .register(concern.identifiedOn.description),
            "panelDecision": .register(decision.map { $0.callPanel ? ForumRecord.called : ForumRecord.notCalled }),
            "panelDecidedOn": .register(decision?.decidedOn.description),
            "panelsHeld": .register(String(held.count)),
            "firstPanelOn": .register(held.compactMap(\.meetsOn).min()?.description),
            "outcome": .register(outcome?.type.rawValue),
            "outcomeOn": .register(outcome?.decidedOn.description),
            "actions": .register(String(actions.count)),
            "actionStates": .set(Set(states)),
        ]
    }

    /// A concern's providers and locations, and the provider running each location on the day
    /// the concern named it: organisations only, which may leave at the metadata class.
    static func services(of concern: Concern, in db: Database) throws -> Set<String> {
        var services = Set(concern.subjects.filter { ServiceSnapshot.service(of: $0) != nil }.map(subjectText))
        let runners = try Row.fetchAll(db, sql: """
            SELECT providerId, providerName FROM caseService WHERE caseId = ? AND kind = 'location' AND providerId IS NOT NULL
            """, arguments: [concern.id.description])
        for row in runners { services.insert("provider:\(row["providerId"] as String):\(row["providerName"] as String? ?? "")") }
        return services
    }

    /// The key of an invitee in a panel's `invitees` map and `attendance` set: organisation and
    /// person, with the path separator taken out.
    static func inviteeKey(_ invitee: Invitee) -> String {
        "\(invitee.org.rawValue):\(invitee.person)".replacingOccurrences(of: "/", with: "-")
    }

    /// A panel's agenda as one register: its items as a JSON array.
    static func agendaText(_ items: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(items)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// A subject in the form the command line reads, e.g. `location:1-134558905:Oaktrees`.
    static func subjectText(_ subject: Subject) -> String {
        switch subject {
        case .provider(let id, let name): "provider:\(id?.rawValue ?? ""):\(name)"
        case .location(let id, let name): "location:\(id.rawValue):\(name)"
        case .professional(let regulator, let registration, let name): "professional:\(regulator.rawValue):\(registration):\(name)"
        case .other(let name): "other:\(name)"
        }
    }
}
