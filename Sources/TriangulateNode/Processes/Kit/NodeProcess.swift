import Foundation
import GRDB
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// What a process brings to a node, besides its own commands: its definition, its tables
/// (append-only migrations), how its records become shareable documents and take back partners'
/// edits, its open clocks and the references people type. `ProcessRegistry` lists them.
protocol NodeProcess: Sendable {
    /// The process's definition.
    static var definition: ProcessDefinition { get }
    /// Its migrations, in order, after the core's; each name is unique in the store and never
    /// changes once shipped.
    static var migrations: [NodeMigration] { get }
    /// The document a local record projects to, or nil when the record is gone or not this
    /// organisation's to share. Only schema fields are ever projected.
    static func project(_ type: DocumentType, id: String, organisation: OrganisationCode, in db: Database) throws -> ProjectedDocument?
    /// Brings partners' edits of the fields the audience may write back into the local record;
    /// a value the record cannot hold stays in the shared document only. `edits` says which
    /// partners' changes just arrived, to which fields, and when.
    static func writeBack(_ view: DocumentView, to header: DocumentHeader, edits: PartnerEdits, in db: Database) throws
    /// The clocks open on its records.
    static func openClocks(in db: Database, calendar: WorkingCalendar, nation: Nation) throws -> [OpenClock]
    /// The shareable document a reference names (`ECP-2026-0001/R1`, `HWE-2026-0001`), or nil
    /// when the text is not one of this process's references.
    static func resolveDocument(_ text: String, in db: Database) throws -> NamedDocument?
    /// Its cases (only those with the given ids, when there are some), newest first, as the case
    /// list and search read them.
    static func cases(in db: Database, only ids: [String]?) throws -> [CaseSummary]
    /// The categories or types its cases fall in, as `CaseSummary.category` holds them.
    static var caseCategories: [String] { get }
    /// The states its cases can be in, as `CaseSummary.state` holds them, with their words.
    static var caseStates: [(value: String, label: String)] { get }
    /// The case with record id `id`, in full, or nil when it is not one of this process's.
    static func caseDetail(id: String, in db: Database) throws -> CaseDetail?
    /// Its steps as an interface offers them; those that open a case come first.
    static var steps: [StepDefinition] { get }
    /// The steps allowed now on case `id`, or nil when it is not one of this process's.
    static func allowedSteps(on id: String, in db: Database) throws -> [StepDefinition]?
    /// Takes `values.step` on case `id` (nil for a step that opens a case) as `user`, through
    /// the node's services; returns the case's id.
    static func take(_ values: StepValues, on id: String?, store: NodeStore, by user: String) throws -> String
    /// The values of case `id` that may be corrected, or nil when it is not one of this process's.
    static func correctableFields(on id: String, in db: Database) throws -> [CorrectableField]?
    /// Checks `value` as the new value of `key` on case `id` and writes it, in `command`'s transaction.
    static func applyCorrection(_ key: String, value: String, on id: String, _ command: Command) throws
    /// The kinds of meeting it holds (kept once, in `meeting`, for every process).
    static var meetingKinds: [MeetingKind] { get }
    /// The subjects of its open cases, for matching (Protocol/matching.md).
    static func matchSubjects(in db: Database) throws -> [CaseMatchSubjects]
}

extension NodeProcess {
    static var meetingKinds: [MeetingKind] { [] }

    /// By default, the CQC ids among each open case's identifiers, resolved with the register.
    static func matchSubjects(in db: Database) throws -> [CaseMatchSubjects] {
        try cases(in: db, only: nil).filter { !$0.isClosed }.compactMap { summary in
            let subjects = try summary.subjectIdentifiers.reduce(into: Set<MatchSubject>()) { $0.formUnion(try MatchSubjects.resolving($1, in: db)) }
            return subjects.isEmpty ? nil : CaseMatchSubjects(caseId: summary.id, reference: summary.reference, openedOn: summary.openedOn, subjects: subjects)
        }
    }
}

/// Partners' changes to one of this organisation's documents that just arrived: which fields
/// each partner (by organisation code, from the signed changes) wrote, and when they arrived.
struct PartnerEdits {
    /// Fields written, by partner.
    let fields: [String: Set<String>]
    /// When they arrived.
    let at: Date

    /// The partners that wrote `field`, in order.
    func editors(of field: String) -> [String] { fields.filter { $0.value.contains(field) }.keys.sorted() }
}

/// A document as a record projects it: its header and its fields as text.
typealias ProjectedDocument = (header: DocumentHeader, fields: [String: FieldValue])

/// A migration of a node store: a name unique in the store, and what it does.
struct NodeMigration: Sendable {
    /// Its name, e.g. `hwe-v1-escalations`.
    let name: String
    /// What it does.
    let migrate: @Sendable (Database) throws -> Void
}

/// A shareable document a person named: its id, the concern it belongs to (for the history) and
/// its reference.
struct NamedDocument {
    /// The document's id.
    let id: String
    /// The ECP concern it belongs to, if any.
    let concernId: ConcernID?
    /// Its reference, as the history shows it.
    let reference: String
}
