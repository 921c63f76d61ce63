import Foundation
import Testing
import TriangulateHub
import TriangulateHubPostgres
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// Nothing reaches anyone outside its audience, ever: random organisations, shares, batches,
/// withdrawals and suspensions run against the hub and against a small reference model of who
/// may see what. Every item any organisation pulls must be allowed by the model at that moment,
/// every push the model forbids must be refused, and at the end every organisation still in an
/// audience has received every batch of that share.
///
/// Some organisations of each scenario are dishonest: they send any well-formed request their
/// key can sign — declarations of documents they were only sent, naming themselves or another
/// as owner and anyone as audience; batches replayed from others; batches and withdrawals for
/// shares they do not own. The model knows each document's real owner (its first declarer), and
/// the property is about the audiences that owner declared.
///
/// The scenarios run on the SQLite store and, when `TRIANGULATE_POSTGRES_URL` is set, on one
/// PostgreSQL database shared by concurrent scenarios. `TRIANGULATE_LEAK_SCENARIOS=N` and
/// `TRIANGULATE_LEAK_POSTGRES_SCENARIOS=N` resize the runs (CI: 1,000 and 200);
/// `TRIANGULATE_LEAK_SEED=S` replays one.
@Suite("Need-to-know never leaks")
struct LeakPropertyTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["TRIANGULATE_LEAK_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["TRIANGULATE_LEAK_SCENARIOS"].flatMap(UInt64.init) ?? 1_000
        return (0..<count).map { 0x1EA4_0000 + $0 }
    }

    /// The scenarios on PostgreSQL: `TRIANGULATE_LEAK_POSTGRES_SCENARIOS=N` (default 200).
    static var postgresSeeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["TRIANGULATE_LEAK_SEED"].flatMap(UInt64.init) { return [seed] }
        let count = environment["TRIANGULATE_LEAK_POSTGRES_SCENARIOS"].flatMap(UInt64.init) ?? 200
        return (0..<count).map { 0x1EA4_0000 + $0 }
    }

    @Test func noDeliveryOutsideTheModel() async throws {
        try await Self.run(Self.seeds, workers: max(1, ProcessInfo.processInfo.activeProcessorCount)) { _ in try SQLiteHubStore.inMemory() }
    }

    /// The same scenarios on one PostgreSQL database, several at once: each scenario's
    /// organisations are its own (their codes carry its number), so that the scenarios share the
    /// log writer's transactions and row-level security must keep each to its own rows.
    @Test(.enabled(if: HubStoreConformanceTests.postgresURL != nil, "needs TRIANGULATE_POSTGRES_URL"))
    func noDeliveryOutsideTheModelOnPostgreSQL() async throws {
        let url = try await PostgresDatabase.create("triangulate_leak_\(UUID().uuidString.prefix(8).lowercased())",
                                                    on: try #require(HubStoreConformanceTests.postgresURL))
        let store = try await PostgresHubStore.connect(url: url)
        try await Self.run(Self.postgresSeeds, workers: 8) { _ in store }
    }

    /// Runs the scenarios of `seeds` on `workers` concurrent workers, each on the store `store`
    /// gives for it.
    static func run(_ seeds: [UInt64], workers: Int, store: @escaping @Sendable (UInt64) throws -> any HubStore) async throws {
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var failures: [String] = []
                    for seed in seeds.enumerated().filter({ $0.offset % workers == worker }).map(\.element) {
                        var scenario = try await Scenario(seed: seed, store: try store(seed))
                        if let failure = try await scenario.run() {
                            failures.append("seed \(seed): \(failure)")
                            if failures.count == 3 { break }
                        }
                    }
                    return failures
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.isEmpty, "replay with TRIANGULATE_LEAK_SEED=…: \(failures)")
    }
}

/// One random scenario and its reference model.
private struct Scenario {
    var random: SeededGenerator
    let hub: Hub
    let organisations: [String]
    var keys: [String: NodeSigningKey] = [:]
    var active: [String: Bool] = [:]
    var cursors: [String: Int64] = [:]
    var clock: UInt64 = 1_800_000_000_000

