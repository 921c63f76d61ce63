/// The merged state of one document: a register and a set part per field, or nothing at all
/// once purged. Applying changes is idempotent, commutative and associative.
public struct DocumentState: Hashable, Sendable {
    /// The fields, in name order.
    public private(set) var fields = FieldTable()
    /// Whether the document has been purged.
    public private(set) var isPurged = false

    /// An empty document.
    public init() {}

    init(fields: FieldTable, isPurged: Bool) {
        self.fields = fields
        self.isPurged = isPurged
    }

    /// Applies one change.
    public mutating func apply(_ change: Change) {
        withUnsafePointer(to: change) { apply(at: $0) }
    }

    /// Applies the change at `change`, read where it lies: a copy would retain its id, its
    /// value and its sets, and release them again, for every change merged.
    private mutating func apply(at change: UnsafePointer<Change>) {
        guard !isPurged else { return }
        if case .purge = change.pointee.operation {
            isPurged = true
            fields = FieldTable()
            return
        }
        fields.apply(change)
    }

    /// Whether applying `change` would change nothing because it, or a change that supersedes
    /// or removes it, has been applied already.
    public func knows(_ change: Change) -> Bool {
        if isPurged { return true }
        guard let field = fields[change.field] else { return false }
        switch change.operation {
        case .assign(_, let supersedes):
            return field.register.knows(change.stamp, supersedes: supersedes)
        case .add(let element):
            return field.set.removed.contains(change.stamp) || field.set.tags[element]?.contains(change.stamp) == true
        case .remove(_, let observed):
            return observed.isSubset(of: field.set.removed)
        case .purge:
            return false
        }
    }

    /// The state with only the fields `keep` accepts (by path), the others gone as if never
    /// written: what a recipient keeps of a document when one of its shares is withdrawn and
    /// another, with fewer fields, still reaches it.
    public func keeping(_ keep: (String) -> Bool) -> DocumentState {
        DocumentState(fields: fields.filter(keep), isPurged: isPurged)
    }

    /// Applies changes in order.
    public mutating func apply(_ changes: some Collection<Change>) {
        // Read where they lie when the collection is contiguous, rather than copied out one by one.
        let applied: Void? = changes.withContiguousStorageIfAvailable { apply(contentsOf: $0) }
        if applied == nil { for change in changes { apply(change) } }
    }

    /// Applies an array's changes in order. Not generic, so that a caller in another module
    /// runs it specialised rather than through the collection's witness table.
    public mutating func apply(_ changes: [Change]) {
        changes.withUnsafeBufferPointer { apply(contentsOf: $0) }
    }

    /// Applies the changes in `changes`, in order, each read where it lies.
    private mutating func apply(contentsOf changes: UnsafeBufferPointer<Change>) {
        if fields.isEmpty { fields.reserveCapacity(changes.count) }  // a new document's first changes
        guard let first = changes.baseAddress else { return }
        for offset in 0..<changes.count { apply(at: first + offset) }
    }

    /// What people see of the document.
    public var view: DocumentView {
        var registers: [String: RegisterView] = [:]
        var sets: [String: Set<String>] = [:]
        for field in fields {
            if let register = field.state.register.view { registers[field.name] = register }
            if !field.state.set.isEmpty { sets[field.name] = field.state.set.elements }
        }
        return DocumentView(isPurged: isPurged, registers: registers, sets: sets)
    }
}

/// One field: a last-writer-wins register that keeps concurrent values, and an add-wins set.
public struct FieldState: Hashable, Sendable {
    /// The register part.
    public var register = RegisterState()
    /// The set part.
    public var set = ObservedRemoveSet()

    /// Applies the change at `change`, read where it lies.
    mutating func apply(_ change: UnsafePointer<Change>) {
        let stamp = change.pointee.stamp
        switch change.pointee.operation {
        case .assign(let value, let supersedes): register.assign(value, supersedes: supersedes, stamp: stamp)
        case .add(let element): set.add(element, tag: stamp)
        case .remove(let element, let observed): set.remove(element, observed: observed)
        case .purge: break
        }
    }
}

/// A multi-value register: every write not superseded by another is live; the one with the
/// highest stamp is the value, and more than one live write is a conflict shown to reviewers.
public struct RegisterState: Hashable, Sendable {
    /// One live write: its stamp and its value (`nil` is a tombstone).
    public typealias Write = LiveWrites.Write

    /// Live writes, oldest first. Almost always one: more only while there is a conflict.
    public private(set) var live = LiveWrites()
    /// The writes superseded: a frontier per replica, and the stamps whose writes are not held here.
    public private(set) var superseded = SupersededWrites()

