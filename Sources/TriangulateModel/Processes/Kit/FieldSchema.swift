/// One field of a document schema: its CRDT, who may write it, and whether it can hold
/// personal data.
public struct FieldSchema: Hashable, Codable, Sendable {
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

    private enum CodingKeys: String, CodingKey { case name, crdt, subfields, writer, personal }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        switch try container.decode(String.self, forKey: .crdt) {
        case "register": kind = .register
        case "set": kind = .set
        case "map": kind = .map(subfields: try container.decode([String].self, forKey: .subfields))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .crdt, in: container, debugDescription: "'\(other)' is not a field CRDT: use register, set or map")
        }
        writer = try container.decode(WriterRole.self, forKey: .writer)
        // Absent means not personal; present, it must be true or false (null is refused).
        isPersonal = container.contains(.personal) ? try container.decode(Bool.self, forKey: .personal) : false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        switch kind {
        case .register: try container.encode("register", forKey: .crdt)
        case .set: try container.encode("set", forKey: .crdt)
        case .map(let subfields):
            try container.encode("map", forKey: .crdt)
            try container.encode(subfields, forKey: .subfields)
        }
        try container.encode(writer, forKey: .writer)
        try container.encode(isPersonal, forKey: .personal)
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
