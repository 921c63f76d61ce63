/// One case of any process, as a list of cases shows it: what the web application's case list
/// and search read, whatever the process. Each process says how its records become these.
public struct CaseSummary: Hashable, Codable, Sendable {
    /// The record's id: what a case's page is addressed by (never personal data).
    public let id: String
    /// The process it belongs to (`ecp`, `hwe`).
    public let process: String
    /// The case's reference, e.g. `ECP-2026-0007`.
    public let reference: String
    /// Its short title.
    public let title: String
    /// Its state, as stored and in words.
    public let state: String
    public let stateLabel: String
    /// Whether it is finished (closed, withdrawn).
    public let isClosed: Bool
    /// Its category or type, in words.
    public let category: String
    /// The day it was identified or opened.
    public let openedOn: LocalDate
    /// Whether a safeguarding indicator is raised on it.
    public let safeguarding: Bool
    /// The identifiers of what it is about (CQC provider and location ids, professional
    /// register numbers, organisations named), for search.
    public let subjectIdentifiers: [String]

    /// Makes a summary.
    public init(id: String, process: String, reference: String, title: String, state: String, stateLabel: String,
                isClosed: Bool, category: String, openedOn: LocalDate, safeguarding: Bool, subjectIdentifiers: [String]) {
        self.id = id
        self.process = process
        self.reference = reference
        self.title = title
        self.state = state
        self.stateLabel = stateLabel
        self.isClosed = isClosed
        self.category = category
        self.openedOn = openedOn
        self.safeguarding = safeguarding
        self.subjectIdentifiers = subjectIdentifiers
    }
}

/// A case in full, as its page shows it: its summary, what was recorded as labelled facts in
/// sections, and the steps the process allows next.
public struct CaseDetail: Hashable, Sendable {
    /// Its summary.
    public let summary: CaseSummary
    /// What was recorded, in sections ("Concern", "Evaluation 1", "Panel P1"…).
    public let sections: [CaseSection]
    /// The steps allowed now, in words.
    public let allowedNext: [String]

    /// Makes a detail.
    public init(summary: CaseSummary, sections: [CaseSection], allowedNext: [String]) {
        self.summary = summary
        self.sections = sections
        self.allowedNext = allowedNext
    }
}

/// A titled group of facts on a case's page.
public struct CaseSection: Hashable, Sendable {
    /// Its title.
    public let title: String
    /// Its facts, as label and value, in order.
    public let facts: [CaseFact]

    /// Makes a section.
    public init(_ title: String, _ facts: [CaseFact]) {
        self.title = title
        self.facts = facts.filter { !$0.value.isEmpty }
    }
}

/// One labelled fact.
public struct CaseFact: Hashable, Sendable {
    /// What it is, e.g. "Identified on".
    public let label: String
    /// Its value, as text.
    public let value: String

    /// Makes a fact.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
