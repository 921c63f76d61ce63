import TriangulateModel
extension DocumentState {
    /// The operations that bring this state to `target`, field by field: a register is
    /// assigned only when its value differs (superseding every live write, so a conflict is
    /// resolved by writing), set elements are added or removed, and sub-document paths of a map
    /// field missing from `target` are cleared when `target` is the whole document
    /// (`isComplete`), so that a deleted sub-document is deleted. Other fields absent from
    /// `target` are left alone.
    public func operations(
        toReach target: [String: FieldValue], schema: DocumentSchema, isComplete: Bool = true
    ) -> [(field: String, operation: Change.Operation)] {
        var operations: [(field: String, operation: Change.Operation)] = []
        operations.reserveCapacity(target.count)  // a register's at most one each, the usual case
        for (path, wanted) in target.sorted(by: { $0.key < $1.key }) {
            let current = fields[path]
            switch wanted {
            case .register(let value):
                let register = current?.register
                if register?.live.last?.value != value {  // the winner's value, without making a view
                    operations.append((path, .assign(value: value, supersedes: register?.liveStamps ?? [])))
                }
            case .set(let elements):
                let set = current?.set ?? ObservedRemoveSet()
                for element in elements.subtracting(set.elements).sorted() {
                    operations.append((path, .add(element: element)))
                }
                for element in set.elements.subtracting(elements).sorted() {
                    operations.append((path, .remove(element: element, observed: set.liveTags(of: element))))
                }
            }
        }
        for field in schema.fields where isComplete {
            guard case .map = field.kind else { continue }
            for entry in fields
            where entry.name.hasPrefix(field.name + "/") && target[entry.name] == nil && entry.state.register.view?.value != nil {
                operations.append((entry.name, .assign(value: nil, supersedes: entry.state.register.liveStamps)))
            }
        }
        return operations
    }
}
