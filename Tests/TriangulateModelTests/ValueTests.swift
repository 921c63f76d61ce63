import Foundation
import Testing
import TriangulateModel

@Suite("Values typed by people")
struct ValueTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-02-30", "２０２６-01-01"])
    func invalidDatesAreRefused(_ text: String) {
        let error = #expect(throws: ModelError.self) { try LocalDate(parsing: text) }
        #expect(error?.message.contains("YYYY-MM-DD") == true)
    }

    @Test func datesParseCompareAndPrint() throws {
        let leap = try LocalDate(parsing: "2028-02-29")
        #expect(leap.description == "2028-02-29")
        #expect(leap.monthKey == "2028-02")
        #expect(try LocalDate(parsing: "2026-01-31") < LocalDate(parsing: "2026-02-01"))
        #expect(LocalDate(Date(timeIntervalSince1970: 0)).description == "1970-01-01")
    }

    @Test(arguments: ["1-102643096", "1-1212502498", "1-12345678901", " 1-134558905 ", "rx1", "RXH01"])
    func cqcIdsAccepted(_ text: String) throws {
        let id = try CQCIdentifier(parsing: text)
        #expect(id.rawValue == text.filter { !$0.isWhitespace }.uppercased())
    }

    @Test(arguments: ["1-12345678", "1-123456789012", "2-102643096", "1-10264309X", "12", "123456", "1-"])
    func cqcIdsRefused(_ text: String) {
        #expect(throws: ModelError.self) { try CQCIdentifier(parsing: text) }
    }

    @Test func organisationCodes() throws {
        #expect(try OrganisationCode(parsing: " knowsley-asc ").rawValue == "KNOWSLEY-ASC")
        for bad in ["C", "1CQC", "CQC!", "A VERY LONG CODE", String(repeating: "A", count: 25)] {
            #expect(throws: ModelError.self) { try OrganisationCode(parsing: bad) }
        }
    }

    @Test func subjects() throws {
        #expect(try Subject(parsing: "location:1-134558905:Oaktrees") == .location(id: try CQCIdentifier(parsing: "1-134558905"), name: "Oaktrees"))
        #expect(try Subject(parsing: "provider::Unregistered Homecare") == .provider(id: nil, name: "Unregistered Homecare"))
        let professional = try Subject(parsing: "professional:nmc:12A3456B:Jane Doe")
        #expect(professional.isPersonalData)
        #expect(try Subject(parsing: "other:Commissioner: ICB").summary == "other Commissioner: ICB")
        for bad in ["provider:", "professional:NMC:123", "nobody:x", "location:ab:X", "other:"] {
            #expect(throws: ModelError.self) { try Subject(parsing: bad) }
        }
    }

    @Test func choicesListWhatIsAccepted() throws {
        let error = #expect(throws: ModelError.self) { try ConcernCategory.parse("bogus") }
        #expect(error?.message == "unknown category 'bogus': use one of professionals, systems, trust")
        #expect(try ConcernCategory.parse(" Systems ") == .systems)
        #expect(try PayloadClass.parse("identifiable") > .pseudonymised)
    }

    @Test func uuidV7CarriesTimeAndVersion() {
        let id = UUIDv7.make(unixMilliseconds: 0x0123_4567_89AB, random: Array(repeating: 0xFF, count: 10))
        let text = id.uuidString.lowercased()
        #expect(text.hasPrefix("01234567-89ab-7"))
        #expect(["8", "9", "a", "b"].contains(text[text.index(text.startIndex, offsetBy: 19)]))
        var generator = SystemRandomNumberGenerator()
        let earlier = UUIDv7.make(at: Date(timeIntervalSince1970: 1_000), using: &generator)
        let later = UUIDv7.make(at: Date(timeIntervalSince1970: 2_000), using: &generator)
        #expect(ConcernID(earlier) < ConcernID(later))
    }

    @Test func periodsRefuseEndBeforeStart() throws {
        #expect(throws: ModelError.self) { try ReportPeriod(from: LocalDate(parsing: "2026-02-01"), to: LocalDate(parsing: "2026-01-01")) }
        let open = try ReportPeriod(from: nil, to: LocalDate(parsing: "2026-01-31"))
        #expect(open.contains(try LocalDate(parsing: "1999-01-01")))
        #expect(!open.contains(try LocalDate(parsing: "2026-02-01")))
    }
}
