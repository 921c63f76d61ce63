/// The days a report covers, both ends included; an open end is unbounded.
public struct ReportPeriod: Hashable, Codable, Sendable {
    /// The first day, or `nil` for no lower bound.
    public var from: LocalDate?
    /// The last day, or `nil` for no upper bound.
    public var to: LocalDate?

    /// Makes a period; throws when it ends before it starts.
    public init(from: LocalDate?, to: LocalDate?) throws(ModelError) {
        if let from, let to, to < from {
            throw ModelError(.invalidValue, "the period ends (\(to)) before it starts (\(from)): swap --from and --to")
        }
        self.from = from
        self.to = to
    }

    /// Whether `day` falls in the period.
    public func contains(_ day: LocalDate) -> Bool {
        if let from, day < from { return false }
        if let to, to < day { return false }
        return true
    }
}
