import Foundation

/// A request for information about a concern, made to a partner or received from one. The
/// partner may decline, with its reason and legal gateway: the protocol "must operate within
/// the law, including any restrictions on sharing information" (ECP §3).
public struct InformationRequest: Hashable, Codable, Sendable {
    /// The request's id.
    public var id: RequestID
    /// The node's reference for people, e.g. `ECP-2026-0007/A2`.
    public var reference: String
    /// The concern it is about.
    public var concernId: ConcernID
    /// Whether this organisation asked (outgoing) or was asked (incoming).
    public var direction: Direction
    /// The other organisation.
    public var counterpart: OrganisationCode
    /// The question, written minimised.
    public var question: String
    /// The day it was made.
    public var requestedOn: LocalDate
    /// The day an answer is due, if one was set.
    public var dueBy: LocalDate?
    /// The legal gateway relied on, e.g. `HSCA2008-s64` or `LGSCO-MoU-4.4`.
    public var legalGateway: String?
    /// Where the request is.
    public var state: RequestLifecycle.State
    /// A summary of the answer.
    public var answerSummary: String?
    /// How much the answer reveals about people.
    public var answerPayloadClass: PayloadClass?
    /// The day it was answered or declined.
    public var respondedOn: LocalDate?
    /// Why it was declined ("statutory restriction", "not held").
    public var declineReason: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes a request.
    public init(id: RequestID, reference: String, concernId: ConcernID, direction: Direction, counterpart: OrganisationCode,
                question: String, requestedOn: LocalDate, dueBy: LocalDate?, legalGateway: String?,
                state: RequestLifecycle.State, answerSummary: String? = nil, answerPayloadClass: PayloadClass? = nil,
                respondedOn: LocalDate? = nil, declineReason: String? = nil, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.concernId = concernId
        self.direction = direction
        self.counterpart = counterpart
        self.question = question
        self.requestedOn = requestedOn
        self.dueBy = dueBy
        self.legalGateway = legalGateway
        self.state = state
        self.answerSummary = answerSummary
        self.answerPayloadClass = answerPayloadClass
        self.respondedOn = respondedOn
        self.declineReason = declineReason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Whether the request is open and past its due date on `day`.
    public func isOverdue(on day: LocalDate) -> Bool {
        guard let dueBy, state.isOpen else { return false }
        return dueBy < day
    }

    /// Which way a request goes.
    public enum Direction: String, Choice {
        case outgoing, incoming
        public static let choiceName = "direction"
    }
}
