import Foundation
import HummingbirdBcrypt
import TriangulateModel

/// The people who may sign in to the hub's console: a file the operator keeps beside the hub's
/// configuration, one `name:bcrypt-hash` a line (`#` starts a comment), written by
/// `triangulate-hub console add-operator`. Kept out of the hub's store, so that the console needs
/// no change to either store and an operator is added without touching the database.
public struct ConsoleOperators: Sendable {
    private let hashes: [String: String]

    /// Reads the file at `path`; throws naming the line that is not `name:hash`.
    public init(file path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw HubError(.invalidRequest, "cannot read the console's operators from \(path): create it with `triangulate-hub console add-operator NAME --operators \(path)`")
        }
        var hashes: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].hasPrefix("$2") else {
                throw HubError(.invalidRequest, "line \(number + 1) of \(path) is not NAME:BCRYPT-HASH")
            }
            hashes[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        self.hashes = hashes
    }

    /// Whether anyone may sign in.
    public var isEmpty: Bool { hashes.isEmpty }

    /// Whether `password` is `name`'s; as slow for an unknown name as for a wrong password.
    func verify(_ name: String, _ password: String) -> Bool {
        guard password.utf8.count <= SignInRules.maximumPasswordBytes else { return false }
        guard let hash = hashes[name] else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A line for the file: `name` with `password`'s hash (checked by `SignInRules`).
    public static func line(name: String, password: String, cost: UInt8 = 12) throws -> String {
        let name = try StaffName(parsing: name)
        guard !name.rawValue.contains(":") else { throw HubError(.invalidRequest, "an operator's name cannot hold a colon") }
        do {
            try SignInRules.check(password: password)
        } catch {
            throw HubError(.invalidRequest, error.message)
        }
        return "\(name.rawValue):\(Bcrypt.hash(password, cost: cost))"
    }

    private static let decoy = Bcrypt.hash("decoy password that is never anyone's", cost: 12)
}
