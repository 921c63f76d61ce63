import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

extension NodeStore {
    /// Shares a record with other organisations: records the share, to be declared to the hub
    /// and sent on the next `sync`. Only the allow-list's fields of the record's shared document
    /// will ever leave the node; personal data only as `identifiable`, with an approval, for a
    /// panel, to that panel's named invitees.
    public func share(_ request: ShareRequest, by user: String) throws -> ShareSummary {
        try perform(by: user) { command in try Self.recordShare(request, command) }
    }

    /// Records `request` as a share in `command`'s transaction: what `share` does, and what the
    /// protocol's own distributions (a panel's record, an outcome) do.
    static func recordShare(_ request: ShareRequest, _ command: Command) throws -> ShareSummary {
        var request = request
        if request.payloadClass == PayloadClass.identifiable.rawValue {
            request.approvedBy = try approver(of: request, acting: command.user, in: command.db)
        }
        let (declaration, concernId, reference) = try declaration(
            for: request, id: (command.newID() as Identifier<ShareDeclarationTag>).description, organisation: command.organisation, in: command.db)
        try command.db.execute(
            sql: "INSERT INTO share (id, documentId, declaration, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [declaration.id, declaration.document.id, try WireJSON.encoder().encode(declaration), command.user, command.at])
        try command.log(concernId, "share", reference, "shared with \(request.to.joined(separator: ","))")
        return ShareSummary(id: declaration.id, declaration: declaration, createdBy: command.user, createdAt: command.at,
                            sentAt: nil, withdrawnAt: nil, withdrawnFrom: [], refusal: nil)
    }

    /// The organisations a live share of document `documentId` already reaches.
    static func liveAudience(of documentId: String, in db: Database) throws -> Set<String> {
        var reached: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM share WHERE documentId = ? AND withdrawnAt IS NULL", arguments: [documentId]) {
            let summary = try shareSummary(row, in: db)
            reached.formUnion(summary.declaration.audience.map(\.organisation).filter { !summary.withdrawnFrom.contains($0) })
        }
        return reached
    }

    /// Exactly what `share` would send for `request`, field by field, and who would see it —
    /// nothing is recorded. The same rules build it: the record's projection, the share's
    /// allow-list, personal data only in an identifiable share.
    public func previewShare(_ request: ShareRequest) throws -> SharePreview {
        try read { db in
            var request = request
            if request.payloadClass == PayloadClass.identifiable.rawValue, request.approvedBy == nil { request.approvedBy = "(approval)" }
            let id = (environment.makeID(at: environment.now()) as Identifier<ShareDeclarationTag>).description
            let (declaration, _, reference) = try Self.declaration(for: request, id: id, organisation: organisation, in: db)
            let header = declaration.document
            guard let process = ProcessRegistry.process(declaring: header.type),
                  let projected = try process.project(header.type, id: header.id, organisation: organisation, in: db) else {
                throw NodeError(.notFound, "\(reference) has nothing this organisation can share")
            }
            let fields = declaration.schema.fields.map { field -> SharePreview.Field in
                let value: String
                switch projected.fields[field.name] {
                case .register(let text)?: value = text ?? ""
                case .set(let elements)?: value = elements.sorted().joined(separator: "; ")
                case nil: value = ""
                }
                return SharePreview.Field(name: field.name, value: value, isPersonal: field.isPersonal, leaves: declaration.allows(field.name))
            }
            return SharePreview(reference: reference, documentType: header.type.rawValue, payloadClass: declaration.payloadClass,
                                fields: fields, audience: declaration.audience)
        }
    }

