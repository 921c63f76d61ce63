import TriangulateModel

/// Changes as they travel: every change, and the header of every document they touch.
/// Changes keep their order; a document's header travels with its changes.
public struct ChangeSet: Hashable, Sendable {
    /// The headers of the documents changed, by id.
    public var headers: [String: DocumentHeader]
    /// The changes, in the order they were made or received.
    public var changes: [Change]

    /// Makes a change set; every change's document must have a header.
    public init(headers: [String: DocumentHeader] = [:], changes: [Change] = []) {
        self.headers = headers
        self.changes = changes
    }

    /// Whether there is nothing in it.
    public var isEmpty: Bool { changes.isEmpty }

    /// Checks every change has a header and fits its document's schema in `catalog`; a
    /// document of a type the catalog does not know is refused.
    public func validate(in catalog: DocumentCatalog) throws(SyncError) {
        for change in changes {
            guard let header = headers[change.document] else {
                throw SyncError(.schemaViolation, "a change to document \(change.document) arrived without its header")
            }
            guard let schema = catalog.schema(header.type) else {
                throw SyncError(.schemaViolation, "document \(change.document) is a \(header.type), a type with no schema here")
            }
            _ = try schema.validate(change)
        }
    }
}
