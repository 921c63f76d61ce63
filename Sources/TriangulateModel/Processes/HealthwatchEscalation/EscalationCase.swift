import Foundation

/// The entity tag of escalation ids.
public enum EscalationTag {}
/// An escalation's id.
public typealias EscalationID = Identifier<EscalationTag>

/// What an escalation is about (DOMAIN.md §1.2, "Healthwatch escalation").
public enum EscalationConcernType: String, Choice {
    case patientSafety = "patient-safety"
    case culture
    case governance

    public static let choiceName = "concern type"
}

/// How an escalation ended.
public enum EscalationOutcome: String, Choice {
    /// The organisation, commissioner or ICB put it right.
    case resolvedLocally = "resolved-locally"
    /// CQC recorded and triaged it and is acting on it.
    case cqcActing = "cqc-acting"
    /// Looked into; nothing more to do.
    case noFurtherAction = "no-further-action"
    /// The Healthwatch withdrew it.
    case withdrawn

    public static let choiceName = "outcome"
}

/// A local Healthwatch's escalation of a concern about patient safety, or the culture or
/// governance, of one or more health or care organisations (seed 004).
public struct EscalationCase: Hashable, Codable, Sendable {
    /// Its id.
    public var id: EscalationID
    /// `HWE-2026-0001`.
    public var reference: String
    /// The local Healthwatch that raises it: this node's organisation.
    public var localHealthwatch: OrganisationCode
    /// What it is about.
    public var concernType: EscalationConcernType
    /// The organisations concerned, as named (providers, trusts; with a CQC id where known).
    public var organisations: [String]
    /// A short title.
    public var title: String
    /// The concern, minimised: no names of patients, staff or members of the public.
    public var summary: String
    /// Whether it affects several people rather than individual circumstances.
    public var systemic: Bool
    /// Whether it includes a nearly never event.
    public var nearlyNeverEvent: Bool
    /// The day it was identified.
    public var identifiedOn: LocalDate
    /// Whether the local safeguarding policy and processes were considered, and the note.
    public var safeguardingConsidered: Bool
    public var safeguardingNote: String?
    /// Where it is.
    public var state: EscalationLifecycle.State
    /// How it ended, why, and when.
    public var outcome: EscalationOutcome?
    public var outcomeSummary: String?
    public var closedOn: LocalDate?
    /// CQC's reference for it, once CQC recorded and triaged it (written by CQC through the share).
    public var cqcReference: String?
    /// Who recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Date

    /// Makes a case.
    public init(id: EscalationID, reference: String, localHealthwatch: OrganisationCode, concernType: EscalationConcernType,
                organisations: [String], title: String, summary: String, systemic: Bool, nearlyNeverEvent: Bool,
                identifiedOn: LocalDate, safeguardingConsidered: Bool, safeguardingNote: String?, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.localHealthwatch = localHealthwatch
        self.concernType = concernType
        self.organisations = organisations
        self.title = title
        self.summary = summary
        self.systemic = systemic
        self.nearlyNeverEvent = nearlyNeverEvent
        self.identifiedOn = identifiedOn
        self.safeguardingConsidered = safeguardingConsidered
        self.safeguardingNote = safeguardingNote
        self.state = .identified
        self.outcome = nil
        self.outcomeSummary = nil
        self.closedOn = nil
        self.cqcReference = nil
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
