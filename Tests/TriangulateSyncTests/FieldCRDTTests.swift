import TriangulateModel
import Testing
import TriangulateSync

@Suite("Field CRDTs and clocks")
struct FieldCRDTTests {
    @Test func concurrentWritesAreKeptAsAConflictUntilALaterWriteResolvesThem() throws {
        var nmc = Replica(id: ReplicaID("NMC"))
        var gmc = Replica(id: ReplicaID("GMC"))
        nmc.assign("Draft A", to: "minutes", of: "panel", wall: 1_000)
        gmc.assign("Draft B", to: "minutes", of: "panel", wall: 1_000)
        try nmc.apply(gmc.changes(since: nmc.vector), wall: 2_000)
        try gmc.apply(nmc.changes(since: gmc.vector), wall: 2_000)
        let view = try #require(nmc.views["panel"]?.registers["minutes"])
        #expect(view.value == "Draft A")  // equal milliseconds: the higher replica id wins
        #expect(view.conflicts == ["Draft B", "Draft A"])
        #expect(gmc.views == nmc.views)

        gmc.assign("Agreed text", to: "minutes", of: "panel", wall: 3_000)
        try nmc.apply(gmc.changes(since: nmc.vector), wall: 4_000)
        #expect(nmc.views["panel"]?.registers["minutes"] == RegisterView(value: "Agreed text", conflicts: []))
    }

    @Test func anOwnerAdoptsAPartnersEditSoThatHoldersOfAnotherShareConverge() throws {
        func stamp(_ millis: UInt64, _ replica: String) -> HybridTimestamp { HybridTimestamp(milliseconds: millis, counter: 0, replica: ReplicaID(replica)) }
        let isOwn = { (stamp: HybridTimestamp) in stamp.replica == ReplicaID("owner") }
        let first = Change(document: "d", field: "agenda", operation: .assign(value: "A", supersedes: []), stamp: stamp(1, "owner"))
        let edit = Change(document: "d", field: "agenda", operation: .assign(value: "B", supersedes: [first.stamp]), stamp: stamp(2, "partner"))
        var owner = DocumentState()
        owner.apply([first, edit])
        let adopted = owner.adoptions(of: [edit], isOwn: isOwn)
        #expect(adopted.count == 1 && adopted.first?.field == "agenda")
        #expect(adopted.first?.operation == .assign(value: "B", supersedes: [first.stamp, edit.stamp]))
        // A holder of another share had only the owner's first write: the adoption replaces it, with no conflict.
        var other = DocumentState()
        other.apply(first)
        other.apply(Change(document: "d", field: "agenda", operation: adopted[0].operation, stamp: stamp(3, "owner")))
        #expect(other.view.registers["agenda"] == RegisterView(value: "B", conflicts: []))
        // An edit already adopted, or a conflict between partners, is left alone (a person resolves a conflict).
        var adopting = owner
        adopting.apply(Change(document: "d", field: "agenda", operation: adopted[0].operation, stamp: stamp(3, "owner")))
        #expect(adopting.adoptions(of: [edit], isOwn: isOwn).isEmpty)
        let rival = Change(document: "d", field: "agenda", operation: .assign(value: "C", supersedes: [first.stamp]), stamp: stamp(2, "rival"))
        owner.apply(rival)
        #expect(owner.adoptions(of: [edit, rival], isOwn: isOwn).isEmpty)
        // A set: a partner's element is added by the owner too, once; a partner's removal is re-made.
        let add = Change(document: "d", field: "attendance", operation: .add(element: "NMC:A"), stamp: stamp(4, "partner"))
        owner.apply(add)
        #expect(owner.adoptions(of: [add, add], isOwn: isOwn).map(\.operation) == [.add(element: "NMC:A")])
        let remove = Change(document: "d", field: "attendance", operation: .remove(element: "NMC:A", observed: [add.stamp]), stamp: stamp(5, "partner"))
        owner.apply(remove)
        #expect(owner.adoptions(of: [remove], isOwn: isOwn).map(\.operation) == [.remove(element: "NMC:A", observed: [add.stamp])])
    }

    @Test func addWinsOverAConcurrentRemove() throws {
        var a = Replica(id: ReplicaID("a"))
        var b = Replica(id: ReplicaID("b"))
        a.add("NMC", to: "attendees", of: "panel", wall: 1)
        try b.apply(a.changes(since: b.vector), wall: 2)
        b.remove("NMC", from: "attendees", of: "panel", wall: 3)
        a.add("NMC", to: "attendees", of: "panel", wall: 3)
        try a.apply(b.changes(since: a.vector), wall: 4)
        try b.apply(a.changes(since: b.vector), wall: 4)
        #expect(a.views["panel"]?.sets["attendees"] == ["NMC"])
        #expect(a.views == b.views)
    }

    @Test func purgeRemovesContentForGoodWhateverTheOrder() throws {
        var a = Replica(id: ReplicaID("a"))
        var b = Replica(id: ReplicaID("b"))
        a.assign("secret", to: "summary", of: "doc", wall: 1)
        b.purge("doc", wall: 2)
        b.assign("late", to: "summary", of: "doc", wall: 3)
        try a.apply(b.changes(since: a.vector), wall: 4)
        try b.apply(a.changes(since: b.vector), wall: 4)
        #expect(a.views["doc"] == DocumentView(isPurged: true, registers: [:], sets: [:]))
        #expect(a.views == b.views)
    }

    @Test func applyingTwiceChangesNothing() throws {
        var a = Replica(id: ReplicaID("a"))
        var b = Replica(id: ReplicaID("b"))
        a.assign("x", to: "status", of: "action", wall: 1)
        let batch = a.changes(since: [:])
        #expect(try b.apply(batch, wall: 2) == 1)
        #expect(try b.apply(batch, wall: 2) == 0)
        #expect(b.views == a.views)
    }

    @Test func aChangeFromTooFarInTheFutureIsRefusedWhole() throws {
        var skewed = Replica(id: ReplicaID("skewed"))
        var honest = Replica(id: ReplicaID("honest"), maximumDrift: 60_000)
        skewed.assign("wins forever?", to: "status", of: "action", wall: 10 * 60_000)
        let error = #expect(throws: SyncError.self) { try honest.apply(skewed.changes(since: [:]), wall: 0) }
        #expect(error?.code == .clockTooFarAhead)
        #expect(honest.views.isEmpty)
        #expect(try honest.apply(skewed.changes(since: [:]), wall: 9 * 60_000) == 1)
    }

    @Test func clockNeverGoesBackwards() throws {
        var clock = HybridClock(replica: ReplicaID("a"))
        let first = clock.tick(wall: 5_000)
        let second = clock.tick(wall: 1_000)  // the wall clock stepped back
        #expect(first < second)
        try clock.receive(HybridTimestamp(milliseconds: 9_000, counter: 3, replica: ReplicaID("b")), wall: 2_000)
        let third = clock.tick(wall: 2_000)
        #expect(third > HybridTimestamp(milliseconds: 9_000, counter: 3, replica: ReplicaID("b")))
    }
}
