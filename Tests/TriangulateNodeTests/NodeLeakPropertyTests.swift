import Foundation
import GRDB
import Testing
import TriangulateHub
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol
import TriangulateSync

/// Nothing reaches anyone outside the audience the real owner declared — checked in the bytes
/// of every node's store. Each scenario runs three to five real node stores (SQLite files)
/// against one hub; the nodes share panels, rewrite their agendas (a field the audience may
/// co-edit, as the minutes are), withdraw and sync, through the node's own push and pull code
/// with the hub in the same process. Some organisations are dishonest: besides what their node
/// does, they send any request their key can sign — a panel they were sent declared as their
/// own to whomever they like, declarations in another's name, others' batches replayed into
/// other shares, withdrawals of others' shares. At the end every agenda marker in a node's
/// files must be its own or one of a panel whose owner once shared the agenda with it.
///
/// `TRIANGULATE_NODE_LEAK_SCENARIOS=N` resizes the run (default 60); `TRIANGULATE_NODE_LEAK_SEED=S`
/// replays one.
@Suite("Need-to-know in the nodes' files, with dishonest partners")
struct NodeLeakPropertyTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["TRIANGULATE_NODE_LEAK_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["TRIANGULATE_NODE_LEAK_SCENARIOS"].flatMap(UInt64.init) ?? 60
        return (0..<count).map { 0x0DE5_0000 + $0 }
    }

    @Test func noMarkerOutsideTheOwnersAudience() async throws {
        var failures: [String] = []
        for seed in Self.seeds {
            let scenario = try await NodeScenario(seed: seed)
            defer { scenario.remove() }
            if let failure = try await scenario.run() {
                failures.append("seed \(seed): \(failure)")
                if failures.count == 3 { break }
            }
        }
        #expect(failures.isEmpty, "replay with TRIANGULATE_NODE_LEAK_SEED=…: \(failures)")
    }
}

/// One scenario: the hub, the nodes, and what each owner allowed.
private final class NodeScenario {
    var random: SeededGenerator
    let hub: Hub
    let directory: URL
    let organisations: [String]
    let dishonest: Set<String>
    var stores: [String: NodeStore] = [:]
    var keys: [String: NodeSigningKey] = [:]
    /// Each panel's owner, document header and reference, by document id.
    var panels: [String: (owner: String, header: DocumentHeader, reference: String)] = [:]
    /// The agenda markers written into each panel, by document id.
    var markers: [String: [String]] = [:]
    /// The organisations each panel's agenda was ever shared with by its owner, by document id.
    var allowed: [String: Set<String>] = [:]
    /// Batches each organisation pulled, to replay; shares each declared, by share id.
    var pulled: [String: [SignedBatch]] = [:]
    var shares: [String: ShareDeclaration] = [:]
    var counter = 0
    /// Items of attacks the hub accepted: none, while it holds to the rules.
    var accepted = 0