    /// The model of a share: who owns it, who it is for, what has been withdrawn.
    struct ModelShare {
        var declaration: ShareDeclaration
        var removed: Set<String> = []
        var withdrawn = false
        var batches: [String] = []  // batch signatures accepted, in order
        var senders: [String: String] = [:]  // signature → sender
        var audience: Set<String> { withdrawn ? [] : Set(declaration.audience.map(\.organisation)).subtracting(removed) }
    }
    var shares: [String: ModelShare] = [:]
    var received: [String: Set<String>] = [:]  // organisation → batch signatures pulled
    /// The organisations that send whatever their key can sign.
    var dishonest: Set<String> = []
    /// Each document's real owner and header: its first declaration.
    var documents: [String: DocumentHeader] = [:]
    /// Batches each organisation has pulled, to replay.
    var pulledBatches: [String: [SignedBatch]] = [:]

    /// A fresh UUIDv7, drawn from the scenario's generator.
    mutating func newID() -> String {
        clock += 1
        return UUIDv7.make(unixMilliseconds: clock, random: (0..<10).map { _ in UInt8.random(in: 0...255, using: &random) }).uuidString.lowercased()
    }

    /// Scenario `seed` on `store`, its organisations' codes prefixed with the seed's last digits
    /// so that scenarios sharing a store never meet.
    init(seed: UInt64, store: any HubStore) async throws {
        random = SeededGenerator(seed: seed)
        hub = Hub(store: store, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        let all = ["CQC", "NMC", "GMC", "HCPC", "LGSCO", "PHSO"]
        organisations = all.prefix(Int.random(in: 3...6, using: &random)).map { "S\(seed % 100_000)-\($0)" }
        dishonest = Set(organisations.filter { _ in Int.random(in: 0..<3, using: &random) == 0 })
        for code in organisations {
            let token = try await hub.addOrganisation(code: code, name: code, role: "signatory")
            let key = NodeSigningKey()
            _ = try await hub.enrol(try EnrolmentRequest(token: token, key: key))
            keys[code] = key
            active[code] = true
            cursors[code] = 0
        }
    }

    /// What authenticating each organisation gave, kept until its status changes: signing is
    /// slow in debug builds, and authentication itself is tested end to end.
    var authenticated: [String: String?] = [:]

    /// Authenticates as `organisation` through a real signed request; nil when refused.
    mutating func caller(_ organisation: String) async throws -> String? {
        if let known = authenticated[organisation] { return known }
        let signature = try RequestSignature.sign(method: "POST", path: "/v1/push", body: Data(), key: keys[organisation]!,
                                                  at: Date(timeIntervalSince1970: 1_800_000_000))
        let result = try? await hub.authenticate(signature, method: "POST", path: "/v1/push", body: Data())
        authenticated[organisation] = .some(result)
        return result
    }

    mutating func run() async throws -> String? {
        for _ in 0..<Int.random(in: 10...40, using: &random) {
            let actor = organisations.randomElement(using: &random)!
            if dishonest.contains(actor), Int.random(in: 0..<2, using: &random) == 0 {
                if let failure = try await attack(by: actor) { return failure }
                continue
            }
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<20: if let failure = try await declare(by: actor) { return failure }
            case 20..<55: if let failure = try await pushBatch(by: actor) { return failure }
            case 55..<65: if let failure = try await withdraw(by: actor) { return failure }
            case 65..<70:
                active[actor]!.toggle()
                authenticated[actor] = nil
                try await hub.setStatus(of: actor, to: active[actor]! ? "active" : "suspended")
            default: if let failure = try await pull(actor) { return failure }
            }
        }
        for code in organisations where !active[code]! {
            active[code] = true
            authenticated[code] = nil
            try await hub.setStatus(of: code, to: "active")
        }
        for code in organisations { if let failure = try await pull(code) { return failure } }
        for (id, share) in shares {
            for member in share.audience {
                let expected = Set(share.batches.filter { share.senders[$0] != member })
                guard expected.isSubset(of: received[member] ?? []) else {
                    return "\(member) is in the audience of \(id) but did not receive all its batches"
                }
            }
        }
        return nil
    }

