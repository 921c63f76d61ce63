import ArgumentParser
import Foundation
import TriangulateHub
import TriangulateModel

/// `triangulate-hub console`: the operators who may sign in to the console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Manage who may sign in to the hub's read-only console (triangulate-hub serve --console-port).",
        subcommands: [AddOperator.self])

    struct AddOperator: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-operator",
            abstract: "Add an operator to the console's operators file (made, private to this user, when missing).",
            discussion: "Without --password-stdin a password is made and printed once. The running hub reads the file when it starts.")
        @Argument(help: "The operator's name.") var name: String
        @Option(help: ArgumentHelp("The operators file.", valueName: "file")) var operators: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            do {
                let made = !passwordStdin
                var password = ""
                if passwordStdin {
                    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                        throw HubError(.invalidRequest, "no password on standard input: send one line")
                    }
                    password = line
                } else {
                    password = SignInRules.makePassword()
                }
                let line = try ConsoleOperators.line(name: name, password: password)
                if FileManager.default.fileExists(atPath: operators) {
                    _ = try ConsoleOperators(file: operators)  // never append to a file that is not an operators file
                    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: operators))
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data((line + "\n").utf8))
                    try handle.close()
                } else {
                    guard FileManager.default.createFile(atPath: operators, contents: Data((line + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                        throw HubError(.invalidRequest, "cannot create \(operators)")
                    }
                }
                var shown: [String: String] = ["operator": name, "operators": operators]
                if made { shown["password"] = password }
                emit(shown, text: "Added \(name) to \(operators)." + (made ? " Their password (shown once): \(password)" : ""), json: json)
            } catch {
                throw fail(error)
            }
        }
    }
}
