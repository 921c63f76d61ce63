/// The value a writer wants a field to have: the target a local write is diffed against.
public enum FieldValue: Hashable, Sendable {
    /// A register's value; `nil` clears it.
    case register(String?)
    /// A set's elements.
    case set(Set<String>)
}
