import Foundation

/// The entity tag of flow case ids.
public enum FlowCaseTag {}
/// A flow case's id.
public typealias FlowCaseID = Identifier<FlowCaseTag>

/// A case of a flow process (organisational safeguarding, Provider Concerns): what it is about,
/// where it is, and when it opened and closed. What was done on it is its history of
/// `FlowEvent`s; the opening step's `title` and `subject` answers name it.
public struct FlowCase: Hashable, Codable, Sendable {
    /// Its id.
    public var id: FlowCaseID
    /// The process, e.g. `osg`.
    public var process: String
    /// `OSG-2026-0001`.
    public var reference: String
    /// A short title.
    public var title: String
    /// What it is about: the provider or service, as named (with its CQC id where known).
    public var subject: String
    /// Its state's value.
    public var state: String
    /// The day it opened, and the day it closed.
    public var openedOn: LocalDate
    public var closedOn: LocalDate?
    /// Who recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Date

    /// Makes a case.
    public init(id: FlowCaseID, process: String, reference: String, title: String, subject: String, state: String, openedOn: LocalDate,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.process = process
        self.reference = reference
        self.title = title
        self.subject = subject
        self.state = state
        self.openedOn = openedOn
        self.closedOn = nil
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// One item of a case's list (an area of an improvement plan): its number, its answers, its
/// status and the evidence for it.
public struct FlowItem: Hashable, Codable, Sendable {
    /// The case, the list and the item's number in it, from 1.
    public var caseId: FlowCaseID
    public var list: String
    public var number: Int
    /// The answers to the list's fields.
    public var answers: [String: String]
    /// Its status, and the evidence given with it.
    public var status: String
    public var evidence: String?
    /// The day it was last updated.
    public var updatedOn: LocalDate

    /// Makes an item.
    public init(caseId: FlowCaseID, list: String, number: Int, answers: [String: String], status: String, evidence: String?, updatedOn: LocalDate) {
        self.caseId = caseId
        self.list = list
        self.number = number
        self.answers = answers
        self.status = status
        self.evidence = evidence
        self.updatedOn = updatedOn
    }

    /// Its timescale, from its `due` answer.
    public var due: LocalDate? { answers["due"].flatMap { try? LocalDate(parsing: $0) } }
}
