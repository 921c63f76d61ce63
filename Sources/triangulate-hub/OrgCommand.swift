import ArgumentParser
import Foundation
import TriangulateHub

/// `triangulate-hub org`: the organisations of the exchange and their enrolment tokens.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, list, suspend, remove or reinstate organisations, and issue enrolment tokens.",
        subcommands: [Add.self, List.self, Token.self, Suspend.self, Remove.self, Reinstate.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an organisation and print its one-time enrolment token (--json: field \"token\").")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code, e.g. CQC.") var code: String
        @Option(help: "Its name.") var name: String
        @Option(help: "signatory, partner or secretariat.") var role = "signatory"

        func run() async throws {
            do {
                let hub = Hub(store: try await options.openStore(create: true))
                let token = try await hub.addOrganisation(code: code, name: name, role: role)
                emit(["organisation": code, "token": token],
                     text: "Added \(code). Its one-time enrolment token (hand it to its node's operator):\n\(token)\nOn its node: triangulate enrol --hub URL --token \(token)",
                     json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the organisations.")
        @OptionGroup var options: HubOptions

        func run() async throws {
            do {
                let organisations = try await options.openStore().organisations()
                let lines = organisations.map { "\($0.code.padding(toLength: 10, withPad: " ", startingAt: 0)) \($0.status.padding(toLength: 10, withPad: " ", startingAt: 0)) \($0.role.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.name)" }
                emit(organisations, text: organisations.isEmpty ? "No organisations yet: add one with `triangulate-hub org add CODE --name NAME`." : lines.joined(separator: "\n"), json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new one-time enrolment token (a new machine, a lost key).")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String

        func run() async throws {
            do {
                let token = try await Hub(store: try await options.openStore()).newToken(for: code)
                emit(["organisation": code, "token": token], text: token, json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Suspend an organisation: it can send and receive nothing until reinstated.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String
        func run() async throws { try await setStatus(options, code, "suspended") }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an organisation from the exchange: it can send and receive nothing.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String
        func run() async throws { try await setStatus(options, code, "removed") }
    }

    struct Reinstate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reinstate a suspended or removed organisation.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String
        func run() async throws { try await setStatus(options, code, "active") }
    }
}

private func setStatus(_ options: HubOptions, _ code: String, _ status: String) async throws {
    do {
        try await Hub(store: try await options.openStore()).setStatus(of: code, to: status)
        emit(["organisation": code, "status": status], text: "\(code) is now \(status).", json: options.json)
    } catch {
        throw fail(error)
    }
}
