import Foundation

/// The stages of a Healthwatch escalation, in the order seed 004 gives them: the organisation
/// itself, then its commissioner or integrated care board, then the Healthwatch England regional
/// manager, then CQC.
public enum EscalationStage: String, Choice, Comparable {
    case organisation
    case commissioner
    case regionalManager = "regional-manager"
    case cqc

    public static let choiceName = "stage"

    /// The stage in words.
    public var label: String {
        switch self {
        case .organisation: "the organisation itself"
        case .commissioner: "the commissioner or integrated care board"
        case .regionalManager: "the Healthwatch England regional manager"
        case .cqc: "CQC"
        }
    }

    /// Its place in the order, from 0.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (left: Self, right: Self) -> Bool { left.rank < right.rank }
}

/// Where one stage of an escalation is.
public enum StageState: String, Codable, Sendable {
    /// Raised, its response clock running.
    case awaitingResponse = "awaiting-response"
    /// Raised, its clock waiting: the organisation asked for more information or time, agreed.
    case onHold = "on-hold"
    /// A response was recorded, or that none came.
    case responded
    /// Not raised, with the reason recorded.
    case skipped
}

/// One stage of an escalation: raised with someone on a day, or skipped with a reason.
public struct EscalationStageRecord: Hashable, Codable, Sendable {
    /// The escalation it belongs to.
    public var caseId: EscalationID
    /// Which stage.
    public var stage: EscalationStage
    /// Where it is.
    public var state: StageState
    /// The day it was raised (nil when skipped).
    public var raisedOn: LocalDate?
    /// Who it was raised with, e.g. "Oaktrees Care Ltd, quality lead" (nil when skipped).
    public var raisedWith: String?
    /// For CQC: the regional manager copied in (seed 004: "copy your regional manager").
    public var copiedTo: String?
    /// Why it was skipped, and the day it was.
    public var skippedReason: String?
    public var skippedOn: LocalDate?
    /// The day the response came, or the day it was recorded that none came.
    public var respondedOn: LocalDate?
    /// What the response said, minimised; nil with `responseReceived` false when none came.
    public var response: String?
    /// Whether a response came at all.
    public var responseReceived: Bool?
    /// Whether the Healthwatch found the response satisfactory.
    public var satisfactory: Bool?
    /// Calendar days the clock has waited on hold, and since when it waits now.
    public var pausedDays: Int
    public var heldSince: LocalDate?
    /// Who recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Date

    /// Makes a stage record.
    public init(caseId: EscalationID, stage: EscalationStage, state: StageState, raisedOn: LocalDate?, raisedWith: String?,
                copiedTo: String? = nil, skippedReason: String? = nil, skippedOn: LocalDate? = nil, recordedBy: String, recordedAt: Date) {
        self.caseId = caseId
        self.stage = stage
        self.state = state
        self.raisedOn = raisedOn
        self.raisedWith = raisedWith
        self.copiedTo = copiedTo
        self.skippedReason = skippedReason
        self.skippedOn = skippedOn
        self.respondedOn = nil
        self.response = nil
        self.responseReceived = nil
        self.satisfactory = nil
        self.pausedDays = 0
        self.heldSince = nil
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Days from raising to the response, less the days on hold; nil until responded.
    public var responseDays: Int? {
        guard let raisedOn, let respondedOn else { return nil }
        return respondedOn.dayNumber - raisedOn.dayNumber - pausedDays
    }
}
