/// A process, declared once: its records and their fields, its states and transitions, its
/// clocks, its shareable documents and its reference format. The registry (`ProcessRegistry`)
/// lists every process; the node, the command line and the documentation read them from there.
public struct ProcessDefinition: Sendable {
    /// A short stable id, e.g. `ecp`, `hwe`: the worklist's `--process`.
    public let id: String
    /// Its name for people, e.g. "Emerging Concerns Protocol".
    public let title: String
    /// Where its rules come from, e.g. "seed 004: Healthwatch England interim escalation process".
    public let source: String
    /// How its cases are numbered.
    public let reference: ReferenceFormat
    /// Its records and their fields.
    public let records: [RecordDefinition]
    /// Its records' states and transitions.
    public let machines: [StateMachineDescription]
    /// Its clocks.
    public let clocks: [ClockDefinition]
    /// Its shareable documents: the only things of it that ever leave a node.
    public let documents: [DocumentSchema]

    /// Declares a process.
    public init(id: String, title: String, source: String, reference: ReferenceFormat, records: [RecordDefinition],
                machines: [StateMachineDescription], clocks: [ClockDefinition], documents: [DocumentSchema]) {
        self.id = id
        self.title = title
        self.source = source
        self.reference = reference
        self.records = records
        self.machines = machines
        self.clocks = clocks
        self.documents = documents
    }
}

/// A record of a process and its fields.
public struct RecordDefinition: Hashable, Sendable {
    /// The record's name, e.g. "escalation".
    public let name: String
    /// Its fields.
    public let fields: [RecordField]

    /// Declares a record.
    public init(_ name: String, _ fields: [RecordField]) {
        self.name = name
        self.fields = fields
    }
}

/// A field of a record: its name, what it holds, whether it must be given, whether it can hold
/// personal data.
public struct RecordField: Hashable, Sendable {
    /// What a field holds.
    public enum Kind: Hashable, Sendable {
        case text, date, number, flag, organisation, reference
        /// One of a closed set of values.
        case choice([String])
    }

    /// The field's name.
    public let name: String
    /// What it holds.
    public let kind: Kind
    /// Whether it must be given.
    public let isRequired: Bool
    /// Whether it can hold personal data.
    public let isPersonal: Bool

    /// Declares a field.
    public init(_ name: String, _ kind: Kind, required: Bool = false, personal: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.isPersonal = personal
    }
}