    init(seed: UInt64) async throws {
        random = SeededGenerator(seed: seed)
        hub = Hub(store: try SQLiteHubStore.inMemory())
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-node-leak-\(seed)-\(UUID().uuidString.prefix(8))")
        let all = ["CQC", "NMC", "GMC", "HCPC", "LGSCO"]
        organisations = Array(all.prefix(Int.random(in: 3...5, using: &random)))
        // One dishonest organisation at least, sometimes more.
        var generator = random
        let first = organisations.randomElement(using: &generator)!
        dishonest = Set([first] + organisations.filter { _ in Int.random(in: 0..<4, using: &generator) == 0 })
        random = generator
        for code in organisations {
            let store = try NodeStore.create(at: directory.appendingPathComponent("\(code).sqlite").path,
                                             organisation: try OrganisationCode(parsing: code), by: "tester")
            let token = try await hub.addOrganisation(code: code, name: code, role: "signatory")
            let key = try store.signingKey()
            _ = try await hub.enrol(try EnrolmentRequest(token: token, key: key))
            try store.recordEnrolment(url: "http://127.0.0.1:1", hubKey: hub.store.hubKey.base64, key: key, by: "tester")
            stores[code] = store
            keys[code] = key
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func run() async throws -> String? {
        for _ in 0..<Int.random(in: 15...40, using: &random) {
            let actor = organisations.randomElement(using: &random)!
            if dishonest.contains(actor), Bool.random(using: &random) {
                try await attack(by: actor)
                continue
            }
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<20: try newPanel(by: actor)
            case 20..<40: try sharePanel(by: actor)
            case 40..<55: try rewriteAgenda(by: actor)
            case 55..<62: try withdraw(by: actor)
            default: try await sync(actor)
            }
        }
        for _ in 0..<2 { for code in organisations { try await sync(code) } }
        guard accepted == 0 else { return "the hub accepted \(accepted) items of the dishonest organisations' attacks" }
        for code in organisations {
            let bytes = ["", "-wal"].reduce(into: Data()) { $0.append(FileManager.default.contents(atPath: stores[code]!.path + $1) ?? Data()) }
            for (document, list) in markers where panels[document]!.owner != code {
                for marker in list where bytes.range(of: Data(marker.utf8)) != nil {
                    guard allowed[document, default: []].contains(code) else {
                        return "LEAK: \(code)'s file holds \(panels[document]!.owner)'s agenda marker \(marker), never shared with it (dishonest: \(dishonest.sorted()))"
                    }
                }
            }
        }
        return nil
    }

    func marker() -> String {
        counter += 1
        return "AGENDA-\(counter)-\(UInt32.random(in: .min ... .max, using: &random))"
    }

    func newPanel(by owner: String) throws {
        let store = stores[owner]!
        let concern = try store.addConcern(NewConcern(category: .systems, setting: .nursingHome, title: "Concern", summary: "Account",
                                                      identifiedOn: day("2026-03-02"), source: Source(type: .complaint), subjects: []), by: "tester").concern
        _ = try store.evaluate(concern.reference, EvaluationInput(on: day("2026-03-03"), decision: .trigger), by: "tester")
        let panel = try #require(try store.decidePanel(concern.reference, call: true, on: day("2026-03-04"), rationale: "r", by: "tester").panel)
        _ = try store.convenePanel(panel.reference, chair: "Chair", on: day("2026-03-20"), format: nil, by: "tester")
        let header = try #require(try store.sharedDocument(panel.id.description)).header
        panels[header.id] = (owner, header, panel.reference)
        let text = marker()
        _ = try store.setAgenda([text], for: panel.reference, by: "tester")
        markers[header.id, default: []].append(text)
    }

    func ownPanel(of owner: String) -> (id: String, reference: String)? {
        panels.filter { $0.value.owner == owner }.sorted { $0.key < $1.key }.randomElement(using: &random).map { ($0.key, $0.value.reference) }
    }

    func sharePanel(by owner: String) throws {
        guard let (document, reference) = ownPanel(of: owner) else { return }
        let audience = organisations.filter { $0 != owner && Bool.random(using: &random) }
        guard !audience.isEmpty else { return }
        let fields = ["reference", "agenda", "state", "meetsOn"].filter { _ in Bool.random(using: &random) }
        let summary = try stores[owner]!.share(ShareRequest(document: reference, to: audience, purpose: "Panel", basis: "ECP 2021",
                                                            fields: fields.isEmpty ? ["agenda"] : fields, payloadClass: "metadata"), by: "tester")
        shares[summary.id] = summary.declaration
        if summary.declaration.fields.contains("agenda") { allowed[document, default: []].formUnion(audience) }
    }

    func rewriteAgenda(by owner: String) throws {
        guard let (document, reference) = ownPanel(of: owner) else { return }
        let text = marker()
        _ = try stores[owner]!.setAgenda([text], for: reference, by: "tester")
        markers[document, default: []].append(text)
    }

    func withdraw(by owner: String) throws {
        guard let summary = try stores[owner]!.listShares().filter({ $0.withdrawnAt == nil }).randomElement(using: &random) else { return }
        let members = summary.declaration.audience.map(\.organisation).filter { !summary.withdrawnFrom.contains($0) }
        let some = members.filter { _ in Bool.random(using: &random) }
        _ = try stores[owner]!.withdrawShare(summary.id, from: some.count == members.count ? [] : some, reason: "r", by: "tester")
    }

    /// What `triangulate sync` does, with the hub in this process: push, pull every page, push again.
    func sync(_ code: String) async throws {
        let store = stores[code]!
        for _ in 0..<2 {
            let push = try store.outgoingPush(key: keys[code]!)
            if !push.request.isEmpty {
                try store.markPushed(push, answer: try await hub.push(push.request, from: code))
            }
            var cursor = try store.hubCursor()
            while true {
                let page = try await hub.inbox(for: code, after: cursor, limit: 50)
                var summary = SyncSummary()
                try store.applyInbox(page, into: &summary)
                pulled[code, default: []] += page.items.compactMap(\.batch)
                cursor = page.cursor
                if !page.more { break }
            }
        }
    }

    func newID() -> String {
        UUIDv7.make(at: Date(), using: &random).uuidString.lowercased()
    }

    /// Something a dishonest organisation's key can sign that no owner allowed.
    func attack(by attacker: String) async throws {
        let others = organisations.filter { $0 != attacker }
        var request = PushRequest()
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 4, 5:
            // A panel it was sent, declared as its own — to its owner and anyone — with the agenda.
            let received = try await stores[attacker]!.database.read { db in try String.fetchAll(db, sql: "SELECT documentId FROM received WHERE documentId <> ''") }
            guard let document = received.randomElement(using: &random), let panel = panels[document] else {
                return try await sync(attacker)  // nothing to steal yet: see what has arrived
            }
            // Aimed at those the owner never shared the agenda with.
            let outsiders = others.filter { $0 != panel.owner && !allowed[document, default: []].contains($0) }
            let audience = [panel.owner] + (outsiders.isEmpty ? others.filter { $0 != panel.owner && Bool.random(using: &random) } : outsiders)
            request.shares = [ShareDeclaration(id: newID(), document: DocumentHeader(id: document, type: .panel, owner: attacker), schema: DocumentType.panel.schema,
                                               audience: audience.map { AudienceMember(organisation: $0) }, purpose: "p", basis: "b",
                                               payloadClass: "metadata", fields: ["reference", "agenda", "state", "meetsOn"])]
        case 1:
            // A share in another's name, of one of its panels, to the attacker.
            guard let panel = panels.filter({ $0.value.owner != attacker }).sorted(by: { $0.key < $1.key }).randomElement(using: &random)?.value else { return }
            request.shares = [ShareDeclaration(id: newID(), document: panel.header, schema: panel.header.type.schema,
                                               audience: organisations.filter { $0 != panel.owner }.map { AudienceMember(organisation: $0) },
                                               purpose: "p", basis: "b", payloadClass: "metadata", fields: ["agenda"])]
        case 2:
            // Another's batch, replayed into any share.
            guard let batch = pulled[attacker]?.randomElement(using: &random),
                  let target = shares.keys.sorted().randomElement(using: &random) else { return }
            request.batches = [SignedBatch(share: target, signer: batch.signer, changes: batch.changes, signature: batch.signature)]
        default:
            // A withdrawal of another's share.
            guard let (id, _) = shares.filter({ $0.value.document.owner != attacker }).sorted(by: { $0.key < $1.key }).randomElement(using: &random) else { return }
            request.withdrawals = [WithdrawalRequest(share: id)]
        }
        let answer = try await hub.push(request, from: attacker)
        accepted += answer.accepted
    }
}
