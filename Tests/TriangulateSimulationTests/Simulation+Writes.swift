import Foundation
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// What the caseworkers did, as the simulation saw it: the truth the stores are checked against.
struct SimulationTruth {
    /// A panel: its owner and reference.
    struct Panel {
        let owner: String
        let reference: String
    }

    /// The panels, by document id.
    var panels: [String: Panel] = [:]
    /// Every agenda written, by document id: its unique marker and who wrote it.
    var agendas: [String: [(marker: String, writer: String)]] = [:]
    /// The organisations each panel's agenda was ever shared with, by document id.
    var agendaSharedWith: [String: Set<String>] = [:]
    /// The organisations ever withdrawn from one of a panel's shares, by document id.
    var withdrawnFrom: [String: Set<String>] = [:]
    var written = 0

    /// The document an agenda marker was written into, and its writer.
    func origin(of marker: String) -> (document: String, writer: String)? {
        for (document, list) in agendas {
            if let write = list.first(where: { $0.marker == marker }) { return (document, write.writer) }
        }
        return nil
    }
}

extension Simulation {
    /// The fields a share of a panel may carry, none of them personal.
    static let panelFields = ["reference", "agenda", "state", "meetsOn"]

    /// A caseworker at `node` does something, between any two of its node's requests: opens a
    /// panel, shares one, rewrites an agenda, co-edits the agenda of a panel shared with it, or
    /// withdraws a share. Every one must be taken: a refusal is a violation.
    func write(by node: SimulatedNode) {
        do {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<14: try newPanel(node)
            case 14..<38: try sharePanel(node)
            case 38..<60: try rewriteAgenda(node)
            case 60..<84: try coEdit(node)
            default: try withdraw(node)
            }
        } catch let error as NodeError {
            violation("\(node.code)'s caseworker was refused: \(error.code) \(error.message)")
        } catch {
            violation("\(node.code)'s caseworker met \(error)")
        }
    }

    private func marker() -> String {
        truth.written += 1
        return "AGENDA-\(seed)-\(truth.written)-\(UInt32.random(in: .min ... .max, using: &random))"
    }

    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private func newPanel(_ node: SimulatedNode) throws {
        let store = node.store
        let concern = try store.addConcern(NewConcern(category: .systems, setting: .nursingHome, title: "Concern", summary: "Account",
                                                      identifiedOn: try day("2026-03-02"), source: Source(type: .complaint), subjects: []),
                                           by: "simulator").concern
        _ = try store.evaluate(concern.reference, EvaluationInput(on: try day("2026-03-03"), decision: .trigger), by: "simulator")
        guard let panel = try store.decidePanel(concern.reference, call: true, on: try day("2026-03-04"), rationale: "r", by: "simulator").panel else {
            return violation("\(node.code): a panel was called but none was made")
        }
        _ = try store.convenePanel(panel.reference, chair: "Chair", on: try day("2026-03-20"), format: nil, by: "simulator")
        let id = panel.id.description
        truth.panels[id] = .init(owner: node.code, reference: panel.reference)
        let text = marker()
        _ = try store.setAgenda([text], for: panel.reference, by: "simulator")
        truth.agendas[id, default: []].append((text, node.code))
        note("\(node.code) opens panel \(panel.reference)")
    }

    private func ownPanel(of node: SimulatedNode) -> (id: String, panel: SimulationTruth.Panel)? {
        truth.panels.filter { $0.value.owner == node.code }.sorted { $0.key < $1.key }.randomElement(using: &random).map { ($0.key, $0.value) }
    }

    private func sharePanel(_ node: SimulatedNode) throws {
        guard let (id, panel) = ownPanel(of: node) else { return try newPanel(node) }
        var audience = nodes.map(\.code).filter { $0 != node.code && Bool.random(using: &random) }
        if audience.isEmpty { audience = [nodes.map(\.code).filter { $0 != node.code }.randomElement(using: &random)!] }
        var fields = Self.panelFields.filter { _ in Bool.random(using: &random) }
        if fields.isEmpty { fields = ["agenda"] }
        let summary = try node.store.share(ShareRequest(document: panel.reference, to: audience, purpose: "Panel", basis: "ECP 2021",
                                                        fields: fields, payloadClass: "metadata"), by: "simulator")
        if summary.declaration.fields.contains("agenda") { truth.agendaSharedWith[id, default: []].formUnion(audience) }
        note("\(node.code) shares \(panel.reference) (\(fields.joined(separator: ","))) with \(audience.joined(separator: ","))")
    }

    private func rewriteAgenda(_ node: SimulatedNode) throws {
        guard let (id, panel) = ownPanel(of: node) else { return try newPanel(node) }
        let text = marker()
        _ = try node.store.setAgenda([text], for: panel.reference, by: "simulator")
        truth.agendas[id, default: []].append((text, node.code))
        note("\(node.code) rewrites \(panel.reference)'s agenda")
    }

    /// The organisation co-edits the agenda of a panel shared with it, as the minutes are.
    private func coEdit(_ node: SimulatedNode) throws {
        let editable = try node.store.listReceived().filter { received in
            received.withdrawnAt == nil && received.declaration?.fields.contains("agenda") == true
        }
        guard let received = editable.sorted(by: { $0.share < $1.share }).randomElement(using: &random) else { return }
        // Only a document that has arrived can be edited; a share whose changes are still on the way cannot.
        guard try node.store.sharedDocument(received.documentId) != nil else { return }
        let text = marker()
        _ = try node.store.editReceived(received.share, set: ["agenda": "[\"\(text)\"]"], by: "simulator")
        truth.agendas[received.documentId, default: []].append((text, node.code))
        note("\(node.code) co-edits the agenda of \(received.share.suffix(6))")
    }

    /// Each owner whose panel's agenda shows a conflict — partners' concurrent edits, which it
    /// does not adopt on its own — resolves it with a new agenda, as a person would. Returns the
    /// nodes that wrote.
    func resolveConflicts() throws -> [SimulatedNode] {
        var resolved: [SimulatedNode] = []
        for (id, panel) in truth.panels.sorted(by: { $0.key < $1.key }) {
            guard let owner = nodes.first(where: { $0.code == panel.owner }),
                  try owner.store.sharedDocument(id)?.view.registers["agenda"]?.conflicts.isEmpty == false else { continue }
            let text = marker()
            _ = try owner.store.setAgenda([text], for: panel.reference, by: "simulator")
            truth.agendas[id, default: []].append((text, owner.code))
            note("\(owner.code) resolves the conflicting agenda of \(panel.reference)")
            count("conflict resolved")
            if !resolved.contains(where: { $0 === owner }) { resolved.append(owner) }
        }
        return resolved
    }

    private func withdraw(_ node: SimulatedNode) throws {
        guard let summary = try node.store.listShares().filter({ $0.withdrawnAt == nil }).sorted(by: { $0.id < $1.id })
            .randomElement(using: &random) else { return }
        let members = summary.declaration.audience.map(\.organisation).filter { !summary.withdrawnFrom.contains($0) }
        let some = members.filter { _ in Bool.random(using: &random) }
        let whole = some.isEmpty || some.count == members.count
        _ = try node.store.withdrawShare(summary.id, from: whole ? [] : some, reason: "r", by: "simulator")
        truth.withdrawnFrom[summary.declaration.document.id, default: []].formUnion(whole ? members : some)
        note("\(node.code) withdraws \(summary.id.suffix(6)) from \(whole ? "everyone" : some.joined(separator: ","))")
    }
}
