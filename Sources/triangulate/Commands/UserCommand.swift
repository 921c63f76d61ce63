import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate user`: the people who can sign in to this node's web application and act on
/// its command line.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list, disable or reset the people of this node.",
        discussion: """
            Every step is recorded under a person of the node. The first person added must be an \
            administrator; after that, only an administrator (--user NAME) manages people. Roles: \
            \(StaffRole.allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: "; ")).
            """,
        subcommands: [Add.self, List.self, Disable.self, Reset.self], defaultSubcommand: List.self)

    /// A person as the command prints them, with the password only when one was just made.
    struct Printed: Encodable {
        let name: String
        let role: String
        let disabled: Bool
        let lockedUntil: Date?
        let createdAt: Date
        let password: String?

        init(_ person: StaffMember, password: String? = nil) {
            name = person.name.rawValue
            role = person.role.rawValue
            disabled = person.disabled
            lockedUntil = person.lockedUntil
            createdAt = person.createdAt
            self.password = password
        }
    }

    struct Add: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person who can sign in, with a role.",
            discussion: "Without --password-stdin a password is made and printed once: give it to the person, who should keep it safe.")
        static var permission: StaffPermission { .administer }
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The name they sign in with and are recorded under, e.g. a.khan.") var name: String
        @Option(help: ArgumentHelp("Their role: \(StaffRole.allCases.map(\.rawValue).joined(separator: "|")).", valueName: "role"))
        var role: String
        @Flag(help: "Read the password from the first line of standard input instead of making one.") var passwordStdin = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let name = try StaffName(parsing: name)
            guard let role = StaffRole(rawValue: role.lowercased()) else {
                throw ModelError(.invalidValue, "unknown role '\(self.role)': use one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let (password, made) = try PasswordInput.read(fromStandardInput: passwordStdin)
            // The very first person, an administrator, is recorded as adding themselves.
            let isFirst = try !store.hasPeople()
            let by = global.userName.isEmpty && isFirst ? name.rawValue : global.userName
            let person = try store.addPerson(name, role: role, password: password, by: by)
            return Rendered(json: Printed(person, password: made ? password : nil),
                            text: "Added \(person.name) as \(person.role.rawValue)." + (made ? " Their password (shown once): \(password)" : ""))
        }
    }

    struct List: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List the people of this node.")
        static var permission: StaffPermission { .read }
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let people = try store.people()
            let now = Date()
            var table = TextTable("NAME", "ROLE", "STATUS")
            for person in people {
                let status = person.disabled ? "disabled" : person.lockedUntil.map { $0 > now } == true ? "locked out" : "active"
                table.add(person.name.rawValue, person.role.rawValue, status)
            }
            return Rendered(json: people.map { Printed($0) },
                            text: people.isEmpty ? "Nobody yet: add an administrator with `triangulate user add NAME --role admin`." : table.rendered)
        }
    }

    struct Disable: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a person signing in, and end their sessions. Their history stays.")
        static var permission: StaffPermission { .administer }
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their name.") var name: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let person = try store.disablePerson(try StaffName(parsing: name), by: global.userName)
            return Rendered(json: Printed(person), text: "Disabled \(person.name): they can no longer sign in.")
        }
    }

    struct Reset: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a person a new password, enable them, lift any lockout and end their sessions.")
        static var permission: StaffPermission { .administer }
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their name.") var name: String
        @Flag(help: "Read the password from the first line of standard input instead of making one.") var passwordStdin = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let (password, made) = try PasswordInput.read(fromStandardInput: passwordStdin)
            let person = try store.resetPassword(of: try StaffName(parsing: name), to: password, by: global.userName)
            return Rendered(json: Printed(person, password: made ? password : nil),
                            text: "Reset \(person.name)'s password." + (made ? " Their new password (shown once): \(password)" : ""))
        }
    }
}

/// Where a new password comes from: standard input, or made here.
enum PasswordInput {
    /// The first line of standard input, or a new random password; and whether it was made.
    static func read(fromStandardInput: Bool) throws -> (password: String, made: Bool) {
        guard fromStandardInput else { return (SignInRules.makePassword(), true) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ModelError(.invalidValue, "no password on standard input: send one line, e.g. `printf '%s\\n' \"$PASSWORD\" | triangulate user add …`")
        }
        return (line, false)
    }
}
