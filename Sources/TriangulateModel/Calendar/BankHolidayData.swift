import Foundation

/// Bank holidays as GOV.UK publishes them (`https://www.gov.uk/bank-holidays.json`): for each
/// nation, every holiday of the years the file covers, one-off days included.
public struct BankHolidayData: Hashable, Sendable {
    /// Each nation's holidays, in date order.
    public let holidays: [Nation: [BankHoliday]]
    /// A short name for exactly this data: the last day it covers and a hash of its days, e.g.
    /// `gov.uk-2027-12-28-5e1f03a2`. Every computed deadline records it.
    public let version: String

    /// Reads a file in GOV.UK's format; refuses one that is not, or lacks a nation, with one line.
    public init(json: Data) throws(ModelError) {
        struct Division: Decodable {
            struct Event: Decodable {
                let title: String
                let date: String
            }
            let events: [Event]
        }
        let divisions: [String: Division]
        do {
            divisions = try JSONDecoder().decode([String: Division].self, from: json)
        } catch {
            throw ModelError(.invalidValue, "this is not a bank-holidays.json file in GOV.UK's format (divisions with events of title and date)")
        }
        var holidays: [Nation: [BankHoliday]] = [:]
        for nation in Nation.allCases {
            guard let division = divisions[nation.rawValue], !division.events.isEmpty else {
                throw ModelError(.invalidValue, "the bank-holidays file has no events for \(nation.rawValue)")
            }
            var days: [BankHoliday] = []
            for event in division.events {
                guard let date = try? LocalDate(parsing: event.date) else {
                    throw ModelError(.invalidValue, "the bank-holidays file has a date '\(event.date)' that is not YYYY-MM-DD")
                }
                days.append(BankHoliday(date: date, title: event.title))
            }
            holidays[nation] = days.sorted { $0.date < $1.date }
        }
        self.holidays = holidays
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the nations' days, in order
        for nation in Nation.allCases {
            for byte in (nation.rawValue + ":" + holidays[nation]!.map(\.date.description).joined(separator: ",") + ";").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let last = holidays.values.compactMap(\.last?.date).max()!
        version = "gov.uk-\(last)-\(String(String(hash, radix: 16).suffix(8)))"
    }

    /// The data shipped with Triangulate.
    public static let shipped: BankHolidayData = {
        do {
            return try BankHolidayData(json: Data(shippedJSON.utf8))
        } catch {
            preconditionFailure("the shipped bank-holiday data does not read: \(error)")
        }
    }()

    /// The years the data covers for `nation`.
    public func years(for nation: Nation) -> ClosedRange<Int> {
        let days = holidays[nation] ?? []
        return (days.first?.date.year ?? 0)...(days.last?.date.year ?? 0)
    }
}
