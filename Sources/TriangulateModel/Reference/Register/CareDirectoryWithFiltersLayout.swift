import Foundation

/// CQC's monthly "care directory with filters" (`DD_Month_YYYY_HSCA_Active_Locations.xlsx`,
/// DOMAIN.md §2.3): one row per active location under a header row, columns found by their
/// headings. Only organisational columns are read: the columns that name a person (the
/// registered manager, the nominated individual, the main partner) are never read, so they are
/// never kept. Pure: rows in, locations or a reason out.
public enum CareDirectoryWithFiltersLayout {
    /// The headings a row must have.
    public static let requiredHeadings = ["Location ID", "Location Name", "Provider ID", "Provider Name"]

    /// The columns that name a person: dropped on import.
    public static let personHeadings = ["Registered manager", "Provider Nominated Individual Name", "Provider Main Partner Name"]

    /// How many rows may come before the header (a title block).
    public static let headerSearchRows = 10

    /// The headings read, besides the service types.
    static let readHeadings = requiredHeadings + [
        "Location HSCA start date", "Dormant (Y/N)", "Location Latest Overall Rating", "Publication Date", "Location Region",
        "Location Local Authority", "Location Street Address", "Location Address Line 2", "Location City", "Location County",
        "Location Postal Code", "Brand ID", "Brand Name",
    ]

    /// Where a header row puts the columns the layout reads.
    public struct Columns: Sendable {
        /// Each heading read, as `readHeadings` spells it, and its column.
        let index: [String: Int]
        /// The `Service type - …` columns: the service's name and its column.
        let serviceTypes: [(name: String, column: Int)]
    }

    /// The columns of a header row; nil when the row is not this layout's header.
    public static func columns(_ header: [String]) -> Columns? {
        var index: [String: Int] = [:]
        var serviceTypes: [(name: String, column: Int)] = []
        let servicePrefix = "service type - "
        for (column, cell) in header.enumerated() {
            let heading = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            let key = heading.lowercased()
            guard !personHeadings.contains(where: { $0.lowercased() == key }) else { continue }
            if key.hasPrefix(servicePrefix) { serviceTypes.append((String(heading.dropFirst(servicePrefix.count)), column)) }
            if index[key] == nil { index[key] = column }
        }
        let read = Dictionary(uniqueKeysWithValues: readHeadings.compactMap { heading in index[heading.lowercased()].map { (heading, $0) } })
        return requiredHeadings.allSatisfy({ read[$0] != nil }) ? Columns(index: read, serviceTypes: serviceTypes) : nil
    }

    /// The location a data row lists, or why it cannot be read.
    public static func location(_ row: [String], columns: Columns) throws(ModelError) -> RegisteredLocation {
        func value(at index: Int?) -> String {
            guard let index, index < row.count else { return "" }
            return SpreadsheetText.trimmed(row[index])
        }
        func cell(_ heading: String) -> String { value(at: columns.index[heading]) }
        func optional(_ heading: String) -> String? { cell(heading).isEmpty ? nil : cell(heading) }
        let locationId: CQCIdentifier, providerId: CQCIdentifier
        do { locationId = try CQCIdentifier(parsing: cell("Location ID")) } catch { throw ModelError(.invalidValue, "the location id '\(cell("Location ID").prefix(20))' is not a CQC id") }
        do { providerId = try CQCIdentifier(parsing: cell("Provider ID")) } catch { throw ModelError(.invalidValue, "the provider id '\(cell("Provider ID").prefix(20))' is not a CQC id") }
        guard !cell("Location Name").isEmpty else { throw ModelError(.invalidValue, "the location has no name") }
        let address = ["Location Street Address", "Location Address Line 2", "Location City", "Location County"].map(cell).filter { !$0.isEmpty }
        let services = columns.serviceTypes.filter { value(at: $0.column).uppercased() == "Y" }.map(\.name)
        let brand = optional("Brand ID").flatMap { $0 == "-" ? nil : $0 }
        return RegisteredLocation(
            locationId: locationId, providerId: providerId, name: cell("Location Name"), alsoKnownAs: nil, address: address.joined(separator: ", "),
            postcode: cell("Location Postal Code"), providerName: cell("Provider Name"), serviceTypes: services.joined(separator: "|"),
            specialisms: "", latestCheck: optional("Publication Date").flatMap(SpreadsheetText.date), localAuthority: cell("Location Local Authority"),
            region: cell("Location Region"), brandId: brand, brandName: brand == nil ? nil : optional("Brand Name"),
            dormant: optional("Dormant (Y/N)").map { $0.uppercased() == "Y" }, rating: optional("Location Latest Overall Rating"),
            registeredOn: optional("Location HSCA start date").flatMap(SpreadsheetText.date))
    }
}
