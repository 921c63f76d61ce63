import TriangulateModel

extension DocumentSchema {
    /// The schema field a change's path addresses, checking the operation fits its CRDT.
    /// A purge addresses no field and is always well formed.
    public func validate(_ change: Change) throws(SyncError) -> FieldSchema? {
        if case .purge = change.operation { return nil }
        if let field = field(change.field) {  // the common case: a plain field
            switch (field.kind, change.operation) {
            case (.register, .assign), (.set, .add), (.set, .remove): return field
            default: throw SyncError(.schemaViolation, "'\(change.field)' of a \(type.rawValue) cannot take that operation: it is a \(field.kind)")
            }
        }
        let parts = change.field.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let field = field(parts[0]) else {
            throw SyncError(.schemaViolation, "a \(type.rawValue) has no field '\(parts[0])'")
        }
        switch (field.kind, change.operation) {
        case (.map(let subfields), .assign) where parts.count == 3 && !parts[1].isEmpty && subfields.contains(parts[2]):
            return field
        default:
            throw SyncError(.schemaViolation, "'\(change.field)' of a \(type.rawValue) cannot take that operation: it is a \(field.kind)")
        }
    }
}
