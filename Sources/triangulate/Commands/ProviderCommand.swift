import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate provider`: CQC's register of providers and locations as reference data —
/// imported from CQC's weekly care directory, checked against, searched, and watched for
/// changes of provider.
struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: "CQC's register of providers and locations: import the care directory, check ids, search, see changes of provider.",
        discussion: """
            Import CQC's weekly care directory CSV (a four-line title block, the header on line 5, \
            fifteen columns) with `provider import FILE`: each import is a dated snapshot, the same \
            file twice adds nothing, and each location keeps its history across snapshots \
            (registered, deregistered, re-registered, provider changed, checked). The phone \
            numbers, websites and URLs are not kept. CQC's monthly "care directory with filters" \
            (ODS or XLSX, or CSV) imports the same way and adds brands, dormancy, ratings and registration \
            dates; its columns naming people (registered manager, nominated individual, main partner) \
            are never read. A service re-registered under a new provider is listed by `provider \
            changes`; `provider rollup` counts concerns by provider or brand.
            """,
        subcommands: [Import.self, Check.self, Show.self, Locations.self, Search.self, Changes.self, Rollup.self])

    struct Import: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Import CQC's weekly care directory CSV, or its monthly directory with filters (ODS, XLSX), as a new snapshot.")
        static let permission = StaffPermission.administer
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV, ODS or XLSX file (- for standard input).") var file: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else { throw NodeError(.invalidInput, "cannot read \(file): check the path") }
                data = contents
            }
            let result = try store.importCareDirectory(data, by: global.userName)
            var lines = [result.alreadyImported
                ? "This file is snapshot \(result.snapshot) already: nothing changed."
                : "Snapshot \(result.snapshot)\(result.producedOn.map { " (\($0))" } ?? ""): \(result.locations) locations; \(result.registered) registered, \(result.deregistered) deregistered since the last snapshot; \(result.ownershipChanges.count) changes of provider."]
            lines += result.skipped.map { "  row \($0.row) skipped: \($0.reason)" }
            return Rendered(json: result, text: lines.joined(separator: "\n"))
        }
    }

    struct Check: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Check ids against the register: registered, deregistered, unknown or malformed.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "CQC location or provider ids.") var ids: [String]

        func execute(_ store: NodeStore) throws -> Rendered {
            let checks = try ids.map { try store.checkRegister($0) }
            let rows = checks.map { [$0.typed, $0.id ?? "", $0.status.rawValue, $0.kind ?? "", $0.name ?? ""] }
            return Rendered(json: checks, text: TextTable.render(["TYPED", "ID", "STATUS", "KIND", "NAME"], rows))
        }
    }

    struct Show: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Show a location with its history, or a provider with its locations.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A CQC location or provider id.") var id: String

        func execute(_ store: NodeStore) throws -> Rendered {
            if store.checkRegisterKind(id) == "provider" { return try Locations.render(store.registerProvider(id)) }
            let view = try store.registerLocation(id)
            let location = view.location
            var lines = ["\(location.locationId) \(location.name)\(location.alsoKnownAs.map { " (also known as \($0))" } ?? ""): \(view.status.rawValue)",
                         "  \(location.address), \(location.postcode); \(location.localAuthority), \(location.region)",
                         "  Provider: \(location.providerName) (\(location.providerId))",
                         "  Services: \(location.serviceTypes)", "  Latest check: \(location.latestCheck?.description ?? "none")", "  History:"]
            lines += view.history.map { "    snapshot \($0.snapshot): \($0.event)\($0.detail.map { " \($0)" } ?? "")" }
            return Rendered(json: view, text: lines.joined(separator: "\n"))
        }
    }

    struct Locations: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List a provider's locations, registered first.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A CQC provider id.") var id: String

        func execute(_ store: NodeStore) throws -> Rendered { try Self.render(store.registerProvider(id)) }

        static func render(_ view: RegisterProviderView) -> Rendered {
            let rows = view.locations.map { [$0.locationId.rawValue, $0.status.rawValue, $0.postcode, $0.name] }
            return Rendered(json: view, text: "\(view.providerId) \(view.name)\n" + TextTable.render(["LOCATION", "STATUS", "POSTCODE", "NAME"], rows))
        }
    }

    struct Search: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Find locations by name, provider, postcode or id.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "At least two characters.") var text: String
        @Option(help: "At most this many (default 50).") var limit = 50

        func execute(_ store: NodeStore) throws -> Rendered {
            let found = try store.searchRegister(text, limit: limit)
            let rows = found.map { [$0.locationId.rawValue, $0.providerId.rawValue, $0.postcode, $0.name, $0.providerName] }
            return Rendered(json: found, text: found.isEmpty ? "Nothing on the register matches." : TextTable.render(["LOCATION", "PROVIDER", "POSTCODE", "NAME", "PROVIDER NAME"], rows))
        }
    }

    struct Changes: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List the changes of provider detected between snapshots, newest first.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions

        func execute(_ store: NodeStore) throws -> Rendered {
            let changes = try store.ownershipChanges()
            let rows = changes.map { [$0.previousLocationId.rawValue, $0.previousProviderId.rawValue, $0.newLocationId.rawValue, $0.newProviderId.rawValue, $0.via.rawValue] }
            return Rendered(json: changes, text: changes.isEmpty ? "No change of provider seen." : TextTable.render(["FROM LOCATION", "FROM PROVIDER", "TO LOCATION", "TO PROVIDER", "SEEN AS"], rows))
        }
    }

    struct Rollup: NodeCommand {
        static let configuration = CommandConfiguration(
            abstract: "Roll concerns up by the provider or brand running their services on the day each concern named them.",
            discussion: "A concern counts once per provider or brand however many of its locations it names; services not on the register are counted together.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("provider or brand.", valueName: "grouping")) var by = ProviderRollUp.Grouping.provider.rawValue

        func execute(_ store: NodeStore) throws -> Rendered {
            let rows = try store.providerRollUp(by: try ProviderRollUp.Grouping.parse(by))
            let table = rows.map { [$0.id ?? "-", $0.name, "\($0.concerns)", "\($0.open)", "\($0.locations)", $0.latestIdentifiedOn.description, $0.references.joined(separator: " ")] }
            return Rendered(json: rows, text: rows.isEmpty
                ? "No concern names a provider or location yet."
                : TextTable.render([by.uppercased(), "NAME", "CONCERNS", "OPEN", "LOCATIONS", "LATEST", "REFERENCES"], table))
        }
    }
}
