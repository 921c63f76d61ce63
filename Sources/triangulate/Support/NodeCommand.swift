import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode
import TriangulateProtocol

/// A command that works on the node store: it opens the store, does its work, and prints its
/// result as text or JSON. Errors become one line on standard error and a non-zero exit.
protocol NodeCommand: ParsableCommand {
    /// What the person acting must be allowed to do (`record`, unless the command says).
    static var permission: StaffPermission { get }
    /// The global options.
    var global: GlobalOptions { get }
    /// Does the work against an open store and returns what to print.
    func execute(_ store: NodeStore) throws -> Rendered
    /// Whether to print JSON: `--json`, unless the command has another way to ask for it.
    var printsJSON: Bool { get }
}

extension NodeCommand {
    static var permission: StaffPermission { .record }

    var printsJSON: Bool { global.json }

    func run() throws {
        let rendered: Rendered
        do {
            let store = try NodeStore.open(at: global.storePath)
            store.fileWarning.map { FileHandle.standardError.write(Data("triangulate: \($0)\n".utf8)) }
            try store.requireActing(as: global.userName, for: Self.permission)
            rendered = try execute(store)
        } catch {
            throw Failure.report(error)
        }
        rendered.print(json: printsJSON)
    }
}

/// A node command that talks to the hub, and so runs asynchronously.
protocol AsyncNodeCommand: AsyncParsableCommand {
    /// What the person acting must be allowed to do (`record`, unless the command says).
    static var permission: StaffPermission { get }
    /// The global options.
    var global: GlobalOptions { get }
    /// Does the work against an open store and returns what to print.
    func execute(_ store: NodeStore) async throws -> Rendered
}

extension AsyncNodeCommand {
    static var permission: StaffPermission { .record }

    func run() async throws {
        let rendered: Rendered
        do {
            let store = try NodeStore.open(at: global.storePath)
            store.fileWarning.map { FileHandle.standardError.write(Data("triangulate: \($0)\n".utf8)) }
            try store.requireActing(as: global.userName, for: Self.permission)
            rendered = try await execute(store)
        } catch {
            throw Failure.report(error)
        }
        rendered.print(json: global.json)
    }
}

/// What a command prints: a JSON value, and the same for people.
struct Rendered {
    let json: any Encodable
    let text: String

    init(json: any Encodable, text: String) {
        self.json = json
        self.text = text
    }

    func print(json asJSON: Bool) {
        if asJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = (try? encoder.encode(json)) ?? Data("null".utf8)
            Swift.print(String(decoding: data, as: UTF8.self))
        } else if !text.isEmpty {
            // Text from partners (a purpose, a name, a received field) never drives the terminal.
            Swift.print(WireText.escaped(text))
        }
    }
}

/// Turns any error into one clear line on standard error — with `json`, one JSON object
/// `{"error": …, "code": …}` — and exit code 1.
enum Failure {
    static func report(_ error: any Error, json: Bool = false, exitCode: Int32 = 1) -> ExitCode {
        let message: String
        let code: String
        switch error {
        case let error as ModelError: (message, code) = (error.message, "\(error.code)")
        case let error as NodeError: (message, code) = (error.message, "\(error.code)")
        case let error as StepErrors: (message, code) = (error.problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "), "invalidValue")
        default: (message, code) = ("\(error)", "failed")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let line = (try? encoder.encode(["error": message, "code": code])) ?? Data(#"{"error":"failed"}"#.utf8)
            FileHandle.standardError.write(line + Data("\n".utf8))
        } else {
            FileHandle.standardError.write(Data("triangulate: \(WireText.escaped(message))\n".utf8))
        }
        return ExitCode(exitCode)
    }
}