    init() {}

    /// The register these parts describe, in its one canonical form whatever they hold: a
    /// frontier is raised only by a write held here, so a pending stamp that is live becomes
    /// that replica's frontier, and whatever a frontier covers goes.
    init(live: [Write], frontiers: [HybridTimestamp], pending: some Sequence<HybridTimestamp>) {
        for frontier in frontiers { superseded.raiseFrontier(to: frontier) }
        for stamp in pending { superseded.insertPending(stamp) }
        for write in live { assign(write.value, supersedes: [], stamp: write.stamp) }
    }

    mutating func assign(_ value: String?, supersedes: Set<HybridTimestamp>, stamp: HybridTimestamp) {
        for replaced in supersedes where !superseded.contains(replaced) {
            if live.contains(stamp: replaced) { supersede(heldWrite: replaced) } else { superseded.insertPending(replaced) }
        }
        if superseded.isAtOrBelowFrontier(stamp) { return }
        if superseded.isPending(stamp) {
            supersede(heldWrite: stamp)
            return
        }
        live.insert(Write(stamp: stamp, value: value))
    }

    /// Supersedes `stamp`, a write held here, and with it every earlier write of its replica.
    private mutating func supersede(heldWrite stamp: HybridTimestamp) {
        superseded.raiseFrontier(to: stamp)
        live.remove(ofReplicaAtOrBelow: stamp)
    }

    /// Whether applying a write with `stamp` that supersedes `supersedes` would change nothing.
    func knows(_ stamp: HybridTimestamp, supersedes: Set<HybridTimestamp>) -> Bool {
        // A pending stamp's write is not known: it would raise its replica's frontier. A write
        // can arrive after a later one that superseded it, and must still supersede what it saw.
        (superseded.isAtOrBelowFrontier(stamp) || live.contains(stamp: stamp)) && supersedes.allSatisfy(superseded.contains)
    }

    /// The stamps a new local write supersedes: every live one.
    public var liveStamps: Set<HybridTimestamp> { Set(live.map(\.stamp)) }

    /// The value and any conflict, or `nil` when never written.
    public var view: RegisterView? {
        guard let winner = live.last else { return nil }
        return RegisterView(value: winner.value, conflicts: live.count > 1 ? live.map(\.value) : [])
    }
}

/// An add-wins observed-remove set: an element is present while it has a tag no remove observed.
public struct ObservedRemoveSet: Hashable, Sendable {
    /// The live tags of each element present.
    private(set) var tags: [String: Set<HybridTimestamp>] = [:]
    /// Every tag some remove observed.
    private(set) var removed: Set<HybridTimestamp> = []

    init() {}

    init(tags: [String: Set<HybridTimestamp>], removed: Set<HybridTimestamp>) {
        self.tags = tags
        self.removed = removed
    }

    mutating func add(_ element: String, tag: HybridTimestamp) {
        if !removed.contains(tag) { tags[element, default: []].insert(tag) }
    }

    mutating func remove(_ element: String, observed: Set<HybridTimestamp>) {
        removed.formUnion(observed)
        tags[element]?.subtract(observed)
        if tags[element]?.isEmpty == true { tags[element] = nil }
    }

    /// The tags of `element` a local remove observes now.
    public func liveTags(of element: String) -> Set<HybridTimestamp> { tags[element] ?? [] }

    /// The elements present.
    public var elements: Set<String> { Set(tags.keys) }

    var isEmpty: Bool { tags.isEmpty }
}

/// What people see of a document.
public struct DocumentView: Hashable, Sendable {
    /// Whether it was purged.
    public var isPurged: Bool
    /// Register fields: value and conflict set.
    public var registers: [String: RegisterView]
    /// Set fields: elements.
    public var sets: [String: Set<String>]

    /// Makes a view.
    public init(isPurged: Bool, registers: [String: RegisterView], sets: [String: Set<String>]) {
        self.isPurged = isPurged
        self.registers = registers
        self.sets = sets
    }
}

/// A register's value, with every concurrent value (the winner included, oldest first) while
/// there is a conflict.
public struct RegisterView: Hashable, Sendable {
    /// The winning value by stamp; `nil` when the winner is a tombstone.
    public var value: String?
    /// All live values while more than one is live; empty when there is no conflict.
    public var conflicts: [String?]

    /// Makes a view.
    public init(value: String?, conflicts: [String?]) {
        self.value = value
        self.conflicts = conflicts
    }
}