    /// An honest declaration: of a new document, or of one of its own documents again.
    mutating func declare(by owner: String) async throws -> String? {
        let others = organisations.filter { $0 != owner }
        let audience = others.filter { _ in Bool.random(using: &random) }
        let fields = ["reference", "summary", "state", "evidence"].filter { _ in Bool.random(using: &random) }
        let mine = documents.values.filter { $0.owner == owner }.sorted { $0.id < $1.id }
        let document = Bool.random(using: &random) ? mine.randomElement(using: &random) : nil
        let declaration = ShareDeclaration(
            id: newID(),
            document: document ?? DocumentHeader(id: newID(), type: .action, owner: owner), schema: (document?.type ?? .action).schema,
            audience: audience.map { AudienceMember(organisation: $0) }, purpose: "p", basis: "b", payloadClass: "metadata",
            fields: fields.isEmpty ? ["state"] : fields)
        guard let caller = try await caller(owner) else {
            return active[owner]! ? "\(owner) is active but could not authenticate" : nil
        }
        let answer = try await hub.push(PushRequest(shares: [declaration]), from: caller)
        let allowed = audience.allSatisfy { active[$0]! }
        if answer.accepted == 1 {
            guard allowed else { return "a share naming a suspended organisation was accepted" }
            shares[declaration.id] = ModelShare(declaration: declaration)
            documents[declaration.document.id] = declaration.document
        } else if allowed {
            return "a valid share was refused: \(answer.refused)"
        }
        return nil
    }

    mutating func pushBatch(by sender: String) async throws -> String? {
        guard let (id, share) = shares.randomElement(using: &random) else { return nil }
        let field = ["reference", "summary", "state", "evidence"].randomElement(using: &random)!
        clock += 1
        let change = Change(document: share.declaration.document.id, field: field,
                            operation: .assign(value: "v\(clock)", supersedes: []),
                            stamp: HybridTimestamp(milliseconds: clock, counter: 0, replica: ReplicaID("\(sender).r")))
        let batch = try SignedBatch(share: id, changes: ChangeSet(headers: [share.declaration.document.id: share.declaration.document],
                                                                   changes: [change]), key: keys[sender]!)
        guard let caller = try await caller(sender) else { return active[sender]! ? "\(sender) could not authenticate" : nil }
        let answer = try await hub.push(PushRequest(batches: [batch]), from: caller)
        let owner = share.declaration.document.owner
        let writerOK = DocumentType.action.schema.field(field)!.writer == .audience || sender == owner
        let allowed = !share.withdrawn && (sender == owner || share.audience.contains(sender))
            && share.declaration.allows(field) && writerOK
        if answer.accepted == 1 {
            guard allowed else { return "a batch the model forbids was accepted: \(sender) → \(field) of \(id)" }
            shares[id]!.batches.append(batch.signature)
            shares[id]!.senders[batch.signature] = sender
        } else if allowed {
            return "a batch the model allows was refused: \(answer.refused)"
        }
        return nil
    }

