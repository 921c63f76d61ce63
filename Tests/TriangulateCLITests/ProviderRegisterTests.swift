import Foundation
import Testing

/// CQC's register as reference data (issue 16, item 1), through the built executable: care
/// directory files built to the documented layout — a byte-order mark, the title block, quoted
/// commas and line breaks, an 8-digit id, a short row, a formula-looking cell — imported as
/// snapshots; a change of provider between two snapshots; ids checked; the same file twice.
@Suite("Provider register")
struct ProviderRegisterTests {
    static let header = "Name,Also known as,Address,Postcode,Phone number,Service's website (if available),Service types,Date of latest check,"
        + "Specialisms/services,Provider name,Local authority,Region,Location URL,CQC Location ID (for office use only),CQC Provider ID (for office use only)"

    /// A care directory file: BOM, title block, header, then `rows`, with CRLF line ends.
    static func directory(produced: String, _ rows: [String]) -> Data {
        let lines = ["CQC Locations data", "\"This data was produced on \(produced)\"", "", "Open Government Licence v3.0", header] + rows
        return Data([0xEF, 0xBB, 0xBF]) + Data(lines.joined(separator: "\r\n").utf8) + Data("\r\n".utf8)
    }

    static func row(_ name: String, location: String, provider: String, providerName: String, postcode: String, checked: String = "01/02/2026",
                    address: String = "1 High Street") -> String {
        "\"\(name)\",,\"\(address)\",\(postcode),0151 000 0000,https://example.org,Care home service with nursing,\(checked),"
            + "Dementia,\"\(providerName)\",Knowsley,North West,https://www.cqc.org.uk/location/\(location),\(location),\(provider)"
    }

    static let first = directory(produced: "05 January 2026", [
        row("Oaktrees Care Home", location: "1-100000001", provider: "1-200000001", providerName: "Oak Care Ltd", postcode: "L34 1AA",
            address: "1 High Street,\nHuyton"),
        row("Elm House", location: "1-100000002", provider: "1-200000001", providerName: "Oak Care Ltd", postcode: "L34 2BB"),
        row("Ash Lodge", location: "1-100000003", provider: "1-200000003", providerName: "=HYPERLINK(\"\"x\"\")", postcode: "L35 3CC"),
        row("Typo Home", location: "1-12345678", provider: "1-200000001", providerName: "Oak Care Ltd", postcode: "L34 4DD"),
        "Short row,only,three",
    ])

    /// A month later: Oaktrees re-registered under a new provider with a new id, Elm House
    /// moved to another provider under its own id, Ash Lodge gone, a new service.
    static let second = directory(produced: "02 February 2026", [
        row("Oaktrees Care Home", location: "1-100000009", provider: "1-200000002", providerName: "New Oak Ltd", postcode: "L34 1AA"),
        row("Elm House", location: "1-100000002", provider: "1-200000002", providerName: "New Oak Ltd", postcode: "L34 2BB", checked: "20/01/2026"),
        row("Birch View", location: "1-100000004", provider: "1-200000003", providerName: "Birch Ltd", postcode: "L36 5EE"),
    ])

    func importing(_ cli: CLI, _ data: Data, named name: String) throws -> [String: Any] {
        let path = cli.directory.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return try cli.run(["provider", "import", path, "--json"]).checked()
    }

    @Test func snapshotsHistoriesAndChangesOfProvider() throws {
        let cli = try CLI()
        try cli.ok("init", "--org", "CQC")
        let one = try importing(cli, Self.first, named: "week1.csv")
        #expect(one["locations"] as? Int == 3 && one["snapshot"] as? Int == 1 && one["alreadyImported"] as? Bool == false)
        let skipped = (one["skipped"] as? [[String: Any]] ?? []).map { "\($0["row"] ?? ""): \($0["reason"] ?? "")" }
        #expect(skipped.count == 2 && skipped[0].contains("1-12345678") && skipped[1].contains("3 columns"), "\(skipped)")
        #expect((one["producedOn"] as? String)?.contains("05 January 2026") == true)
        let oaktrees = try cli.ok("provider", "show", "1-100000001")
        let location = oaktrees["location"] as? [String: Any] ?? [:]
        #expect(location["address"] as? String == "1 High Street,\nHuyton" && location["latestCheck"] as? String == "2026-02-01")
        let ash = try cli.ok("provider", "show", "1-100000003")
        #expect((ash["location"] as? [String: Any])?["providerName"] as? String == "=HYPERLINK(\"x\")", "kept as text")
        // Nothing of the phone numbers or websites is kept.
        let stored = try BadInputTests.contents(cli)
        #expect(!stored.contains("0151 000 0000") && !stored.contains("example.org"))

        // The same file again adds nothing.
        let before = try BadInputTests.contents(cli).replacingOccurrences(of: #"history: [^\n]*"#, with: "", options: .regularExpression)
        let again = try importing(cli, Self.first, named: "week1-again.csv")
        #expect(again["alreadyImported"] as? Bool == true && again["snapshot"] as? Int == 1)
        let after = try BadInputTests.contents(cli).replacingOccurrences(of: #"history: [^\n]*"#, with: "", options: .regularExpression)
        #expect(before.components(separatedBy: "registerLocation:").last == after.components(separatedBy: "registerLocation:").last)

        let two = try importing(cli, Self.second, named: "week5.csv")
        #expect(two["registered"] as? Int == 2 && two["deregistered"] as? Int == 2)
        let changes = try cli.run(["provider", "changes", "--json"]).array
        let seen = Set(changes.map { "\($0["previousLocationId"] ?? "")>\($0["newLocationId"] ?? "") \($0["via"] ?? "")" })
        #expect(seen == ["1-100000001>1-100000009 same-name-and-postcode", "1-100000002>1-100000002 same-location-id"], "\(seen)")
        let history = (try cli.ok("provider", "show", "1-100000002")["history"] as? [[String: Any]] ?? []).map { "\($0["snapshot"] ?? 0) \($0["event"] ?? "")" }
        #expect(history == ["1 registered", "2 provider-changed", "2 checked"], "\(history)")

        let checks = try cli.run(["provider", "check", "1-100000002", "1-100000001", "1 - 100000004", "1-999999999", "1-12345678", "1-200000001", "--json"]).array
        #expect(checks.map { $0["status"] as? String ?? "" } == ["registered", "deregistered", "registered", "unknown", "malformed", "deregistered"])
        #expect(checks[2]["id"] as? String == "1-100000004")
        let old = try cli.ok("provider", "locations", "1-200000001")
        #expect((old["locations"] as? [[String: Any]])?.count == 1)
        let found = try cli.run(["provider", "search", "oak", "--json"]).array
        // Both Oaktrees (the registered one first) and Elm House, now New Oak Ltd's.
        #expect(found.map { $0["locationId"] as? String ?? "" } == ["1-100000002", "1-100000009", "1-100000001"], "\(found)")

        // A file that is not the care directory is refused whole, with the reason.
        let wrong = cli.directory.appendingPathComponent("wrong.csv").path
        try Data("a,b\n1,2\n3,4\n5,6\n7,8\n".utf8).write(to: URL(fileURLWithPath: wrong))
        let refused = try cli.run(["provider", "import", wrong])
        #expect(refused.status != 0 && refused.stderr.contains("care directory"))
    }
}
