import Foundation
import Synchronization
import TriangulateProtocol

/// Share declarations already decoded, by the exact bytes a store holds for them: a batch's share
/// is read on every push, and a declaration carries its document's whole schema, so decoding its
/// JSON each time was the hub's largest cost per relayed batch. Keyed by share id and checked
/// against the stored bytes, so a redeclared share is decoded afresh; bounded, and emptied when
/// full (the working set of shares in use is small).
public final class DeclarationCache: Sendable {
    private let entries = Mutex<[String: (bytes: Data, declaration: ShareDeclaration)]>([:])
    private let capacity: Int

    /// A cache of up to `capacity` declarations.
    public init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The declaration these stored bytes of share `id` hold, decoded once.
    public func declaration(of id: String, from bytes: Data) throws -> ShareDeclaration {
        if let hit = entries.withLock({ $0[id] }), hit.bytes == bytes { return hit.declaration }
        let declaration = try WireJSON.decoder().decode(ShareDeclaration.self, from: bytes)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = (bytes, declaration)
        }
        return declaration
    }
}
