import Foundation
import Testing

/// Runs the built `triangulate` executable, as a user would, against a store in a fresh
/// temporary directory.
final class CLI {
    let directory: URL
    var store: String { directory.appendingPathComponent("node.sqlite").path }

    /// The built node executable.
    static var executable: URL { executable(named: "triangulate") }

    /// A built executable: beside the test bundle, or in the folder TRIANGULATE_BIN_DIR names.
    static func executable(named name: String) -> URL {
        if let path = ProcessInfo.processInfo.environment["TRIANGULATE_BIN_DIR"] {
            return URL(fileURLWithPath: path).appendingPathComponent(name)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path),
              directory.pathComponents.count > 1 {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent(name)
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// The standard output parsed as a JSON object.
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
        }

        /// The standard output parsed as a JSON array of objects.
        var array: [[String: Any]] {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [[String: Any]] ?? []
        }
    }

    /// Runs `triangulate ARGUMENTS --store STORE --user Tester`.
    @discardableResult
    func run(_ arguments: [String], store: Bool = true) throws -> Result {
        try Self.launch(arguments + (store ? ["--store", self.store, "--user", "Tester"] : []), in: directory)
    }

    /// Runs a command that must succeed, returning its JSON object.
    @discardableResult
    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result.object
    }

    static func launch(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                       executable: URL = CLI.executable, stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRIANGULATE_") }
            .merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
