import Foundation
import GRDB
import TriangulateModel

extension NodeStore {
    /// The organisations this node knows, by code.
    public func organisations() throws -> [Organisation] {
        try read { try Organisation.order(Column("code")).fetchAll($0) }
    }

    /// Adds a local partner — a council's adult social services, an ICB, a local Healthwatch,
    /// a police force — to the organisations this node knows.
    public func addOrganisation(_ organisation: Organisation, by user: String) throws -> Organisation {
        let name = try Text.required(organisation.name, "organisation's name", hint: "--name")
        return try perform(by: user) { command in
            if try Organisation.fetchOne(command.db, key: organisation.code.rawValue) != nil {
                throw NodeError(.invalidInput, "\(organisation.code) is already known: see `triangulate org list`")
            }
            var added = organisation
            added.name = name
            try added.insert(command.db)
            try command.log(nil, "organisation", added.code.rawValue, "added")
            return added
        }
    }

    /// The agenda template new panels start from.
    public func agendaTemplate() throws -> AgendaTemplate {
        try read(Self.agendaTemplate(in:))
    }

    /// Replaces the agenda template, for example with the official Annex F text.
    public func setAgendaTemplate(_ template: AgendaTemplate, by user: String) throws -> AgendaTemplate {
        let label = try Text.required(template.label, "template's label", hint: "--label")
        let items = template.items.compactMap(Text.optional)
        guard !items.isEmpty else { throw NodeError(.invalidInput, "the template has no items: give one agenda item per line") }
        return try perform(by: user) { command in
            try command.db.execute(sql: "UPDATE agendaTemplate SET label = ?, items = ?",
                                   arguments: [label, String(decoding: try JSONEncoder().encode(items), as: UTF8.self)])
            try command.log(nil, "template", "agenda", "templateReplaced")
            return AgendaTemplate(label: label, items: items)
        }
    }

    static func agendaTemplate(in db: Database) throws -> AgendaTemplate {
        guard let row = try Row.fetchOne(db, sql: "SELECT label, items FROM agendaTemplate") else {
            return .localDefault
        }
        let items = try JSONDecoder().decode([String].self, from: Data((row["items"] as String).utf8))
        return AgendaTemplate(label: row["label"], items: items)
    }

    /// The protocol's five measures and the minimum-data check, over `period`, with overdue
    /// counted on `asOf`.
    public func report(period: ReportPeriod, asOf: LocalDate) throws -> ProtocolReport {
        try read { db in
            let dossiers = try Concern.fetchAll(db).map { try Self.dossier(of: $0, in: db) }
            let external = try Panel.filter(Column("concernId") == nil).fetchAll(db)
            return ProtocolReport(organisation: organisation, period: period, asOf: asOf, dossiers: dossiers,
                                  externalPanels: external)
        }
    }
}
