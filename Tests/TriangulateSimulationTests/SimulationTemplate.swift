import Foundation
import TriangulateHub
import TriangulateModel
@testable import TriangulateNode
import TriangulateProtocol

/// The world every seed starts from, made once per test run: a hub store with five
/// organisations, and their five node stores enrolled with it. Each seed gets a fresh copy of the
/// files, which is far quicker than making stores and keys again.
struct SimulationTemplate: Sendable {
    /// The organisations, in the order a seed takes the first few of them.
    static let organisations = ["CQC", "NMC", "GMC", "LGSCO", "HCPC"]
    /// The URL the nodes are enrolled with; the simulated network ignores it.
    static let hubURL = "http://hub.simulated"
    /// The hub store's file name.
    static let hubFile = "hub.sqlite"

    /// Where the template's files are.
    let directory: URL

    /// Makes the template's files under `parent`.
    static func make(under parent: URL) async throws -> SimulationTemplate {
        let directory = parent.appendingPathComponent("template")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let hub = Hub(store: try SQLiteHubStore(path: directory.appendingPathComponent(hubFile).path))
        for code in organisations {
            let store = try NodeStore.create(at: directory.appendingPathComponent("\(code).sqlite").path,
                                             organisation: try OrganisationCode(parsing: code), by: "simulator")
            let token = try await hub.addOrganisation(code: code, name: code, role: "signatory")
            let key = try store.signingKey()
            _ = try await hub.enrol(try EnrolmentRequest(token: token, key: key))
            try store.recordEnrolment(url: hubURL, hubKey: hub.store.hubKey.base64, key: key, by: "simulator")
        }
        return SimulationTemplate(directory: directory)
    }

    /// Copies the template's files — each store and its write-ahead log — into `target`.
    func copy(to target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasSuffix("-shm") {
            try FileManager.default.copyItem(at: directory.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
    }

    /// Where a run's files go: memory-backed when the machine has it, since a simulation commits
    /// thousands of transactions and durability on a real disk is not what it tests.
    static func scratch() -> URL {
        let shared = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: shared.path) ? shared : FileManager.default.temporaryDirectory
        return base.appendingPathComponent("triangulate-simulation-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }
}
