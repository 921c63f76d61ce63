import Foundation

/// CQC's weekly care directory CSV (DOMAIN.md §2.3): a title block of four lines, then a header
/// on line 5 with fifteen columns, then one line per active location. Pure: rows in, locations
/// or a reason out.
public enum CareDirectoryLayout {
    /// The fifteen headings, in order.
    public static let headings = [
        "Name", "Also known as", "Address", "Postcode", "Phone number", "Service's website (if available)", "Service types",
        "Date of latest check", "Specialisms/services", "Provider name", "Local authority", "Region", "Location URL",
        "CQC Location ID (for office use only)", "CQC Provider ID (for office use only)",
    ]

    /// Lines before the header.
    public static let titleLines = 4

    /// Checks the header row; throws naming the first heading that differs.
    public static func checkHeader(_ row: [String]) throws(ModelError) {
        let found = row.map { $0.trimmingCharacters(in: .whitespaces) }
        guard found.count >= headings.count else {
            throw ModelError(.invalidValue, "line 5 has \(found.count) columns, not the care directory's \(headings.count): is this CQC's weekly care directory CSV?")
        }
        for (index, heading) in headings.enumerated() where found[index].caseInsensitiveCompare(heading) != .orderedSame {
            throw ModelError(.invalidValue, "column \(index + 1) of line 5 is '\(found[index].prefix(60))', not '\(heading)': is this CQC's weekly care directory CSV?")
        }
    }

    /// The location a data row lists, or why it cannot be read. The phone number, website and
    /// URL are not kept.
    public static func location(_ row: [String]) throws(ModelError) -> RegisteredLocation {
        guard row.count >= headings.count else { throw ModelError(.invalidValue, "\(row.count) columns, not \(headings.count)") }
        func cell(_ index: Int) -> String { SpreadsheetText.trimmed(row[index]) }
        let locationId: CQCIdentifier, providerId: CQCIdentifier
        do { locationId = try CQCIdentifier(parsing: cell(13)) } catch { throw ModelError(.invalidValue, "the location id '\(cell(13).prefix(20))' is not a CQC id") }
        do { providerId = try CQCIdentifier(parsing: cell(14)) } catch { throw ModelError(.invalidValue, "the provider id '\(cell(14).prefix(20))' is not a CQC id") }
        guard !cell(0).isEmpty else { throw ModelError(.invalidValue, "the location has no name") }
        return RegisteredLocation(locationId: locationId, providerId: providerId, name: cell(0), alsoKnownAs: cell(1).isEmpty ? nil : cell(1),
                                  address: cell(2), postcode: cell(3), providerName: cell(9), serviceTypes: cell(6), specialisms: cell(8),
                                  latestCheck: SpreadsheetText.date(cell(7)), localAuthority: cell(10), region: cell(11))
    }
}
