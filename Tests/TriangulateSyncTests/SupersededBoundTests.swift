import Testing
import TriangulateSync

/// The register keeps its superseded writes as a frontier per replica and the stamps whose
/// writes it does not hold (Protocol/sync.md, "Merge rules"). Checked against the rule it
/// replaces — every stamp any write superseded, kept for good — over thousands of random
/// histories with reproducible seeds, a dishonest partner among the replicas in half of them:
///
/// - with every change held, it shows exactly what the full set shows, and keeps no pending
///   stamp and at most one frontier per replica;
/// - with some changes missing, it hides no more than the full set does, besides writes below a
///   later write of the same replica held here (that replica saw them replaced before it wrote);
/// - a partner's forged `supersedes` never hides an honest write the full set shows;
/// - its state depends only on the changes held, not their order, and stops growing however
///   many times a field is edited.
@Suite("Superseded writes, bounded")
struct SupersededBoundTests {
    static let cases: Range<UInt64> = 0..<3_000
    static let document = "d"
    static let field = "f"

    /// The rule the frontiers replace: the union of every `supersedes`, and every write not in it.
    struct FullSetRegister {
        var held: [HybridTimestamp: String?] = [:]
        var superseded: Set<HybridTimestamp> = []

        mutating func apply(_ change: Change) {
            guard case .assign(let value, let supersedes) = change.operation else { return }
            superseded.formUnion(supersedes)
            held[change.stamp] = value
        }

        var live: Set<HybridTimestamp> { Set(held.keys.filter { !superseded.contains($0) }) }
    }

