/// A document's id as a replica indexes its documents: a canonical UUID's 128 bits, which hash
/// and compare without reading the id's text from memory, or the text of an id in any other
/// form. Each id has exactly one key, and gives it back unchanged.
enum DocumentKey: Hashable, Sendable {
    /// A lowercase canonical UUID, as nodes make document ids.
    case uuid(CanonicalUUID)
    /// Any other id.
    case text(String)

    /// The key of `id`.
    init(_ id: String) {
        if let uuid = CanonicalUUID(id) { self = .uuid(uuid) } else { self = .text(id) }
    }

    /// The id.
    var id: String {
        switch self {
        case .uuid(let uuid): uuid.text
        case .text(let text): text
        }
    }
}
