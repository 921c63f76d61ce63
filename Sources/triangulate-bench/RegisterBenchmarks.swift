import Foundation
import TriangulateModel
import TriangulateNode

/// The figures of issue 16, item 1: importing CQC's care directory.
struct RegisterFigures: Encodable {
    /// Locations in the file, and the file's size.
    var locations: Int
    var fileMegabytes: Double
    /// The first import into an empty register, and a second snapshot (a tenth of the
    /// locations gone, as many new, a hundred changes of provider) over it; best of the repeats.
    var firstImport: Figure
    var secondSnapshot: Figure
    /// The changes of provider the second snapshot found.
    var ownershipChanges: Int
    /// The monthly care directory with filters as an XLSX workbook of as many locations (78
    /// columns, those naming people among them), its size, and its import into an empty register.
    var monthlyWorkbookMegabytes: Double
    var monthlyWorkbookImport: Figure
    /// Of which reading the workbook's cells alone (unzipping and scanning its XML), in seconds.
    var monthlyWorkbookRead: Double
}

/// Writes two care directory files of `locations` rows to the documented layout and times
/// `NodeStore.importCareDirectory` on a fresh store.
struct RegisterBenchmarks {
    let locations: Int
    let repeats: Int

    func run() throws -> RegisterFigures {
        let first = Self.directory(locations: locations, shift: 0)
        let second = Self.directory(locations: locations, shift: locations / 10)
        let workbook = try Self.monthlyWorkbook(locations: locations)
        var best = (first: Double.infinity, second: Double.infinity, monthly: Double.infinity, read: Double.infinity)
        var changes = 0
        for round in 0..<repeats {
            progress("(register) importing \(locations) locations, round \(round + 1) of \(repeats)")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triangulate-bench-register-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try NodeStore.create(at: directory.appendingPathComponent("node.sqlite").path, organisation: try OrganisationCode(parsing: "CQC"),
                                             by: "bench")
            var start = DispatchTime.now()
            _ = try store.importCareDirectory(first, by: "bench")
            best.first = min(best.first, Self.seconds(since: start))
            start = DispatchTime.now()
            changes = try store.importCareDirectory(second, by: "bench").ownershipChanges.count
            best.second = min(best.second, Self.seconds(since: start))
            progress("(register) importing the monthly workbook, round \(round + 1) of \(repeats)")
            let monthly = try NodeStore.create(at: directory.appendingPathComponent("monthly.sqlite").path,
                                               organisation: try OrganisationCode(parsing: "CQC"), by: "bench")
            start = DispatchTime.now()
            _ = try monthly.importCareDirectory(workbook, by: "bench")
            best.monthly = min(best.monthly, Self.seconds(since: start))
            start = DispatchTime.now()
            _ = try XLSXWorkbook.read(workbook)
            best.read = min(best.read, Self.seconds(since: start))
        }
        return RegisterFigures(locations: locations, fileMegabytes: (Double(first.count) / 1_048_576 * 10).rounded() / 10,
                               firstImport: .atMost(best.first, 5, "s"), secondSnapshot: .atMost(best.second, 5, "s"), ownershipChanges: changes,
                               monthlyWorkbookMegabytes: (Double(workbook.count) / 1_048_576 * 10).rounded() / 10,
                               monthlyWorkbookImport: .atMost(best.monthly, 5, "s"), monthlyWorkbookRead: (best.read * 100).rounded() / 100)
    }

    /// A monthly directory with filters of `locations` rows as an XLSX workbook: a title row,
    /// then the header with the documented location and provider columns, the people's columns,
    /// and 30 service type, 14 regulated activity and 12 service user band columns.
    static func monthlyWorkbook(locations: Int) throws -> Data {
        let fixed = ["Location ID", "Location HSCA start date", "Dormant (Y/N)", "Care home?", "Location Name", "Registered manager",
                     "Care homes beds", "Location Latest Overall Rating", "Publication Date", "Location Region", "Location Local Authority",
                     "Location Street Address", "Location City", "Location Postal Code", "Brand ID", "Brand Name", "Provider ID", "Provider Name",
                     "Provider Nominated Individual Name", "Provider Main Partner Name"]
        let flags = (1...30).map { "Service type - Service \($0)" } + (1...14).map { "Regulated activity - Activity \($0)" }
            + (1...12).map { "Service user band - Band \($0)" }
        var rows = [["HSCA Active Locations"], fixed + flags]
        rows.reserveCapacity(locations + 2)
        for index in 0..<locations {
            rows.append(["1-\(100_000_000 + index)", "\(40_000 + index % 5_000)", index % 50 == 0 ? "Y" : "N", "Y", "Care Home \(index)",
                         "Manager \(index)", "\(20 + index % 40)", ["Good", "Outstanding", "Requires improvement"][index % 3], "46300", "North West",
                         "Knowsley", "\(index) High Street", "Town", "L\(index % 90) \(index % 9)AA", index % 3 == 0 ? "-" : "BD\(index / 40)",
                         index % 3 == 0 ? "-" : "Brand \(index / 40)", "1-\(200_000_000 + index / 8)", "Provider \(index / 8) Ltd",
                         "Nominee \(index)", "Partner \(index)"]
                         + flags.indices.map { ($0 + index) % 7 == 0 ? "Y" : "" })
        }
        return try XLSXWorkbook.write(rows, sheetName: "HSCA Active Locations")
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// A care directory of `locations` rows, numbered from `shift`; every 500th location of the
    /// rows shared with the unshifted file has a new provider.
    static func directory(locations: Int, shift: Int) -> Data {
        var text = "\u{FEFF}CQC Locations data\r\n\"This data was produced on 01 December 2026\"\r\n\r\nOpen Government Licence v3.0\r\n"
        text += CareDirectoryLayout.headings.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\r\n"
        for index in shift..<(shift + locations) {
            let location = "1-\(100_000_000 + index)"
            let changed = shift > 0 && index % 500 == 0
            let provider = "1-\(200_000_000 + index / 8 + (changed ? 900_000 : 0))"
            text += "\"Care Home \(index)\",,\"\(index) High Street, Town\",L\(index % 90) \(index % 9)AA,0151 000 0000,https://example.org,"
                + "Care home service with nursing,01/0\(1 + index % 9)/2026,\"Dementia, Physical disabilities\",\"Provider \(index / 8) Ltd\","
                + "Knowsley,North West,https://www.cqc.org.uk/location/\(location),\(location),\(provider)\r\n"
        }
        return Data(text.utf8)
    }
}
