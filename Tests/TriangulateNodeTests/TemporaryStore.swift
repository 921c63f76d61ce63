import Foundation
import TriangulateModel
import TriangulateNode

/// A real SQLite store in a fresh temporary directory, removed when the test ends.
final class TemporaryStore {
    let directory: URL
    let store: NodeStore
    var path: String { store.path }

    init(org: String = "CQC") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try NodeStore.create(at: directory.appendingPathComponent("node.sqlite").path,
                                     organisation: try OrganisationCode(parsing: org), by: "tester")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The bytes of the store's files (main file and WAL), to show a refused command changed
    /// nothing; read once no checkpoint is copying the log into the file.
    func bytes() -> Data {
        store.waitForLogCheckpoint()
        return ["", "-wal"].reduce(into: Data()) { data, suffix in
            data.append(FileManager.default.contents(atPath: path + suffix) ?? Data())
        }
    }
}

func day(_ text: String) -> LocalDate {
    (try? LocalDate(parsing: text)) ?? LocalDate(Date())
}

func org(_ text: String) -> OrganisationCode {
    (try? OrganisationCode(parsing: text)) ?? OrganisationCode.cqcForTests
}

extension OrganisationCode {
    fileprivate static var cqcForTests: OrganisationCode {
        OrganisationRegistry.ecp2021.organisations[0].code
    }
}
