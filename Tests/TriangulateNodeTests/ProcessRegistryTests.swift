import Foundation
import GRDB
import Testing
import TriangulateModel
import TriangulateProtocol
import TriangulateSync
@testable import TriangulateNode

/// The registry's promises: processes do not collide, their definitions are well formed, and
/// what protocol 1 put on the wire and in stores still reads.
@Suite("Process registry")
struct ProcessRegistryTests {
    @Test func processesDoNotCollide() throws {
        let definitions = ProcessRegistry.definitions
        #expect(Set(definitions.map(\.id)).count == definitions.count, "two processes share an id")
        #expect(Set(definitions.map(\.reference.prefix)).count == definitions.count, "two processes share a reference prefix")
        let types = definitions.flatMap(\.documents).map(\.type)
        #expect(Set(types).count == types.count, "two documents share a type name")
        let clocks = definitions.flatMap(\.clocks).map(\.id)
        #expect(Set(clocks).count == clocks.count, "two clocks share an id")
        let migrations = ProcessRegistry.processes.flatMap { $0.migrations.map(\.name) }
        #expect(Set(migrations).count == migrations.count && migrations.allSatisfy { !$0.hasPrefix("v") },
                "process migrations are named by their process, never like the core's v1, v2…")
    }

    @Test func definitionsAreWellFormed() throws {
        for definition in ProcessRegistry.definitions {
            for schema in definition.documents { try schema.check() }
            for clock in definition.clocks {
                #expect(clock.process == definition.id && clock.id.hasPrefix(definition.id + "."), "\(clock.id)")
                let events = Set(definition.machines.flatMap(\.transitions).map(\.event))
                #expect(clock.stops.allSatisfy(events.contains) || definition.id == "ecp", "\(clock.id) stops on an event its process lacks")
            }
            for machine in definition.machines {
                let states = Set(machine.states)
                #expect(machine.transitions.allSatisfy { states.contains($0.from) && states.contains($0.to) })
                var reached: Set<String> = [machine.states[0]]
                var frontier = [machine.states[0]]
                while let state = frontier.popLast() {
                    for transition in machine.transitions where transition.from == state && reached.insert(transition.to).inserted {
                        frontier.append(transition.to)
                    }
                }
                #expect(reached == states, "\(machine.record): \(states.subtracting(reached).sorted()) cannot be reached from \(machine.states[0])")
            }
            #expect(definition.reference.matches(definition.reference.reference(year: 2026, number: 1)))
            #expect(definition.reference.reference(year: 2026, number: 12) == "\(definition.reference.prefix)-2026-0012")
        }
    }

    /// The schemas shares made before the kit are read with are the ECP's own, field for field:
    /// protocol 1's table is a frozen record of them, never a second definition.
    @Test func everyStepIsWellFormed() {
        for process in ProcessRegistry.processes {
            let steps = process.steps
            #expect(Set(steps.map(\.id)).count == steps.count, "\(process.definition.id): two steps share an id")
            // A process of cases opens them with a step; meetings, kept for every process, have none.
            #expect(steps.isEmpty || steps.contains { $0.opensCase }, "\(process.definition.id): no step opens a case")
            for step in steps {
                let names = step.fields.map(\.name)
                #expect(Set(names).count == names.count, "\(step.id): two fields share a name")
                #expect(step.pages.flatMap { $0 }.sorted() == names.sorted(), "\(step.id): its pages ask each field exactly once")
                #expect(step.fields.isEmpty || step.pages.allSatisfy { !$0.isEmpty }, "\(step.id): an empty page")
            }
        }
    }

    @Test func protocolOneSchemasAreTheECPsFirstVersions() {
        // The forum record came after protocol 1; every other version 1 schema is protocol 1's.
        for schema in EmergingConcerns.documents where schema.version == 1 && schema.type != .forumRecord {
            #expect(ShareDeclaration.protocol1Schemas.schema(schema.type) == schema, "\(schema.type)")
        }
        #expect(ShareDeclaration.protocol1Schemas.types.count == 6)
    }

    /// The batches a hub relayed before the kit, in wire version 1 (type as a one-byte code),
    /// still decode, to the types they had.
    @Test func wireVersionOneBatchesStillDecode() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wave1/hub.db")
        // Read from a copy: opening the fixture itself would leave SQLite's files beside it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let hub = directory.appendingPathComponent("hub.db")
        try FileManager.default.copyItem(at: fixture, to: hub)
        let queue = try DatabaseQueue(path: hub.path)
        defer { try? queue.close() }
        let payloads = try queue.read { try Data.fetchAll($0, sql: "SELECT payload FROM message WHERE kind = 'batch'") }
        #expect(payloads.count == 3)
        var types: Set<String> = []
        for payload in payloads {
            let batch = try WireJSON.decoder().decode(SignedBatch.self, from: payload)
            let bytes = [UInt8](Data(base64Encoded: batch.changes)!)
            #expect(bytes.first == 1, "the fixture holds protocol-1 batches")
            let changes = try ChangeSet(decoding: bytes)
            try changes.validate(in: ProcessRegistry.catalog)
            types.formUnion(changes.headers.values.map(\.type.rawValue))
            let again = try ChangeSet(decoding: changes.encoded())
            #expect(ChangeSet.wireVersion == 2 && again == changes, "re-encoded as version 2, it reads back the same")
        }
        #expect(types == ["concern-summary", "information-request"])
    }

    @Test func aNewProcessNeedsNoNewHubTheHubChecksTheDeclaredSchema() throws {
        let schema = HealthwatchEscalation.escalationDocument
        let header = DocumentHeader(id: "01a242ad-514a-7ef4-b91a-94475b8f3464", type: schema.type, owner: "HWKENT")
        var declaration = ShareDeclaration(id: "01a242ad-514a-7ef4-b91a-94475b8f3465", document: header, schema: schema,
                                           audience: [AudienceMember(organisation: "CQC")], purpose: "p", basis: "b",
                                           payloadClass: "metadata", fields: ["summary", "stages"])
        try declaration.validate()
        declaration.fields = ["regionalManager"]
        #expect(throws: ProtocolError.self, "a personal field needs the identifiable class") { try declaration.validate() }
        declaration.fields = ["nonsense"]
        #expect(throws: ProtocolError.self) { try declaration.validate() }
        declaration.fields = ["summary"]
        declaration.schema = DocumentSchema(schema.type, [FieldSchema("summary", .register), FieldSchema("summary", .set)])
        #expect(throws: ProtocolError.self, "a field declared twice") { try declaration.validate() }
        declaration.schema = DocumentSchema(.panel, [FieldSchema("summary", .register)])
        #expect(throws: ProtocolError.self, "a schema of another type") { try declaration.validate() }
        let json = try WireJSON.encoder().encode(ShareDeclaration(id: declaration.id, document: header, schema: schema,
                                                                  audience: declaration.audience, purpose: "p", basis: "b",
                                                                  payloadClass: "metadata", fields: ["summary"]))
        let back = try WireJSON.decoder().decode(ShareDeclaration.self, from: json)
        #expect(back.schema == schema, "the schema travels in the declaration")
    }
}
