import TriangulateModel
/// What every replica must know of a document before its fields: its id, type and owner.
public struct DocumentHeader: Hashable, Codable, Sendable {
    /// The document's id (a UUIDv7, as text).
    public var id: String
    /// Its type, which fixes its schema.
    public var type: DocumentType
    /// The organisation that owns it: the only writer of its owner-only fields.
    public var owner: String

    /// Makes a header.
    public init(id: String, type: DocumentType, owner: String) {
        self.id = id
        self.type = type
        self.owner = owner
    }
}
