import TriangulateModel
import Testing
import TriangulateSync

/// Document schemas: what each field accepts, and local writes computed as the operations
/// that reach a target.
@Suite("Document schemas")
struct SchemaTests {
    static let stamp = HybridTimestamp(milliseconds: 1, counter: 0, replica: ReplicaID("CQC.1"))

    static func change(_ field: String, _ operation: Change.Operation) -> Change {
        Change(document: "d", field: field, operation: operation, stamp: stamp)
    }

    @Test func everyProtocolDocumentHasASchema() throws {
        for schema in EmergingConcerns.documents {
            try schema.check()
            #expect(schema.type.schema == schema)
        }
        #expect(DocumentType.panel.schema.field("minutes")?.writer == .audience)
        #expect(DocumentType.concernSummary.schema.field("summary")?.writer == .owner)
        #expect(DocumentType.concernSummary.schema.field("subjects")?.isPersonal == true)
    }

    @Test func operationsMustFitTheFieldsCRDT() throws {
        let panel = DocumentType.panel.schema
        #expect(try panel.validate(Self.change("minutes", .assign(value: "m", supersedes: [])))?.name == "minutes")
        #expect(try panel.validate(Self.change("attendance", .add(element: "NMC:Ann")))?.name == "attendance")
        #expect(try panel.validate(Self.change("invitees/NMC:Ann/needToKnow", .assign(value: "x", supersedes: [])))?.name == "invitees")
        #expect(try panel.validate(Self.change("", .purge)) == nil)
        for bad in [
            Self.change("source", .assign(value: "x", supersedes: [])),
            Self.change("minutes", .add(element: "x")),
            Self.change("attendance", .assign(value: "x", supersedes: [])),
            Self.change("invitees/NMC:Ann/home", .assign(value: "x", supersedes: [])),
            Self.change("invitees//role", .assign(value: "x", supersedes: [])),
            Self.change("minutes/extra", .assign(value: "x", supersedes: [])),
        ] {
            #expect(throws: SyncError.self, "\(bad.field)") { try panel.validate(bad) }
        }
    }

    /// Whatever the state, applying the operations toward a target gives the target.
    @Test(arguments: 0..<200)
    func localWritesReachTheirTarget(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var state = DocumentState()
        var wall: UInt64 = 1_000
        let schema = DocumentType.panel.schema
        let replicas = [ReplicaID("CQC.1"), ReplicaID("NMC.2")]
        for _ in 0..<6 {
            var target: [String: FieldValue] = [
                "minutes": .register(Bool.random(using: &random) ? "m\(Int.random(in: 0..<3, using: &random))" : nil),
                "attendance": .set(Set(["NMC:Ann", "GMC:Bo", "CQC:Cy"].filter { _ in Bool.random(using: &random) })),
            ]
            for key in ["NMC:Ann", "GMC:Bo"] where Bool.random(using: &random) {
                target["invitees/\(key)/role"] = .register("member")
            }
            let replica = replicas.randomElement(using: &random)!
            for (field, operation) in state.operations(toReach: target, schema: schema) {
                wall += 1
                state.apply(Change(document: "d", field: field, operation: operation,
                                   stamp: HybridTimestamp(milliseconds: wall, counter: 0, replica: replica)))
            }
            let view = state.view
            for (field, value) in target {
                switch value {
                case .register(let text): #expect(view.registers[field]?.value == text && (view.registers[field]?.conflicts ?? []).isEmpty)
                case .set(let elements): #expect((view.sets[field] ?? []) == elements)
                }
            }
            let liveInvitees = view.registers.filter { $0.key.hasPrefix("invitees/") && $0.value.value != nil }.keys
            #expect(Set(liveInvitees) == Set(target.keys.filter { $0.hasPrefix("invitees/") }))
            #expect(state.operations(toReach: target, schema: schema).isEmpty)
        }
    }
}

/// `DocumentState.knows`, which lets a node count duplicates without a version vector: a change
/// it calls known must change nothing when applied again.
@Suite("Known changes")
struct KnownChangeTests {
    @Test(arguments: 0..<100)
    func knownChangesChangeNothing(seed: UInt64) {
        let (set, replicas) = EncodingTests.history(seed: seed, operations: 120)
        var checked = 0
        for replica in replicas {
            for (id, state) in replica.documents {
                for change in set.changes where change.document == id && state.knows(change) {
                    var again = state
                    again.apply(change)
                    #expect(again == state, "seed \(seed): \(change.field) \(change.stamp) was called known but changed the state")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }
}
