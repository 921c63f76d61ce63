extension DocumentState {
    /// The operations by which a document's owner adopts its partners' edits, once `edits` (the
    /// partners' changes just merged into this state) are applied: a partner's batch reaches only
    /// the audience of the share it was made in, and a batch is signed by its maker, so the owner
    /// re-makes the edits as its own for every other share of the document to carry
    /// (Protocol/sync.md, "Co-editing").
    ///
    /// - A register a partner wrote is re-assigned its value, superseding it and every write it
    ///   replaced, when that write is now its only live one. A conflict is left for a person to resolve: the owner's next write
    ///   supersedes every live value, and travels everywhere.
    /// - An element a partner added and still present is added by the owner too, unless `isOwn`
    ///   already tags it; an element a partner removed is removed by the owner with the same
    ///   observed tags, the owner's adoptions of it included.
    public func adoptions(of edits: some Sequence<Change>, isOwn: (HybridTimestamp) -> Bool) -> [(field: String, operation: Change.Operation)] {
        var operations: [(field: String, operation: Change.Operation)] = []
        var assigned: Set<String> = []
        for edit in edits {
            guard let field = fields[edit.field] else { continue }
            switch edit.operation {
            case .assign:
                guard !assigned.contains(edit.field), field.register.live.count == 1, let write = field.register.live.first,
                      !isOwn(write.stamp) else { continue }
                assigned.insert(edit.field)
                // Superseding all the owner knows superseded (each replica's frontier, and the
                // pending stamps): a holder that never got the partner's write still sees the
                // writes the partner's write replaced as replaced.
                operations.append((edit.field, .assign(value: write.value, supersedes: field.register.superseded.stamps.union([write.stamp]))))
            case .add(let element):
                let tags = field.set.liveTags(of: element)
                guard !tags.isEmpty, !tags.contains(where: isOwn),
                      !operations.contains(where: { $0.field == edit.field && $0.operation == .add(element: element) }) else { continue }
                operations.append((edit.field, .add(element: element)))
            case .remove(let element, let observed):
                operations.append((edit.field, .remove(element: element, observed: observed)))
            case .purge:
                continue
            }
        }
        return operations
    }
}
