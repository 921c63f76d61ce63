/// The schemas a replica knows, by document type: a node's are those of the processes in its
/// registry; a hub's are those the shares it holds declare.
public struct DocumentCatalog: Sendable {
    private let schemas: [DocumentType: DocumentSchema]

    /// A catalog of `schemas`; a type declared twice is a programming error.
    public init(_ schemas: [DocumentSchema]) {
        var byType: [DocumentType: DocumentSchema] = [:]
        for schema in schemas {
            precondition(byType[schema.type] == nil, "document type \(schema.type) is declared twice")
            byType[schema.type] = schema
        }
        self.schemas = byType
    }

    /// The schema of `type`, if known.
    public func schema(_ type: DocumentType) -> DocumentSchema? { schemas[type] }

    /// Every type known, in name order.
    public var types: [DocumentType] { schemas.keys.sorted() }
}
