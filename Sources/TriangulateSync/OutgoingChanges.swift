/// One document's consecutive changes in a list of changes: the document's header and where
/// its changes lie.
struct ChangeRun: Sendable {
    /// The header of the document every change of the run changes.
    var header: DocumentHeader
    /// The run's changes, by their places in the list.
    var changes: Range<Int>
}

/// Changes as a replica makes them, document by document, to be stored as one commit: each
/// document's header is kept with its run of changes, so that they encode to exactly the bytes
/// of the `ChangeSet` they form, without a dictionary of headers filled for every document and
/// read back for every run.
public struct OutgoingChanges: Sendable {
    private var changes: [Change] = []
    private var runs: [ChangeRun] = []

    /// None yet.
    public init() {}

    /// How many changes there are.
    public var count: Int { changes.count }

    /// Whether there are none.
    public var isEmpty: Bool { changes.isEmpty }

    /// Adds `change`, to the document of `header`, after the others.
    public mutating func append(_ change: Change, to header: DocumentHeader) {
        assert(change.document == header.id, "a change appended to another document's header")
        extendRun(of: header, by: 1)
        changes.append(change)
    }

    /// Adds `newChanges`, all to the document of `header`, after the others: one run, with
    /// the array grown once.
    public mutating func append(contentsOf newChanges: [Change], to header: DocumentHeader) {
        guard !newChanges.isEmpty else { return }
        assert(newChanges.allSatisfy { $0.document == header.id }, "a change appended to another document's header")
        extendRun(of: header, by: newChanges.count)
        changes.append(contentsOf: newChanges)
    }

    /// Counts `count` more changes, about to be appended, in the run of `header`'s document:
    /// the last run when it is that document's, or a new one.
    private mutating func extendRun(of header: DocumentHeader, by count: Int) {
        let end = changes.count + count
        if let last = runs.indices.last, runs[last].header.id == header.id {
            runs[last].changes = runs[last].changes.lowerBound..<end
        } else {
            runs.append(ChangeRun(header: header, changes: changes.count..<end))
        }
    }

    /// The change set they form.
    public var changeSet: ChangeSet {
        ChangeSet(headers: Dictionary(runs.map { ($0.header.id, $0.header) }, uniquingKeysWith: { _, last in last }), changes: changes)
    }

    /// Their wire encoding: the bytes of `changeSet.encoded()`.
    public func encoded() -> [UInt8] { ChangeSet.encode(changes, in: runs) }
}
