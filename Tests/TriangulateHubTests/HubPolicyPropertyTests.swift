import Foundation
import Testing
import TriangulateHub
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// Need-to-know at the policy itself: many random scenarios of declarations (honest and
/// dishonest), batches, withdrawals and reads, with the policy's decisions applied to an
/// in-memory log exactly as the stores apply them (fan-out on write, revocation on withdrawal),
/// checked against a reference written independently of the policy. Fast, so thousands of
/// scenarios; and each mutant of the recipients rule is caught, so the property has teeth.
/// `TRIANGULATE_POLICY_SCENARIOS=N` resizes the run; `TRIANGULATE_POLICY_SEED=S` replays one.
@Suite("Hub policy: need-to-know")
struct HubPolicyPropertyTests {
    static var seeds: [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let seed = environment["TRIANGULATE_POLICY_SEED"].flatMap(UInt64.init) { return [seed] }
        return (0..<(environment["TRIANGULATE_POLICY_SCENARIOS"].flatMap(UInt64.init) ?? 2_000)).map { 0x9011_C700 + $0 }
    }

    @Test func noDeliveryOutsideTheReference() throws {
        var failures: [String] = []
        for seed in Self.seeds {
            var scenario = PolicyScenario(seed: seed, recipients: HubPolicy.recipients)
            if let failure = try scenario.run() { failures.append("seed \(seed): \(failure)") }
        }
        #expect(failures.isEmpty, "\(failures.count) scenarios failed; first: \(failures.first ?? "")")
    }

    /// Wrong versions of the recipients rule, each a plausible slip: every one must make some
    /// scenario fail. (Forgetting whole withdrawals is no mutant here: the policy refuses any
    /// batch into a withdrawn share before asking for recipients.)
    static let mutants: [(String, @Sendable (HubShare, String) -> [String])] = [
        ("forgets removals", { share, sender in
            share.withdrawnAt != nil ? [] : Set(share.declaration.audience.map(\.organisation) + [share.declaration.document.owner]).subtracting([sender]).sorted()
        }),
        ("sends to everyone on the hub", { share, sender in
            share.withdrawnAt != nil ? [] : ["CQC", "NMC", "GMC", "LGSCO", "HWE"].filter { $0 != sender }
        }),
        ("echoes to the sender", { share, sender in
            share.withdrawnAt != nil ? [] : share.currentAudience.union([share.declaration.document.owner]).sorted()
        }),
        ("leaves the owner out", { share, sender in
            share.withdrawnAt != nil ? [] : share.currentAudience.subtracting([sender]).sorted()
        }),
    ]

    @Test(arguments: 0..<mutants.count)
    func everyMutantOfTheRecipientsRuleIsCaught(_ index: Int) throws {
        let (name, mutant) = Self.mutants[index]
        var caught = false
        for seed in Self.seeds.prefix(300) where !caught {
            var scenario = PolicyScenario(seed: seed, recipients: mutant)
            caught = try scenario.run() != nil
        }
        #expect(caught, "the mutant that \(name) passed 300 scenarios")
    }
}

/// One random scenario against the policy, with an in-memory log.
struct PolicyScenario {
    /// A message in the log and whom it was fanned out to.
    struct Message {
        let seq: Int
        let kind: String
        let share: String
        let sender: String
        var recipients: Set<String>
        /// For a withdrawal notice: whom it removed.
        let removed: Set<String>
    }

    var random: SeededGenerator
    let recipients: (HubShare, String) -> [String]
    let organisations = ["CQC", "NMC", "GMC", "LGSCO", "HWE"]
    var statuses: [String: String] = [:]
    var keys: [String: NodeSigningKey] = [:]
    var shares: [String: HubShare] = [:]
    var documents: [String: DocumentHeader] = [:]
    var log: [Message] = []
    var cursors: [String: Int] = [:]
    var counter = 0
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    init(seed: UInt64, recipients: @escaping (HubShare, String) -> [String]) {
        random = SeededGenerator(seed: seed)
        self.recipients = recipients
        for organisation in organisations {
            statuses[organisation] = Int.random(in: 0..<10, using: &random) == 0 ? "suspended" : "active"
            keys[organisation] = NodeSigningKey()
            cursors[organisation] = 0
        }
    }

    mutating func newID() -> String {
        counter += 1
        return String(format: "0190%04x-0000-7000-8000-%012x", Int.random(in: 0..<0xFFFF, using: &random), counter)
    }

