/// The fields of one document type. A change is valid for a schema when it names one of its
/// fields (or a sub-document path of a map field) with an operation of that field's CRDT.
public struct DocumentSchema: Sendable {
    /// The type described.
    public let type: DocumentType
    /// The fields, in declaration order.
    public let fields: [FieldSchema]
    private let byName: [String: FieldSchema]

    /// Declares a schema.
    public init(_ type: DocumentType, _ fields: [FieldSchema]) {
        self.type = type
        self.fields = fields
        self.byName = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
    }

    /// The field named `name`, if any.
    public func field(_ name: String) -> FieldSchema? { byName[name] }

    /// The schema field a change's path addresses, checking the operation fits its CRDT.
    /// A purge addresses no field and is always well formed.
    public func validate(_ change: Change) throws(SyncError) -> FieldSchema? {
        if case .purge = change.operation { return nil }
        if let field = byName[change.field] {  // the common case: a plain field
            switch (field.kind, change.operation) {
            case (.register, .assign), (.set, .add), (.set, .remove): return field
            default: throw SyncError(.schemaViolation, "'\(change.field)' of a \(type.rawValue) cannot take that operation: it is a \(field.kind)")
            }
        }
        let parts = change.field.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let field = byName[parts[0]] else {
            throw SyncError(.schemaViolation, "a \(type.rawValue) has no field '\(parts[0])'")
        }
        switch (field.kind, change.operation) {
        case (.register, .assign) where parts.count == 1,
             (.set, .add) where parts.count == 1,
             (.set, .remove) where parts.count == 1:
            return field
        case (.map(let subfields), .assign) where parts.count == 3 && !parts[1].isEmpty && subfields.contains(parts[2]):
            return field
        default:
            throw SyncError(.schemaViolation, "'\(change.field)' of a \(type.rawValue) cannot take that operation: it is a \(field.kind)")
        }
    }
}
