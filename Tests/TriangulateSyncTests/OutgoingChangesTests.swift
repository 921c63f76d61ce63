import Testing
import TriangulateSync

/// A replica's outgoing changes, kept by document as it makes them, encode to exactly the bytes
/// of the change set they form, and form exactly that change set.
@Suite("Outgoing changes")
struct OutgoingChangesTests {
    @Test(arguments: 0..<50)
    func outgoingChangesEncodeAsTheirChangeSet(seed: UInt64) throws {
        let (set, _) = EncodingTests.history(seed: seed)
        var outgoing = OutgoingChanges()
        for change in set.changes { outgoing.append(change, to: try #require(set.headers[change.document])) }
        #expect(outgoing.count == set.changes.count)
        #expect(outgoing.encoded() == set.encoded())
        #expect(outgoing.changeSet == ChangeSet(headers: set.headers.filter { id, _ in set.changes.contains { $0.document == id } },
                                                changes: set.changes))
    }

    @Test func nothingAppendedIsEmpty() {
        let outgoing = OutgoingChanges()
        #expect(outgoing.isEmpty && outgoing.count == 0 && outgoing.encoded() == ChangeSet().encoded())
    }
}