    /// Who approves an identifiable share: once the node has people, the person acting, whose
    /// role must allow it (never a name typed); before that, the approver the request names.
    private static func approver(of request: ShareRequest, acting user: String, in db: Database) throws -> String? {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person)") == true else { return request.approvedBy }
        let person = try StaffMember.fetchOne(db, sql: "SELECT * FROM person WHERE name = ? AND NOT disabled", arguments: [user])
        guard let person, person.role.allows(.approveIdentifiableShare) else {
            throw NodeError(.notPermitted, "sharing identifiable content needs an approver: \(user) may not approve it")
        }
        return person.name.rawValue
    }

    /// The declaration `request` makes, with its id, checked; and the concern and reference of its record.
    private static func declaration(for request: ShareRequest, id: String, organisation: OrganisationCode,
                                    in db: Database) throws -> (ShareDeclaration, ConcernID?, String) {
        let (header, concernId, reference) = try resolveDocument(request.document, organisation: organisation, in: db)
        var audience: [AudienceMember] = []
        for code in request.to {
            let member = try OrganisationCode(parsing: code)
            try requireKnown(member, in: db)
            audience.append(AudienceMember(organisation: member.rawValue))
        }
        var panelReference: String?
        if let panelText = request.panel {
            let (reference, people) = try namedInvitees(of: panelText, in: db)
            panelReference = reference
            for index in audience.indices {
                audience[index].people = people.filter { $0.organisation == audience[index].organisation }.map(\.recipient)
            }
        }
        let schema = try ProcessRegistry.schema(header.type)
        let identifiable = request.payloadClass == PayloadClass.identifiable.rawValue
        let fields = request.fields.isEmpty
            ? schema.fields.filter { identifiable || !$0.isPersonal }.map(\.name)
            : request.fields
        let declaration = ShareDeclaration(
            id: id, document: header, schema: schema, audience: audience, purpose: request.purpose.trimmingCharacters(in: .whitespaces),
            basis: request.basis.trimmingCharacters(in: .whitespaces), payloadClass: request.payloadClass,
            fields: fields, panel: panelReference, approvedBy: request.approvedBy)
        do {
            try declaration.validate()
        } catch {
            throw NodeError(.invalidInput, error.message)
        }
        return (declaration, concernId, reference)
    }

    /// The people named with their need to know at a panel (`ECP-2026-0001/P1`) or a meeting
    /// (`MTG-2026-0001`): who alone may receive an identifiable share made for it.
    private static func namedInvitees(of text: String, in db: Database) throws -> (String, [(organisation: String, recipient: NamedRecipient)]) {
        if InformationSharingMeetings.definition.reference.matches(text.trimmingCharacters(in: .whitespaces).uppercased()) {
            let meeting = try Lookup.one(Meeting.self, text, noun: "meeting", in: db)
            let people = try MeetingInvitee.filter(Column("meetingId") == meeting.id.description).fetchAll(db).compactMap { invitee in
                invitee.person.map { (invitee.organisation.rawValue, NamedRecipient(name: $0, needToKnow: invitee.needToKnow ?? "")) }
            }
            return (meeting.reference, people)
        }
        let panel = try Lookup.one(Panel.self, text, noun: "panel", in: db)
        return (panel.reference, panel.invitees.map { ($0.org.rawValue, NamedRecipient(name: $0.person, needToKnow: $0.needToKnow)) })
    }

    /// Records a decision not to share a record with some organisations, and why.
    public func declineToShare(_ document: String, with organisations: [String], reason: String, by user: String) throws -> ShareDecision {
        let reason = try Text.required(reason, "reason for not sharing", hint: "--reason")
        return try perform(by: user) { command in
            let (header, concernId, reference) = try Self.resolveDocument(document, organisation: command.organisation, in: command.db)
            for code in organisations { try command.requireKnown(try OrganisationCode(parsing: code)) }
            let decision = ShareDecision(id: (command.newID() as Identifier<ShareDeclarationTag>).description, documentId: header.id,
                                         organisations: organisations, reason: reason, decidedBy: command.user, decidedAt: command.at)
            try command.db.execute(
                sql: "INSERT INTO shareDecision (id, documentId, organisations, reason, decidedBy, decidedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [decision.id, decision.documentId, String(decoding: try JSONEncoder().encode(organisations), as: UTF8.self),
                            reason, command.user, command.at])
            try command.log(concernId, "share", reference, "decided not to share with \(organisations.joined(separator: ","))")
            return decision
        }
    }

    /// Withdraws a share, whole or from some organisations: the hub stops delivering it and the
    /// recipients purge it on their next sync.
    public func withdrawShare(_ id: String, from organisations: [String] = [], reason: String?, by user: String) throws -> ShareSummary {
        try perform(by: user) { command in
            let summary = try Self.shareSummary(Self.findShare(id, in: command.db), in: command.db)
            guard summary.withdrawnAt == nil else { throw NodeError(.invalidInput, "share \(summary.id) is already withdrawn") }
            let audience = Set(summary.declaration.audience.map(\.organisation))
            for code in organisations where !audience.contains(code) {
                throw NodeError(.invalidInput, "\(code) is not in the audience of share \(summary.id): it is shared with \(audience.sorted().joined(separator: ", "))")
            }
            try command.db.execute(
                sql: "INSERT INTO shareWithdrawal (share, organisations, reason, withdrawnBy, withdrawnAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [summary.id, String(decoding: try JSONEncoder().encode(organisations), as: UTF8.self), reason, command.user, command.at])
            if organisations.isEmpty || Set(organisations).union(summary.withdrawnFrom) == audience {
                try command.db.execute(sql: "UPDATE share SET withdrawnAt = ? WHERE id = ?", arguments: [command.at, summary.id])
            }
            try command.log(nil, "share", summary.id, organisations.isEmpty ? "withdrawn" : "withdrawn from \(organisations.joined(separator: ","))")
            return try Self.shareSummary(Self.findShare(summary.id, in: command.db), in: command.db)
        }
    }

    /// Replaces a share the hub refused (an organisation of its audience unknown to the hub, or
    /// not active there) by a new one to the rest of its audience: the refused one is closed
    /// here, having never reached anyone, and the new one goes out on the next sync.
    public func redeclareShare(_ id: String, without organisations: [String], by user: String) throws -> ShareSummary {
        try perform(by: user) { command in
            let old = try Self.shareSummary(Self.findShare(id, in: command.db), in: command.db)
            guard let refusal = old.refusal, refusal.kind == "share" else {
                throw NodeError(.invalidInput, "share \(old.id) was not refused by the hub: to leave an organisation out of it, withdraw it from them (`triangulate share withdraw \(old.id.suffix(12)) --org CODE`)")
            }
            guard old.withdrawnAt == nil else { throw NodeError(.invalidInput, "share \(old.id) was already replaced or withdrawn") }
            let audience = Set(old.declaration.audience.map(\.organisation))
            for code in organisations where !audience.contains(code) {
                throw NodeError(.invalidInput, "\(code) is not in the audience of share \(old.id): it is shared with \(audience.sorted().joined(separator: ", "))")
            }
            var declaration = old.declaration
            declaration.id = (command.newID() as Identifier<ShareDeclarationTag>).description
            declaration.audience = old.declaration.audience.filter { !organisations.contains($0.organisation) }
            guard !declaration.audience.isEmpty else {
                throw NodeError(.invalidInput, "that leaves share \(old.id) with nobody to reach: withdraw it instead (`triangulate share withdraw \(old.id.suffix(12))`)")
            }
            try command.db.execute(
                sql: "INSERT INTO share (id, documentId, declaration, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [declaration.id, declaration.document.id, try WireJSON.encoder().encode(declaration), command.user, command.at])
            // The refused share reached no one: closed here, never pushed again.
            try command.db.execute(sql: "UPDATE share SET withdrawnAt = ?, sentAt = coalesce(sentAt, ?) WHERE id = ?", arguments: [command.at, command.at, old.id])
            try command.db.execute(sql: "DELETE FROM pushRefusal WHERE kind = 'share' AND share = ?", arguments: [old.id])
            try command.log(nil, "share", old.id, "replaced by \(declaration.id) without \(organisations.joined(separator: ","))")
            return ShareSummary(id: declaration.id, declaration: declaration, createdBy: command.user, createdAt: command.at,
                                sentAt: nil, withdrawnAt: nil, withdrawnFrom: [], refusal: nil)
        }
    }

    /// The shares this organisation made, newest first.
    public func listShares() throws -> [ShareSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM share ORDER BY createdAt DESC, id DESC").map { try Self.shareSummary($0, in: db) }
        }
    }

    /// The decisions not to share, newest first.
    public func listShareDecisions() throws -> [ShareDecision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM shareDecision ORDER BY decidedAt DESC").map { row in
                ShareDecision(id: row["id"], documentId: row["documentId"],
                              organisations: try JSONDecoder().decode([String].self, from: Data((row["organisations"] as String).utf8)),
                              reason: row["reason"], decidedBy: row["decidedBy"], decidedAt: row["decidedAt"])
            }
        }
    }

    static func findShare(_ text: String, in db: Database) throws -> Row {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM share WHERE id = ? OR (length(?) >= 6 AND (id LIKE ? OR id LIKE ?)) LIMIT 2",
                                    arguments: [wanted, wanted, wanted + "%", "%" + wanted])
        guard let row = rows.first else { throw NodeError(.notFound, "no share matches '\(text)': list them with `triangulate share list`") }
        guard rows.count == 1 else { throw NodeError(.ambiguous, "'\(text)' matches several shares: give more of the id") }
        return row
    }

    static func shareSummary(_ row: Row, in db: Database) throws -> ShareSummary {
        let declaration = try WireJSON.decoder().decode(ShareDeclaration.self, from: row["declaration"] as Data)
        let withdrawn = try String.fetchAll(db, sql: "SELECT organisations FROM shareWithdrawal WHERE share = ?", arguments: [declaration.id])
            .flatMap { try JSONDecoder().decode([String].self, from: Data($0.utf8)) }
        let refusal = try Row.fetchOne(db, sql: "SELECT * FROM pushRefusal WHERE kind = 'share' AND share = ?", arguments: [declaration.id]).map {
            PushRefusal(kind: $0["kind"], code: $0["code"], reason: $0["reason"], retrying: $0["retrying"], at: $0["at"])
        }
        return ShareSummary(id: declaration.id, declaration: declaration, createdBy: row["createdBy"], createdAt: row["createdAt"],
                            sentAt: row["sentAt"], withdrawnAt: row["withdrawnAt"], withdrawnFrom: Array(Set(withdrawn)).sorted(), refusal: refusal)
    }

    /// The shared document a user names, with its concern and reference for the history.
    static func resolveDocument(_ text: String, organisation: OrganisationCode, in db: Database) throws -> (DocumentHeader, ConcernID?, String) {
        let named = try ProcessRegistry.resolveDocument(text, in: db)
        guard let stored = try SyncLedger.loadHeaderAndState(named.id, in: db), stored.header.owner == organisation.rawValue else {
            throw NodeError(.invalidInput, "\(named.reference) is not a record this organisation can share (a panel convened elsewhere is only noted here)")
        }
        return (stored.header, named.concernId, named.reference)
    }
}

/// The entity tag of share and decision ids.
public enum ShareDeclarationTag {}
