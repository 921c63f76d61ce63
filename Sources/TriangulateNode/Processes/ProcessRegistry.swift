import Foundation
import GRDB
import TriangulateModel
import TriangulateSync

/// The processes this node runs: the one place a process is registered (with its commands in
/// the command line's `ProcessCommands`). Order matters only for migrations: append new
/// processes at the end.
enum ProcessRegistry {
    /// Every process, in registration order.
    static let processes: [any NodeProcess.Type] = [
        EmergingConcernsProcess.self,
        HealthwatchEscalationProcess.self,
        MeetingsProcess.self,
        OrganisationalSafeguardingProcess.self,
        ProviderConcernsProcess.self,
        OmbudsmanAlertsProcess.self,
        FinalDecisionsProcess.self,
        InvestigationNoticesProcess.self,
        RegistrationConditionNoticesProcess.self,
    ]

    /// Every kind of meeting of every process.
    static let meetingKinds: [MeetingKind] = processes.flatMap { $0.meetingKinds }

    /// Every process's definition.
    static let definitions: [ProcessDefinition] = processes.map { $0.definition }

    /// The schemas of every shareable document of every process; a type declared by two
    /// processes stops the node at start.
    static let catalog = DocumentCatalog(definitions.flatMap(\.documents))

    /// The shareable document a person names. Newer processes are asked first, each claiming only
    /// its own references; the Emerging Concerns Protocol, first registered, takes the rest.
    static func resolveDocument(_ text: String, in db: Database) throws -> NamedDocument {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for process in processes.reversed() {
            if let found = try process.resolveDocument(trimmed, in: db) { return found }
        }
        throw NodeError(.notFound, "no record matches '\(text)'")
    }

    /// The process that declares `type`, if any.
    static func process(declaring type: DocumentType) -> (any NodeProcess.Type)? {
        processes.first { $0.definition.documents.contains { $0.type == type } }
    }

    /// The schema of `type`, or an error naming it as a type no process here declares.
    static func schema(_ type: DocumentType) throws(SyncError) -> DocumentSchema {
        guard let schema = catalog.schema(type) else {
            throw SyncError(.schemaViolation, "a \(type) is a document of a process this node does not run: update Triangulate to receive it")
        }
        return schema
    }
}

extension NodeStore {
    /// The definitions of the processes this node runs, in registration order.
    public static var processes: [ProcessDefinition] { ProcessRegistry.definitions }

    /// Every category or type of case, of every process, in order and once each.
    public static var caseCategories: [String] {
        var seen = Set<String>()
        return ProcessRegistry.processes.flatMap { $0.caseCategories }.filter { seen.insert($0).inserted }
    }

    /// Every state a case can be in, of every process, with its words (a state two processes share, once).
    public static var caseStates: [(value: String, label: String)] {
        var seen = Set<String>()
        return ProcessRegistry.processes.flatMap { $0.caseStates }.filter { seen.insert($0.value).inserted }
    }

    /// The name of process `id` for people, or the id itself when no process has it.
    public static func processTitle(_ id: String) -> String {
        ProcessRegistry.definitions.first { $0.id == id }?.title ?? id
    }
}
