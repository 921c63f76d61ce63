import ArgumentParser
import Foundation
import TriangulateHub

/// `triangulate-hub org`: the organisations of the exchange and their enrolment tokens.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, list, suspend, remove or reinstate organisations; issue enrolment tokens; list and revoke keys.",
        subcommands: [Add.self, List.self, Token.self, Keys.self, RevokeKey.self, Suspend.self, Remove.self, Reinstate.self])

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
        static let configuration = CommandConfiguration(
            abstract: "Issue a new one-time enrolment token (a new machine, a lost key).",
            discussion: """
                The organisation's enrolled keys stop working at once, so a lost or stolen key is \
                dead from now; its node works again once enrolled with the new token. To move to a \
                new machine without a gap, give --rotation-hours N: the old keys then keep working \
                until N hours after the new key enrols.
                """)
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String
        @Option(help: "Keep the old keys working this many hours after the new key enrols (1 to 720).")
        var rotationHours: Int?

        func run() async throws {
            do {
                if let rotationHours, !(1...720).contains(rotationHours) {
                    throw ValidationError("--rotation-hours takes 1 to 720 hours")
                }
                let token = try await Hub(store: try await options.openStore()).newToken(for: code, rotationWindow: rotationHours.map { .seconds($0 * 3_600) })
                emit(["organisation": code, "token": token], text: token, json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an organisation's enrolled keys, newest first, and until when each works.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The organisation's code.") var code: String

        func run() async throws {
            do {
                let store = try await options.openStore()
                guard try await store.organisation(code) != nil else { throw HubError(.notFound, "\(code) is not an organisation of this hub") }
                let keys = try await store.keys(of: code)
                let now = Date()
                let rows = keys.map { key in
                    ["keyID": key.keyID, "status": key.isValid(at: now) ? (key.validUntil == nil ? "current" : "rotating out") : "retired",
                     "validUntil": key.validUntil.map { $0.ISO8601Format() } ?? ""]
                }
                let lines = rows.map { "\($0["keyID"]!)  \($0["status"]!.padding(toLength: 13, withPad: " ", startingAt: 0)) \($0["validUntil"]!)" }
                emit(rows, text: keys.isEmpty ? "\(code) has enrolled no key yet." : lines.joined(separator: "\n"), json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }

    struct RevokeKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-key",
            abstract: "Revoke one enrolled key at once: nothing signed with it is accepted from now.")
        @OptionGroup var options: HubOptions
        @Argument(help: "The key's id (from `triangulate-hub org keys CODE`).") var keyID: String

        func run() async throws {
            do {
                try await Hub(store: try await options.openStore()).revokeKey(keyID)
                emit(["keyID": keyID, "status": "revoked"], text: "Key \(keyID) is revoked.", json: options.json)
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