    /// One random history on one register field: 2–5 honest replicas write and exchange partial
    /// batches; with `dishonest`, replica "x" also sends assigns whose `supersedes` name real
    /// stamps, stamps no replica wrote (some far ahead) and its own.
    static func history(seed: UInt64, dishonest: Bool) -> (changes: [Change], honest: Set<ReplicaID>) {
        var random = SeededGenerator(seed: seed)
        var replicas = (0..<Int.random(in: 2...5, using: &random)).map { Replica(id: ReplicaID("r\($0)")) }
        let partner = ReplicaID("x")
        var partnerMillis: UInt64 = 0
        var wall: UInt64 = 1_800_000_000_000
        var changes: [Change] = []
        for _ in 0..<Int.random(in: 5...50, using: &random) {
            wall += UInt64.random(in: 0...3, using: &random)  // equal milliseconds are common
            let index = Int.random(in: 0..<replicas.count, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                changes.append(replicas[index].assign("v\(Int.random(in: 0..<4, using: &random))", to: field, of: document, wall: wall))
            case 5..<8:
                let other = Int.random(in: 0..<replicas.count, using: &random)
                _ = try? replicas[other].apply(replicas[index].changes(since: replicas[other].vector), wall: wall)
            default:
                guard dishonest else { continue }
                var forged: Set<HybridTimestamp> = []
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    if Bool.random(using: &random), let real = changes.randomElement(using: &random) {
                        forged.insert(real.stamp)
                    } else {
                        let replica = Bool.random(using: &random) ? partner : ReplicaID("r\(Int.random(in: 0..<replicas.count, using: &random))")
                        forged.insert(HybridTimestamp(milliseconds: wall + UInt64.random(in: 0...100, using: &random) * (Bool.random(using: &random) ? 1 : 10_000),
                                                      counter: UInt32.random(in: 0...2, using: &random), replica: replica))
                    }
                }
                partnerMillis = max(partnerMillis + 1, wall)
                let change = Change(document: document, field: field, operation: .assign(value: "forged", supersedes: forged),
                                    stamp: HybridTimestamp(milliseconds: partnerMillis, counter: 0, replica: partner))
                changes.append(change)
                _ = try? replicas[index].apply([change], wall: partnerMillis)
            }
        }
        return (changes, Set(replicas.map(\.id)))
    }

    static func register(_ changes: some Sequence<Change>) -> RegisterState? {
        var state = DocumentState()
        for change in changes { state.apply(change) }
        return state.fields[field]?.register
    }

    static func fullSet(_ changes: some Sequence<Change>) -> FullSetRegister {
        var register = FullSetRegister()
        for change in changes { register.apply(change) }
        return register
    }

    @Test(arguments: [false, true])
    func everyChangeHeldShowsWhatTheFullSetShows(dishonest: Bool) {
        var failures: [UInt64] = []
        for seed in Self.cases {
            let (changes, honest) = Self.history(seed: seed, dishonest: dishonest)
            var random = SeededGenerator(seed: seed)
            let register = Self.register(changes.shuffled(using: &random))
            let full = Self.fullSet(changes)
            let live = Set(register?.live.map(\.stamp) ?? [])
            let frontiers = register?.superseded.frontiers.count ?? 0
            let pending = register?.superseded.pending.count ?? 0
            let isBounded = frontiers <= honest.count + (dishonest ? 1 : 0) && (dishonest || pending == 0)
            // Honest writes: exactly what the full set shows. The partner may only lose its own.
            let agrees = dishonest
                ? live.filter { honest.contains($0.replica) } == full.live.filter { honest.contains($0.replica) }
                : live == full.live
            if !agrees || !isBounded { failures.append(seed) }
            if failures.count == 5 { break }
        }
        #expect(failures.isEmpty, "histories (dishonest: \(dishonest)) where the frontiers disagree with the full set: \(failures)")
    }

    @Test(arguments: [false, true])
    func someChangesMissingHidesOnlyWhatALaterWriteOfTheSameReplicaReplaced(dishonest: Bool) {
        var failures: [UInt64] = []
        for seed in Self.cases {
            let (changes, _) = Self.history(seed: seed, dishonest: dishonest)
            var random = SeededGenerator(seed: seed &+ 1)
            let held = changes.filter { _ in Int.random(in: 0..<3, using: &random) != 0 }
            let live = Set(Self.register(held.shuffled(using: &random))?.live.map(\.stamp) ?? [])
            let full = Self.fullSet(held).live
            let extraHidden = full.subtracting(live)
            let explained = extraHidden.allSatisfy { hidden in
                held.contains { $0.stamp.replica == hidden.replica && $0.stamp > hidden }
            }
            if !live.isSubset(of: full) || !explained { failures.append(seed) }
            if failures.count == 5 { break }
        }
        #expect(failures.isEmpty, "histories (dishonest: \(dishonest)) hiding a write no later write of its replica replaced: \(failures)")
    }

    @Test func theStateDependsOnlyOnTheChangesHeld() throws {
        for seed in Self.cases.prefix(1_000) {
            let (changes, _) = Self.history(seed: seed, dishonest: seed % 2 == 0)
            var random = SeededGenerator(seed: seed)
            let held = changes.filter { _ in Bool.random(using: &random) }
            var once = DocumentState()
            var twiceShuffled = DocumentState()
            once.apply(held)
            twiceShuffled.apply(held.shuffled(using: &random) + held.shuffled(using: &random))
            #expect(once == twiceShuffled, "seed \(seed)")
            #expect(once.encoded() == twiceShuffled.encoded(), "seed \(seed)")
            #expect(try DocumentState(decoding: once.encoded()) == once, "seed \(seed)")
        }
    }

    /// Two organisations take turns editing one field 2,000 times: the stored state stays the
    /// size it had after the first few edits.
    @Test func aStateStopsGrowingHoweverOftenAFieldIsEdited() throws {
        var cqc = Replica(id: ReplicaID("CQC.0123abcd"))
        var nmc = Replica(id: ReplicaID("NMC.4567ef01"))
        var wall: UInt64 = 1_800_000_000_000
        var sizes: [Int] = []
        for round in 0..<1_000 {
            wall += 1_000
            cqc.assign("draft \(round % 10)", to: Self.field, of: Self.document, wall: wall)
            try nmc.apply(cqc.changes(since: nmc.vector), wall: wall)
            nmc.assign("reply \(round % 10)", to: Self.field, of: Self.document, wall: wall + 1)
            try cqc.apply(nmc.changes(since: cqc.vector), wall: wall + 1)
            sizes.append(try #require(cqc.document(Self.document)).encoded().count)
        }
        let register = try #require(cqc.document(Self.document)?.fields[Self.field]?.register)
        #expect(register.superseded.frontiers.map(\.replica) == [cqc.id, nmc.id] && register.superseded.pending.isEmpty)
        #expect(sizes.suffix(990).allSatisfy { $0 <= sizes[9] }, "sizes grew: \(sizes[9]) after 10 rounds, \(sizes.last ?? 0) after 1,000")
    }

    /// A state stored before the frontiers (version 2) reads with its superseded stamps
    /// pending, and the next write that supersedes one of its replica's writes folds them in.
    @Test func aStateStoredWithEverySupersededStampStillReads() throws {
        let bytes: [UInt8] = [
            2, 0,  // version 2, not purged
            1, 1, 0x72,  // one replica, "r"
            100,  // base milliseconds
            1, 1, 0x66,  // one field, "f"
            1, 0, 6, 0, 1, 1, 0x62,  // one live write: r, +3 ms (zig-zag 6), counter 0, value "b"
            2, 0, 0, 0, 0, 2, 0,  // two superseded stamps: r at +0 and at +1
            0, 0,  // no set tags, nothing removed
        ]
        let state = try DocumentState(decoding: bytes)
        let register = try #require(state.fields["f"]?.register)
        func stamp(_ millis: UInt64) -> HybridTimestamp { HybridTimestamp(milliseconds: millis, counter: 0, replica: ReplicaID("r")) }
        #expect(register.live.map(\.stamp) == [stamp(103)] && register.view == RegisterView(value: "b", conflicts: []))
        #expect(register.superseded.frontiers.isEmpty && register.superseded.pending == [stamp(100), stamp(101)])
        #expect(try DocumentState(decoding: state.encoded()) == state)

        var next = state
        next.apply(Change(document: "d", field: "f", operation: .assign(value: "c", supersedes: [stamp(103)]), stamp: stamp(104)))
        let folded = try #require(next.fields["f"]?.register.superseded)
        #expect(folded.frontiers == [stamp(103)] && folded.pending.isEmpty)
    }
}
