/// One bank holiday: its date and its name as GOV.UK gives it.
public struct BankHoliday: Hashable, Codable, Sendable {
    /// The day.
    public let date: LocalDate
    /// Its name, e.g. "Early May bank holiday".
    public let title: String

    /// Makes a holiday.
    public init(date: LocalDate, title: String) {
        self.date = date
        self.title = title
    }
}
