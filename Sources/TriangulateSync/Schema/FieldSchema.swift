/// One field of a document schema: its CRDT, who may write it, and whether it can hold
/// personal data.
public struct FieldSchema: Hashable, Sendable {
    /// The field's name, e.g. `minutes`.
    public let name: String
    /// How concurrent writes merge.
    public let kind: Kind
    /// Which organisations may write it.
    public let writer: WriterRole
    /// Whether the field can hold personal data, so that sharing it needs the identifiable
    /// class, an approval and a panel.
    public let isPersonal: Bool

    /// Declares a field.
    public init(_ name: String, _ kind: Kind, writer: WriterRole = .owner, isPersonal: Bool = false) {
        self.name = name
        self.kind = kind
        self.writer = writer
        self.isPersonal = isPersonal
    }

    /// The CRDT of a field.
    public enum Kind: Hashable, Sendable {
        /// A multi-value register: last writer wins by stamp, concurrent values kept as a conflict.
        case register
        /// An add-wins observed-remove set of strings.
        case set
        /// A map of sub-documents, each a group of registers: paths `name/<key>/<subfield>`.
        case map(subfields: [String])
    }
}

/// Which organisations may write a field.
public enum WriterRole: String, Hashable, Codable, Sendable {
    /// Only the organisation that owns the document.
    case owner
    /// Any organisation in the document's audience, the owner included: co-edited fields
    /// such as minutes, attendance and answers.
    case audience
}