    /// A dishonest organisation sends something its key can sign that the real owners never
    /// allowed; the hub must refuse every bit of it.
    mutating func attack(by attacker: String) async throws -> String? {
        guard let caller = try await caller(attacker) else { return nil }
        let others = organisations.filter { $0 != attacker }
        let known = documents.values.filter { $0.owner != attacker }.sorted { $0.id < $1.id }
        var request = PushRequest()
        let what: String
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            // Declares another's document as its own, to whomever it likes, all fields.
            guard let document = known.randomElement(using: &random) else { return nil }
            request.shares = [ShareDeclaration(
                id: newID(), document: DocumentHeader(id: document.id, type: document.type, owner: attacker), schema: document.type.schema,
                audience: others.filter { _ in Bool.random(using: &random) }.map { AudienceMember(organisation: $0) },
                purpose: "p", basis: "b", payloadClass: "metadata", fields: ["reference", "summary", "state", "evidence"])]
            what = "a declaration of \(document.owner)'s document as \(attacker)'s"
        case 1:
            // Declares a share in another organisation's name.
            guard let owner = others.randomElement(using: &random) else { return nil }
            let document = known.filter { $0.owner == owner }.randomElement(using: &random) ?? DocumentHeader(id: newID(), type: .action, owner: owner)
            request.shares = [ShareDeclaration(
                id: newID(), document: document, schema: document.type.schema,
                audience: organisations.filter { $0 != owner && Bool.random(using: &random) }.map { AudienceMember(organisation: $0) },
                purpose: "p", basis: "b", payloadClass: "metadata", fields: ["state"])]
            what = "a declaration in \(owner)'s name"
        case 2:
            // Replays a batch another organisation signed, into any share.
            guard let batch = (pulledBatches[attacker] ?? []).randomElement(using: &random),
                  let target = shares.keys.sorted().randomElement(using: &random) else { return nil }
            request.batches = [SignedBatch(share: target, signer: batch.signer, changes: batch.changes, signature: batch.signature)]
            what = "a replay of another's batch"
        case 3:
            // Writes into a share it is not in, about the share's document.
            guard let (id, share) = shares.filter({ $0.value.declaration.document.owner != attacker && !$0.value.audience.contains(attacker) })
                .sorted(by: { $0.key < $1.key }).randomElement(using: &random) else { return nil }
            clock += 1
            let change = Change(document: share.declaration.document.id, field: "state", operation: .assign(value: "v\(clock)", supersedes: []),
                                stamp: HybridTimestamp(milliseconds: clock, counter: 0, replica: ReplicaID("\(attacker).r")))
            request.batches = [try SignedBatch(share: id, changes: ChangeSet(headers: [share.declaration.document.id: share.declaration.document],
                                                                             changes: [change]), key: keys[attacker]!)]
            what = "a batch into a share \(attacker) is not in"
        default:
            // Withdraws another's share, or names itself as withdrawn to hide it from others.
            guard let (id, share) = shares.filter({ $0.value.declaration.document.owner != attacker }).sorted(by: { $0.key < $1.key })
                .randomElement(using: &random) else { return nil }
            request.withdrawals = [WithdrawalRequest(share: id, organisations: Bool.random(using: &random) ? [] : share.declaration.audience.map(\.organisation))]
            what = "a withdrawal of another's share"
        }
        let answer = try await hub.push(request, from: caller)
        if answer.accepted > 0 { return "LEAK: the hub accepted \(what) from \(attacker)" }
        return nil
    }

    mutating func withdraw(by organisation: String) async throws -> String? {
        guard let (id, share) = shares.randomElement(using: &random) else { return nil }
        let members = share.declaration.audience.map(\.organisation)
        let targets = Bool.random(using: &random) ? [] : members.filter { _ in Bool.random(using: &random) }
        if !targets.isEmpty && targets.count == members.count { return nil }
        guard let caller = try await caller(organisation) else { return nil }
        let answer = try await hub.push(PushRequest(withdrawals: [WithdrawalRequest(share: id, organisations: targets)]), from: caller)
        let allowed = organisation == share.declaration.document.owner
        if answer.accepted == 1 {
            guard allowed else { return "\(organisation) withdrew a share it does not own" }
            if targets.isEmpty { shares[id]!.withdrawn = true } else { shares[id]!.removed.formUnion(targets) }
        } else if allowed {
            return "the owner's withdrawal was refused: \(answer.refused)"
        }
        return nil
    }

    mutating func pull(_ organisation: String) async throws -> String? {
        guard try await caller(organisation) != nil else { return active[organisation]! ? "\(organisation) could not authenticate" : nil }
        while true {
            let page = try await hub.inbox(for: organisation, after: cursors[organisation]!, limit: 7)
            for item in page.items {
                guard let share = shares[item.share] else { return "\(organisation) received an item of unknown share \(item.share)" }
                switch item.kind {
                case "share":
                    guard share.audience.contains(organisation) else {
                        return "LEAK: \(organisation) received share \(item.share), outside its audience \(share.audience.sorted())"
                    }
                case "batch":
                    let isOwner = share.declaration.document.owner == organisation
                    guard isOwner || share.audience.contains(organisation) else {
                        return "LEAK: \(organisation) received a batch of \(item.share), outside its audience \(share.audience.sorted())"
                    }
                    guard !share.withdrawn else { return "LEAK: \(organisation) received a batch of a withdrawn share" }
                    guard documents[share.declaration.document.id]?.owner == share.declaration.document.owner else {
                        return "LEAK: \(organisation) received a batch of a share whose declared owner is not the document's"
                    }
                    received[organisation, default: []].insert(item.batch!.signature)
                    pulledBatches[organisation, default: []].append(item.batch!)
                case "withdrawal":
                    guard share.removed.contains(organisation) || share.withdrawn else {
                        return "\(organisation) received a withdrawal of a share it is still in"
                    }
                default:
                    return "unknown item kind \(item.kind)"
                }
            }
            cursors[organisation] = page.cursor
            if !page.more { return nil }
        }
    }
}
