import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TriangulateHub
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol
import TriangulateSync

extension Simulation {
    /// The agenda markers in a text or a file's bytes.
    static func markers(in bytes: Data, seed: UInt64) -> Set<String> {
        let prefix = Array("AGENDA-\(seed)-".utf8)
        var found: Set<String> = []
        bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset + prefix.count <= buffer.count, let hit = memchr(base + offset, Int32(prefix[0]), buffer.count - offset) {
                let start = base.distance(to: UnsafeRawPointer(hit))
                guard start + prefix.count <= buffer.count, memcmp(base + start, prefix, prefix.count) == 0 else {
                    offset = start + 1
                    continue
                }
                var end = start + prefix.count
                var dashes = 0
                while end < buffer.count, buffer[end] == UInt8(ascii: "-") || (48...57).contains(buffer[end]) {
                    if buffer[end] == UInt8(ascii: "-") { dashes += 1 }
                    end += 1
                }
                if dashes == 1 { found.insert(String(decoding: buffer[start..<end], as: UTF8.self)) }
                offset = start + prefix.count
            }
        }
        return found
    }

    /// After each sync, what the node holds of others' panels: only agendas shared with it.
    func checkHoldings(of node: SimulatedNode) {
        do {
            for header in try node.store.sharedDocuments() where header.owner != node.code {
                guard let view = try node.store.sharedDocument(header.id)?.view, let agenda = view.registers["agenda"] else { continue }
                let text = ([agenda.value] + agenda.conflicts).compactMap { $0 }.joined(separator: " ")
                for marker in Self.markers(in: Data(text.utf8), seed: seed) {
                    guard let origin = truth.origin(of: marker), origin.document == header.id else {
                        return violation("\(node.code) holds, in \(header.owner)'s panel \(header.id), an agenda written into another document: \(marker)")
                    }
                    guard origin.writer == node.code || truth.agendaSharedWith[header.id, default: []].contains(node.code) else {
                        return violation("LEAK: \(node.code) holds \(header.owner)'s agenda \(marker), never shared with it")
                    }
                }
            }
        } catch {
            violation("\(node.code)'s store could not be read: \(error)")
        }
    }

    /// Once healed: the audit log verifies and agrees with the owners' declarations; every node
    /// holds exactly the shares its owners left it, with the same content; no acknowledged write
    /// is lost; and no node's files hold an agenda it should not — purged ones included.
    func checkFinalInvariants() async {
        do {
            let report = try await AuditVerifier(store: hub.store).verify()
            guard report.ok else { return violation("the audit log does not verify: \(report.problem ?? "")") }
            let declared = try declarations()
            try await checkAuditLog(against: declared)
            guard violations.isEmpty else { return }
            for node in nodes {
                try checkReceived(by: node, declared: declared)
                guard violations.isEmpty else { return }
            }
            for (document, panel) in truth.panels.sorted(by: { $0.key < $1.key }) {
                try checkConvergence(of: document, panel)
                guard violations.isEmpty else { return }
            }
            for node in nodes {
                try checkFiles(of: node)
                guard violations.isEmpty else { return }
            }
        } catch {
            violation("the final checks could not read a store: \(error)")
        }
    }

    /// Every share each owner's node made, by id, with who it still reaches.
    private func declarations() throws -> [String: (declaration: ShareDeclaration, live: Set<String>)] {
        var declared: [String: (ShareDeclaration, Set<String>)] = [:]
        for node in nodes {
            for share in try node.store.listShares() {
                if let refusal = share.refusal, !refusal.retrying {
                    violation("the hub refused \(node.code)'s honest share \(share.id): \(refusal.code) \(refusal.reason)")
                }
                let audience = Set(share.declaration.audience.map(\.organisation))
                declared[share.id] = (share.declaration, share.withdrawnAt == nil ? audience.subtracting(share.withdrawnFrom) : [])
            }
        }
        return declared
    }

    /// The log's record of deliveries against the owners' declarations: a share accepted as its
    /// owner declared it, and nothing of it delivered to anyone outside its audience (and its
    /// owner, who gets the audience's co-edits), or to anyone after they were withdrawn from it.
    private func checkAuditLog(against declared: [String: (declaration: ShareDeclaration, live: Set<String>)]) async throws {
        var accepted: [String: Set<String>] = [:]
        var withdrawn: Set<String> = []
        var index: UInt64 = 0
        while true {
            let entries = try await hub.store.auditEntries(from: index, limit: 5_000)
            for stored in entries {
                let entry = try AuditEntry(decoding: stored.entry)
                switch entry.event {
                case "share-accepted":
                    guard let share = entry.share, let owners = declared[share] else {
                        return violation("the log accepted share \(entry.share ?? "?"), which no owner declared")
                    }
                    let audience = Set((entry.detail?["audience"] ?? "").split(separator: ",").map(String.init))
                    guard audience == Set(owners.declaration.audience.map(\.organisation)), entry.actor == owners.declaration.document.owner else {
                        return violation("the log accepted share \(share) for \(audience.sorted()) from \(entry.actor), not as its owner declared it")
                    }
                    accepted[share] = audience.union([entry.actor])  // the owner gets its co-editors' changes
                case "withdrawn":
                    if let share = entry.share, let subject = entry.subject { withdrawn.insert("\(share)/\(subject)") }
                case "delivered" where ["share", "batch"].contains(entry.detail?["kind"] ?? ""):
                    guard let share = entry.share, let subject = entry.subject else { continue }
                    guard accepted[share]?.contains(subject) == true else {
                        return violation("the log delivered share \(share) to \(subject), outside the audience it was accepted for")
                    }
                    guard !withdrawn.contains("\(share)/\(subject)") else {
                        return violation("the log delivered share \(share) to \(subject) after \(subject) was withdrawn from it")
                    }
                default:
                    break
                }
            }
            index += UInt64(entries.count)
            if entries.count < 5_000 { return }
        }
    }

    /// A node holds, live, exactly the shares whose owners still address it, as declared.
    private func checkReceived(by node: SimulatedNode, declared: [String: (declaration: ShareDeclaration, live: Set<String>)]) throws {
        let received = Dictionary(try node.store.listReceived().map { ($0.share, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, share) in declared.sorted(by: { $0.key < $1.key }) where share.declaration.document.owner != node.code {
            let held = received[id]
            if share.live.contains(node.code) {
                guard let held, held.withdrawnAt == nil, held.declaration == share.declaration else {
                    return violation("\(node.code) does not hold share \(id) of \(share.declaration.document.owner), which still addresses it")
                }
            } else if let held, held.withdrawnAt == nil {
                return violation("\(node.code) still holds share \(id), from which \(share.declaration.document.owner) withdrew it")
            }
        }
        for (id, held) in received where held.withdrawnAt == nil && declared[id] == nil {
            return violation("\(node.code) holds share \(id), which no owner declared")
        }
    }

    /// The fields of `document` that `node` holds live shares of.
    private func liveFields(of document: String, at node: SimulatedNode) throws -> Set<String> {
        Set(try node.store.listReceived().filter { $0.documentId == document && $0.withdrawnAt == nil }.flatMap { $0.declaration?.fields ?? [] })
    }

    /// Every node a panel is shared with holds the owner's values of the fields shared — the
    /// owner's agenda being the latest write that had to arrive — and a node it is no longer
    /// shared with holds nothing of it.
    private func checkConvergence(of document: String, _ panel: SimulationTruth.Panel) throws {
        guard let owner = nodes.first(where: { $0.code == panel.owner }), let ownView = try owner.store.sharedDocument(document)?.view else {
            return violation("\(panel.owner) lost its own panel \(panel.reference)")
        }
        try checkNoWriteLost(in: document, owner: owner, view: ownView)
        for node in nodes where node.code != panel.owner {
            let fields = try liveFields(of: document, at: node)
            let held = try node.store.sharedDocument(document)?.view
            guard !fields.isEmpty else {
                if held != nil { violation("\(node.code) still holds \(panel.owner)'s panel \(panel.reference), no longer shared with it") }
                continue
            }
            guard let held else { return violation("\(node.code) holds nothing of \(panel.owner)'s panel \(panel.reference), shared with it") }
            func base(_ path: String) -> String { String(path.prefix { $0 != "/" }) }
            let expected = (ownView.registers.filter { fields.contains(base($0.key)) }, ownView.sets.filter { fields.contains(base($0.key)) })
            let actual = (held.registers.filter { fields.contains(base($0.key)) }, held.sets.filter { fields.contains(base($0.key)) })
            guard expected.0 == actual.0, expected.1 == actual.1 else {
                return violation("\(node.code)'s copy of \(panel.owner)'s panel \(panel.reference) (\(fields.sorted())) differs: \(actual.0) against \(expected.0)")
            }
        }
    }

    /// The owner still has every agenda it wrote, and its agenda is the latest written by anyone
    /// whose write had to arrive (itself, and co-editors never withdrawn) — or a later one by a
    /// co-editor withdrawn since, whose write may or may not have made it.
    private func checkNoWriteLost(in document: String, owner: SimulatedNode, view: DocumentView) throws {
        let writes = truth.agendas[document] ?? []
        func agendaWrites(of node: SimulatedNode) throws -> [(stamp: HybridTimestamp, text: String)] {
            try node.store.ownChanges().changes.compactMap { change in
                guard change.document == document, change.field == "agenda", case .assign(let value?, _) = change.operation else { return nil }
                return (change.stamp, value)
            }
        }
        let ownWrites = try agendaWrites(of: owner)
        for write in writes where write.writer == owner.code && !ownWrites.contains(where: { $0.text.contains(write.marker) }) {
            return violation("\(owner.code) lost its own agenda write \(write.marker) of panel \(document)")
        }
        var mustArrive = ownWrites
        for node in nodes where node.code != owner.code && !truth.withdrawnFrom[document, default: []].contains(node.code) {
            mustArrive += try agendaWrites(of: node)
        }
        guard let latest = mustArrive.max(by: { $0.stamp < $1.stamp }) else { return }
        let value = view.registers["agenda"]?.value ?? ""
        if value == latest.text { return }
        let mayWin = writes.filter { truth.withdrawnFrom[document, default: []].contains($0.writer) }.map(\.marker)
        guard mayWin.contains(where: { value.contains($0) }) else {
            return violation("\(owner.code)'s panel \(document) has agenda \(value), but the latest write that had to arrive is \(latest.text) (\(latest.stamp))")
        }
    }

    /// In a node's files — the store and its write-ahead log — no agenda of another's panel that
    /// is not shared with it now: never shared, or purged when withdrawn.
    private func checkFiles(of node: SimulatedNode) throws {
        var bytes = Data()
        for suffix in ["", "-wal"] { bytes.append(FileManager.default.contents(atPath: node.path + suffix) ?? Data()) }
        var liveAgendas: [String: Bool] = [:]
        for marker in Self.markers(in: bytes, seed: seed).sorted() {
            guard let origin = truth.origin(of: marker) else { return violation("\(node.code)'s files hold an agenda nobody wrote: \(marker)") }
            guard let panel = truth.panels[origin.document], panel.owner != node.code else { continue }
            if liveAgendas[origin.document] == nil { liveAgendas[origin.document] = try liveFields(of: origin.document, at: node).contains("agenda") }
            guard liveAgendas[origin.document] == true else {
                let wasShared = truth.agendaSharedWith[origin.document, default: []].contains(node.code) || origin.writer == node.code
                return violation("\(wasShared ? "PURGE" : "LEAK"): \(node.code)'s files hold \(panel.owner)'s agenda \(marker) (written by \(origin.writer)), not shared with it now")
            }
        }
    }
}