    /// Runs the scenario; returns what went wrong, if anything.
    mutating func run() throws -> String? {
        for _ in 0..<Int.random(in: 10..<40, using: &random) {
            let actor = organisations.randomElement(using: &random)!
            let failure: String?
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<3: failure = declare(by: actor)
            case 3..<6: failure = try batch(by: actor)
            case 6: failure = withdraw(by: actor)
            default: failure = read(actor)
            }
            if let failure { return failure }
        }
        for organisation in organisations { if let failure = read(organisation) { return failure } }
        return completeness()
    }

    /// A declaration: of a new document, or (dishonestly) of another's.
    mutating func declare(by owner: String) -> String? {
        let document: DocumentHeader
        if let known = documents.values.randomElement(using: &random), Bool.random(using: &random) {
            document = DocumentHeader(id: known.id, type: known.type, owner: Bool.random(using: &random) ? owner : known.owner)
        } else {
            document = DocumentHeader(id: newID(), type: .action, owner: owner)
        }
        let audience = organisations.filter { $0 != document.owner && Bool.random(using: &random) }
        let declaration = ShareDeclaration(id: newID(), document: document, schema: DocumentCatalog(EmergingConcerns.documents).schema(.action)!,
                                           audience: audience.map { AudienceMember(organisation: $0) }, purpose: "p", basis: "b",
                                           payloadClass: "metadata", fields: ["state", "evidence"])
        guard let accepted = try? HubPolicy.declare(declaration, by: owner, registered: documents[document.id], existing: shares[declaration.id],
                                                    statuses: statuses) else { return nil }
        // The reference: only the real owner declares, only to active organisations.
        if let registered = documents[document.id], registered.owner != owner { return "\(owner) declared \(registered.owner)'s document" }
        if document.owner != owner { return "\(owner) declared a document as \(document.owner)'s" }
        if audience.contains(where: { statuses[$0] != "active" }) { return "a share was accepted to an inactive organisation" }
        documents[document.id] = document
        let share = HubShare(declaration: accepted, withdrawnAt: nil, removed: [])
        shares[accepted.id] = share
        append("share", accepted.id, from: owner, to: recipients(share, owner))
        return nil
    }

    /// A batch into any share, in a field the sender may or may not write.
    mutating func batch(by sender: String) throws -> String? {
        guard let id = shares.keys.sorted().randomElement(using: &random), let share = shares[id] else { return nil }
        let field = ["state", "evidence", "summary"].randomElement(using: &random)!
        let document = share.declaration.document
        let change = Change(document: document.id, field: field, operation: .assign(value: "v", supersedes: []),
                            stamp: HybridTimestamp(milliseconds: 1, counter: 0, replica: ReplicaID("\(sender).r")))
        let signer = Int.random(in: 0..<8, using: &random) == 0 ? organisations.randomElement(using: &random)! : sender
        let batch = try SignedBatch(share: id, changes: ChangeSet(headers: [document.id: document], changes: [change]), key: keys[signer]!)
        let key = HubKey(keyID: batch.signer, organisation: signer, publicKey: keys[signer]!.publicKey.base64)
        guard (try? HubPolicy.relay(batch, from: sender, share: share, key: key, at: now)) != nil else { return nil }
        // The reference: the owner or a current member, signing as itself, in a field the share
        // lists and the sender may write.
        let member = share.withdrawnAt == nil && (sender == document.owner
            || (share.declaration.audience.contains { $0.organisation == sender } && !share.removed.contains(sender)))
        // `state` and `evidence` of an action are audience-writable; `summary` is not listed.
        guard member, signer == sender, share.declaration.fields.contains(field) else {
            return "a batch by \(sender) signed by \(signer) into \(field) of \(document.owner)'s share was accepted"
        }
        append("batch", id, from: sender, to: recipients(share, sender))
        return nil
    }

    /// A withdrawal, whole or of some organisations, by anyone.
    mutating func withdraw(by organisation: String) -> String? {
        guard let id = shares.keys.sorted().randomElement(using: &random), var share = shares[id] else { return nil }
        let named = Bool.random(using: &random) ? [] : share.declaration.audience.map(\.organisation).filter { _ in Bool.random(using: &random) }
        guard let decided = try? HubPolicy.withdraw(WithdrawalRequest(share: id, organisations: named, reason: nil), by: organisation, share: share) else {
            return nil
        }
        guard organisation == share.declaration.document.owner else { return "\(organisation) withdrew another's share" }
        if decided.isWhole { share.withdrawnAt = now }
        share.removed.formUnion(decided.targets)
        shares[id] = share
        for index in log.indices where log[index].share == id && log[index].kind != "withdrawal" {
            if decided.isWhole { log[index].recipients = [] } else { log[index].recipients.subtract(decided.targets) }
        }
        append("withdrawal", id, from: organisation, to: decided.targets, removed: Set(decided.targets))
        return nil
    }

    mutating func append(_ kind: String, _ share: String, from sender: String, to recipients: [String], removed: Set<String> = []) {
        log.append(Message(seq: log.count + 1, kind: kind, share: share, sender: sender, recipients: Set(recipients), removed: removed))
    }

    /// What `organisation` collects after its cursor, checked against the reference.
    mutating func read(_ organisation: String) -> String? {
        let cursor = cursors[organisation]!
        let page = log.filter { $0.seq > cursor && $0.recipients.contains(organisation) }
        for message in page {
            guard message.sender != organisation else { return "\(organisation) received its own message" }
            let share = shares[message.share]!
            if message.kind == "withdrawal" {
                guard message.removed.contains(organisation) else { return "\(organisation) received a notice not for it" }
            } else {
                let owner = share.declaration.document.owner
                let member = share.declaration.audience.contains { $0.organisation == organisation } && !share.removed.contains(organisation)
                guard share.withdrawnAt == nil, organisation == owner || member else {
                    return "\(organisation) received a \(message.kind) of \(owner)'s share \(share.withdrawnAt == nil ? "it is not in" : "withdrawn")"
                }
            }
        }
        cursors[organisation] = log.count
        return nil
    }

    /// At the end, everyone still in a share (and its owner) has received each of its messages
    /// sent by another.
    func completeness() -> String? {
        for message in log where message.kind != "withdrawal" {
            let share = shares[message.share]!
            guard share.withdrawnAt == nil else { continue }
            let entitled = share.currentAudience.union([share.declaration.document.owner]).subtracting([message.sender])
            if !entitled.isSubset(of: message.recipients) { return "\(entitled.subtracting(message.recipients).sorted()) never received \(message.kind) \(message.seq)" }
        }
        return nil
    }
}
