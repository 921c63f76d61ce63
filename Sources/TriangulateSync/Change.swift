/// One change to one field of one shared document: the unit that is tracked, exchanged and
/// merged. Changes are idempotent and commutative: applied in any order, any number of times,
/// they give the same document.
public struct Change: Hashable, Codable, Sendable {
    /// The document changed (its UUIDv7, as text).
    public var document: String
    /// The field changed; sub-documents use paths such as `actions/<id>/status`.
    public var field: String
    /// What was done.
    public var operation: Operation
    /// When, and by which replica: also the change's identity.
    public var stamp: HybridTimestamp

    /// Makes a change.
    public init(document: String, field: String, operation: Operation, stamp: HybridTimestamp) {
        self.document = document
        self.field = field
        self.operation = operation
        self.stamp = stamp
    }

    /// The operations of the field CRDTs.
    public enum Operation: Hashable, Codable, Sendable {
        /// Writes a register: `nil` is a tombstone. `supersedes` names the writes the writer had
        /// seen; writes neither of which saw the other are concurrent and both stay visible as a
        /// conflict until a later write supersedes them.
        case assign(value: String?, supersedes: Set<HybridTimestamp>)
        /// Adds an element to an add-wins observed-remove set; the change's stamp is its tag.
        case add(element: String)
        /// Removes the tags of an element the writer had observed; a concurrent add survives.
        case remove(element: String, observed: Set<HybridTimestamp>)
        /// Removes the whole document's content for good; later changes to it are ignored.
        case purge
    }
}
