import Foundation
import TriangulateModel
import TriangulateProtocol
import TriangulateSync

/// The parsers that take bytes from outside, each with the properties that must hold for any
/// input: it answers (a value or an error) and never traps; what it accepts, it writes back the
/// same. `triangulate-fuzz` runs them under libFuzzer; the tests run the kept corpora through
/// them on every build.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The request-signature headers, then freshness against several clocks.
    case requestSignature = "request-signature"
    /// The query values of the hub's API.
    case query
    /// The wire encoding of a change set (Protocol/sync.md, "Wire encoding").
    case changeSet = "change-set"
    /// The stored encoding of a document's merged state.
    case documentState = "document-state"

    /// Runs the target on one input; a broken property stops the process (libFuzzer reports it
    /// with the input).
    public func run(_ data: Data) {
        switch self {
        case .requestSignature:
            // Four headers separated by newlines, as a client may send anything in each.
            let fields = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            let values = fields + Array(repeating: "", count: max(0, 4 - fields.count))
            guard let signature = try? RequestSignature(keyID: values[0], timestamp: values[1], nonce: values[2], signature: values[3]) else { return }
            precondition(values[1].utf8.allSatisfy { (48...57).contains($0) } && Int64(values[1]) == signature.timestamp,
                         "an accepted timestamp is the decimal it was sent as")
            for seconds in [0, Double(signature.timestamp), -1e18, 1e18, .infinity, .nan] {
                _ = signature.isFresh(at: Date(timeIntervalSince1970: seconds))
            }
        case .query:
            guard let query = try? QueryValues(String(decoding: data, as: UTF8.self)) else { return }
            for (name, range) in [("after", 0...Int64.max), ("limit", 1...1_000), ("wait", 0...30), ("index", Int64(0)...Int64.max)] {
                if let value = try? query.integer(name, in: range, default: range.lowerBound) {
                    precondition(range.contains(value), "a query value outside its range was accepted")
                }
            }
        case .changeSet:
            guard let set = try? ChangeSet(decoding: [UInt8](data)) else { return }
            let again = try? ChangeSet(decoding: set.encoded())
            precondition(again == set, "a change set does not read back as it was written")
            _ = try? set.validate(in: ShareDeclaration.protocol1Schemas)
        case .documentState:
            guard let state = try? DocumentState(decoding: [UInt8](data)) else { return }
            let again = try? DocumentState(decoding: state.encoded())
            precondition(again == state, "a document state does not read back as it was written")
            _ = state.view
        }
    }
}
