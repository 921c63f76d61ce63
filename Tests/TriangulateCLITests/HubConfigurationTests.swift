import Foundation
import Testing

/// `triangulate-hub serve` settings from a JSON file and `TRIANGULATE_HUB_*` variables, under
/// its options: nonsense is refused in one line before anything is created.
@Suite("Hub configuration")
struct HubConfigurationTests {
    @Test(arguments: [
        (#"{"port": 0, "prot": 1}"#, "settings the hub does not know: prot"),
        (#"[1, 2]"#, "is not a JSON object of settings"),
        (#"{"port": "eighty"}"#, "the setting port must be a whole number"),
        (#"{"port": 70000}"#, "the port must be from 0 to 65535"),
        (#"{"log": {"level": "chatty"}}"#, "--log-level takes trace"),
        (#"{"host": "0.0.0.0"}"#, "plain HTTP is allowed on loopback only"),
    ])
    func nonsenseIsRefused(_ file: String, _ message: String) throws {
        let cli = try CLI()
        let path = cli.directory.appendingPathComponent("hub.json")
        try Data(file.utf8).write(to: path)
        let store = cli.directory.appendingPathComponent("hub.sqlite").path
        let result = try CLI.launch(["serve", "--config", path.path, "--store", store], in: cli.directory,
                                    executable: CLI.executable(named: "triangulate-hub"))
        #expect(result.status == 1 && result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// The file names the store and the port; a variable overrides the file; an option overrides both.
    @Test func theFileTheEnvironmentAndTheOptionsAreLayered() throws {
        let cli = try CLI()
        let file = cli.directory.appendingPathComponent("hub.json")
        try Data(#"{"port": 0, "store": "from-file.sqlite", "log": {"level": "warning"}}"#.utf8).write(to: file)
        func listening(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
            let hub = Process()
            hub.executableURL = CLI.executable(named: "triangulate-hub")
            hub.arguments = ["serve", "--json"] + arguments
            hub.currentDirectoryURL = cli.directory
            hub.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRIANGULATE_") }.merging(environment) { $1 }
            let output = Pipe()
            hub.standardOutput = output
            hub.standardError = FileHandle.nullDevice
            try hub.run()
            defer { hub.terminate(); hub.waitUntilExit() }
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            return String(decoding: line, as: UTF8.self)
        }
        #expect(try listening(["--config", file.path]).contains(#""store":"from-file.sqlite""#))
        #expect(try listening([], environment: ["TRIANGULATE_HUB_CONFIG": file.path, "TRIANGULATE_HUB_STORE": "from-environment.sqlite"])
            .contains(#""store":"from-environment.sqlite""#))
        #expect(try listening(["--config", file.path, "--store", "from-option.sqlite"], environment: ["TRIANGULATE_HUB_STORE": "from-environment.sqlite"])
            .contains(#""store":"from-option.sqlite""#))
    }
}
