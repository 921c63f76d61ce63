/// The rule every dated step follows (UK GDPR Art 5(1)(d): records must be accurate): a step
/// cannot be dated after today, nor before what it follows — the day its case was identified,
/// or the step it depends on. Pure: the caller gives today and what came before.
public enum StepDates {
    /// What a step's day must not come before: a day and what happened on it, e.g.
    /// (2026-09-01, "the concern was identified").
    public typealias Earliest = (day: LocalDate, what: String)

    /// Checks `day`, the date of `label` ("the evaluation"); throws `invalidDate` saying which
    /// date is wrong and why.
    public static func check(_ day: LocalDate, of label: String, today: LocalDate, notBefore earliest: [Earliest]) throws(ModelError) {
        guard day <= today else {
            throw ModelError(.invalidDate, "the date of \(label), \(day), is in the future: today is \(today)")
        }
        if let latest = earliest.max(by: { $0.day < $1.day }), day < latest.day {
            throw ModelError(.invalidDate, "the date of \(label), \(day), is before \(latest.what) (\(latest.day))")
        }
    }

    /// Checks a day that may lie ahead (a meeting, a due date) against what it follows only.
    public static func checkPlanned(_ day: LocalDate, of label: String, notBefore earliest: [Earliest]) throws(ModelError) {
        if let latest = earliest.max(by: { $0.day < $1.day }), day < latest.day {
            throw ModelError(.invalidDate, "the date of \(label), \(day), is before \(latest.what) (\(latest.day))")
        }
    }
}
