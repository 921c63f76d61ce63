import Foundation
import Testing
import TriangulateModel
@testable import TriangulateNode

/// The monthly care directory with filters and concerns rolled up by provider and brand (issue
/// 16, items 1 and 2), on a real store: a workbook built to the documented layout, with a title
/// block, the columns naming people, a malformed id and an Excel date; the people's names never
/// reach the store's bytes; each concern keeps the provider of its services as they were on the
/// day, after the service changes hands.
@Suite("Provider roll-up")
struct ProviderRollUpTests {
    static let headings = [
        "Location ID", "Location HSCA start date", "Dormant (Y/N)", "Care home?", "Location Name", "Registered manager", "Care homes beds",
        "Location Latest Overall Rating", "Publication Date", "Location Region", "Location Local Authority", "Location Street Address",
        "Location City", "Location Postal Code", "Brand ID", "Brand Name", "Provider ID", "Provider Name", "Provider Nominated Individual Name",
        "Provider Main Partner Name", "Service type - Care home service with nursing", "Service type - Domiciliary care service",
    ]

    static func row(_ location: String, _ name: String, provider: String, providerName: String, brand: (String, String)?,
                    dormant: String = "N", rating: String = "Good", postcode: String) -> [String] {
        [location, "41000", dormant, "Y", name, "Jane Managerson", "40", rating, "46300", "North West", "Knowsley", "1 High Street", "Huyton",
         postcode, brand?.0 ?? "-", brand?.1 ?? "-", provider, providerName, "Norman Nominee", "Patricia Partner", "Y", ""]
    }

    static func workbook(_ rows: [[String]]) throws -> Data {
        try XLSXWorkbook.write([["HSCA Active Locations"], ["Produced 01 December 2026"], headings] + rows, sheetName: "HSCA Active Locations")
    }

    @Test func theMonthlyDirectoryKeepsBrandsAndHistoryButNoPeople() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        let first = try store.importCareDirectory(try Self.workbook([
            Self.row("1-100000001", "Oaktrees", provider: "1-200000001", providerName: "Oak Care Ltd", brand: ("BD1", "Tree Homes"), postcode: "L34 1AA"),
            Self.row("1-100000002", "Elm House", provider: "1-200000002", providerName: "Elm Care Ltd", brand: ("BD1", "Tree Homes"), postcode: "L34 2BB"),
            Self.row("1-12345678", "Typo Home", provider: "1-200000001", providerName: "Oak Care Ltd", brand: nil, postcode: "L34 4DD"),
        ]), by: "tester")
        #expect(first.locations == 2 && first.skipped.map(\.row) == [6], "\(first.skipped)")
        let oaktrees = try store.registerLocation("1-100000001")
        #expect(oaktrees.location.brandName == "Tree Homes" && oaktrees.location.rating == "Good" && oaktrees.location.dormant == false)
        #expect(oaktrees.location.registeredOn?.description == "2012-04-01" && oaktrees.location.serviceTypes == "Care home service with nursing")

        let second = try store.importCareDirectory(try Self.workbook([
            Self.row("1-100000001", "Oaktrees", provider: "1-200000001", providerName: "Oak Care Ltd", brand: ("BD1", "Tree Homes"),
                     dormant: "Y", rating: "Requires improvement", postcode: "L34 1AA"),
            Self.row("1-100000002", "Elm House", provider: "1-200000002", providerName: "Elm Care Ltd", brand: ("BD1", "Tree Homes"), postcode: "L34 2BB"),
        ]), by: "tester")
        #expect(second.locations == 2 && !second.alreadyImported)
        let history = try store.registerLocation("1-100000001").history.map { "\($0.event) \($0.detail ?? "")" }
        #expect(history.contains("dormant ") && history.contains("rated Requires improvement"), "\(history)")

        for name in ["Jane Managerson", "Norman Nominee", "Patricia Partner"] {
            #expect(temporary.bytes().range(of: Data(name.utf8)) == nil, "\(name) is never kept")
        }
    }

    @Test func concernsRollUpByTheProviderOnTheDayAndByBrand() throws {
        let temporary = try TemporaryStore()
        let store = temporary.store
        _ = try store.importCareDirectory(try Self.workbook([
            Self.row("1-100000001", "Oaktrees", provider: "1-200000001", providerName: "Oak Care Ltd", brand: ("BD1", "Tree Homes"), postcode: "L34 1AA"),
            Self.row("1-100000002", "Elm House", provider: "1-200000002", providerName: "Elm Care Ltd", brand: ("BD1", "Tree Homes"), postcode: "L34 2BB"),
            Self.row("1-100000003", "Birch View", provider: "1-200000002", providerName: "Elm Care Ltd", brand: ("BD1", "Tree Homes"), postcode: "L34 3CC"),
        ]), by: "tester")
        func concern(_ title: String, _ subjects: [Subject]) throws -> Concern {
            try store.addConcern(NewConcern(category: .systems, setting: .socialCare, title: title, summary: "s", identifiedOn: store.today,
                                            source: Source(type: .complaint), subjects: subjects), by: "tester").concern
        }
        let location = { (id: String, name: String) in Subject.location(id: try CQCIdentifier(parsing: id), name: name) }
        let first = try concern("Night staffing", [try location("1-100000001", "Oaktrees")])
        let second = try concern("Medicines", [try location("1-100000002", "Elm House"), try location("1-100000003", "Birch View")])
        _ = try concern("Agency", [.provider(id: nil, name: "Unregistered agency"),
                                   .professional(regulator: org("NMC"), registration: "12A3456B", name: "Nurse Name")])
        // Oaktrees then changes hands: the concern keeps Oak Care Ltd, the provider on the day.
        _ = try store.importCareDirectory(try Self.workbook([
            Self.row("1-100000001", "Oaktrees", provider: "1-200000009", providerName: "New Oak Ltd", brand: nil, postcode: "L34 1AA"),
        ]), by: "tester")
        #expect(try store.services(ofCase: first.id.description).map(\.providerName) == ["Oak Care Ltd"])

        let byProvider = try store.providerRollUp(by: .provider)
        #expect(byProvider.map { "\($0.id ?? "-") \($0.concerns) \($0.locations)" } == ["1-200000002 1 2", "1-200000001 1 1", "- 1 0"])
        #expect(byProvider[0].references == [second.reference] && byProvider[0].name == "Elm Care Ltd")
        let byBrand = try store.providerRollUp(by: .brand)
        #expect(byBrand.first.map { "\($0.id ?? "-") \($0.name) \($0.concerns) \($0.open) \($0.locations)" } == "BD1 Tree Homes 2 2 3")

        let later = try concern("Falls", [try location("1-100000001", "Oaktrees")])
        #expect(try store.services(ofCase: later.id.description).map(\.providerName) == ["New Oak Ltd"], "a later concern has the new provider")
    }
}
