import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

extension NodeStore {
    /// What other organisations have shared with this one, newest first; withdrawn shares
    /// appear as stubs.
    public func listReceived() throws -> [ReceivedShare] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM received ORDER BY receivedAt DESC, share DESC").map(Self.receivedShare) }
    }

    /// A received document as `user` may see it: personal-data fields of an identifiable share
    /// only for the people it names.
    public func receivedDocument(_ share: String, for user: String) throws -> ReceivedDocumentView {
        try read { db in
            let received = try Self.receivedShare(Self.findReceived(share, in: db))
            guard let declaration = received.declaration, received.withdrawnAt == nil,
                  let (header, state) = try SyncLedger.loadHeaderAndState(received.documentId, in: db) else {
                return ReceivedDocumentView(share: received, fields: [:], sets: [:], withheld: [])
            }
            let named = declaration.audience.first { $0.organisation == organisation.rawValue }?.people.map(\.name) ?? []
            let maySee = named.contains { $0.caseInsensitiveCompare(user.trimmingCharacters(in: .whitespaces)) == .orderedSame }
            let schema = try ProcessRegistry.schema(header.type)
            var withheld: Set<String> = []
            var fields: [String: ReceivedDocumentView.FieldView] = [:]
            var sets: [String: [String]] = [:]
            let view = state.view
            for (path, register) in view.registers {
                let name = String(path.prefix { $0 != "/" })
                if schema.field(name)?.isPersonal == true && !maySee { withheld.insert(name); continue }
                fields[path] = .init(value: register.value, conflicts: register.conflicts)
            }
            for (path, elements) in view.sets {
                if schema.field(path)?.isPersonal == true && !maySee { withheld.insert(path); continue }
                sets[path] = elements.sorted()
            }
            return ReceivedDocumentView(share: received, fields: fields, sets: sets, withheld: withheld.sorted())
        }
    }

    /// Co-edits a received document — minutes, attendance, an answer, an action's progress:
    /// only the fields the share allows and the audience may write. The changes go back to the
    /// owner and the rest of the audience on the next sync.
    public func editReceived(_ share: String, set registers: [String: String?], add: [String: [String]] = [:],
                             remove: [String: [String]] = [:], by user: String) throws -> ReceivedDocumentView {
        let edited = try perform(by: user) { command in
            let received = try Self.receivedShare(Self.findReceived(share, in: command.db))
            guard let declaration = received.declaration, received.withdrawnAt == nil,
                  let (header, state) = try SyncLedger.loadHeaderAndState(received.documentId, in: command.db) else {
                throw NodeError(.invalidInput, "share \(received.share) was withdrawn: there is nothing left to edit")
            }
            let schema = try ProcessRegistry.schema(header.type)
            var target: [String: FieldValue] = [:]
            for name in Set(registers.keys).union(add.keys).union(remove.keys) {
                guard let field = schema.field(name) else {
                    throw NodeError(.invalidInput, "a \(header.type.rawValue) has no field '\(name)': its fields are \(schema.fields.map(\.name).joined(separator: ", "))")
                }
                guard declaration.allows(name) else {
                    throw NodeError(.invalidInput, "'\(name)' is not among the fields shared with you (\(declaration.fields.joined(separator: ", ")))")
                }
                guard field.writer == .audience else {
                    throw NodeError(.invalidInput, "only \(header.owner) may write '\(name)'; you may write \(schema.fields.filter { $0.writer == .audience && declaration.allows($0.name) }.map(\.name).joined(separator: ", "))")
                }
                switch field.kind {
                case .register:
                    guard let value = registers[name] else { throw NodeError(.invalidInput, "'\(name)' takes one value: use --set \(name)=VALUE") }
                    target[name] = .register(value)
                case .set:
                    var elements = state.view.sets[name] ?? []
                    elements.formUnion(add[name] ?? [])
                    elements.subtract(remove[name] ?? [])
                    target[name] = .set(elements)
                case .map:
                    throw NodeError(.invalidInput, "'\(name)' is written by its owner only")
                }
            }
            var ledger = try SyncLedger(command.db, organisation: command.organisation)
            try ledger.track(header, target, wall: SyncLedger.wall(command.at), isComplete: false)
            try ledger.finish()
            try command.log(nil, "received", received.share, "edited \(target.keys.sorted().joined(separator: ","))")
            return received
        }
        return try receivedDocument(edited.share, for: user)
    }

    static func findReceived(_ text: String, in db: Database) throws -> Row {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM received WHERE share = ? OR documentId = ? OR (length(?) >= 6 AND (share LIKE ? OR share LIKE ?)) LIMIT 2",
            arguments: [wanted, wanted, wanted, wanted + "%", "%" + wanted])
        guard let row = rows.first else { throw NodeError(.notFound, "nothing received matches '\(text)': list it with `triangulate received`") }
        guard rows.count == 1 else { throw NodeError(.ambiguous, "'\(text)' matches several received shares: give more of the id") }
        return row
    }

    static func receivedShare(_ row: Row) throws -> ReceivedShare {
        ReceivedShare(
            share: row["share"], documentId: row["documentId"], owner: row["owner"],
            declaration: try (row["declaration"] as Data?).map { try WireJSON.decoder().decode(ShareDeclaration.self, from: $0) },
            receivedAt: row["receivedAt"], withdrawnBy: row["withdrawnBy"], withdrawnAt: row["withdrawnAt"],
            withdrawalReason: row["withdrawalReason"], purgedAt: row["purgedAt"])
    }
}
