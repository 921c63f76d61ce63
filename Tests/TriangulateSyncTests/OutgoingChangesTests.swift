import Testing
import TriangulateModel
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

    /// Appending a document's consecutive changes together, in pieces of any size, gives the
    /// same changes and bytes as appending them one by one.
    @Test(arguments: 0..<50)
    func changesAppendedTogetherEncodeAsAppendedOneByOne(seed: UInt64) throws {
        let (set, _) = EncodingTests.history(seed: seed)
        var random = SeededGenerator(seed: seed)
        var outgoing = OutgoingChanges()
        var start = set.changes.startIndex
        while start < set.changes.endIndex {
            let document = set.changes[start].document
            var end = start + 1
            let most = Int.random(in: 1...4, using: &random)  // a piece of a run, at most this long
            while end < set.changes.endIndex, end - start < most, set.changes[end].document == document { end += 1 }
            let header = try #require(set.headers[document])
            if end - start == 1, Bool.random(using: &random) {
                outgoing.append(set.changes[start], to: header)
            } else {
                outgoing.append(contentsOf: Array(set.changes[start..<end]), to: header)
            }
            start = end
        }
        outgoing.append(contentsOf: [], to: DocumentHeader(id: "nothing", type: .action, owner: "NMC"))
        #expect(outgoing.count == set.changes.count)
        #expect(outgoing.encoded() == set.encoded())
    }

    @Test func nothingAppendedIsEmpty() {
        let outgoing = OutgoingChanges()
        #expect(outgoing.isEmpty && outgoing.count == 0 && outgoing.encoded() == ChangeSet().encoded())
    }
}
