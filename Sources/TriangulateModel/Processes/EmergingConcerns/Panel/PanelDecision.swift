import Foundation

/// The decision to call or not call a Regulatory Review Panel: part of the minimum data every
/// organisation must record ("decisions to call / not call RRP", ECP §6).
public struct PanelDecision: Hashable, Codable, Sendable {
    /// The decision's id.
    public var id: PanelDecisionID
    /// The concern it is about.
    public var concernId: ConcernID
    /// Whether a panel is called.
    public var callPanel: Bool
    /// The day of the decision.
    public var decidedOn: LocalDate
    /// Who decided.
    public var decidedBy: String
    /// Why.
    public var rationale: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes a decision record.
    public init(id: PanelDecisionID, concernId: ConcernID, callPanel: Bool, decidedOn: LocalDate,
                decidedBy: String, rationale: String, recordedAt: Date) {
        self.id = id
        self.concernId = concernId
        self.callPanel = callPanel
        self.decidedOn = decidedOn
        self.decidedBy = decidedBy
        self.rationale = rationale
        self.recordedAt = recordedAt
    }
}
