import Foundation

/// A safeguarding indicator raised on a concern. "Nobody should wait to activate the protocol
/// instead of acting on safeguarding concerns – immediate action should always be taken where
/// necessary" (ECP §5): a flag can be raised in any state, blocks nothing, and shows on every
/// view of the concern.
public struct SafeguardingFlag: Hashable, Codable, Sendable {
    /// The flag's id.
    public var id: SafeguardingFlagID
    /// The concern it was raised on.
    public var concernId: ConcernID
    /// The day it was raised.
    public var raisedOn: LocalDate
    /// Where the safeguarding referral went (a council's safeguarding team, the police, an ICB), if made.
    public var referredTo: OrganisationCode?
    /// The referral's reference at the receiving organisation.
    public var referralReference: String?
    /// What immediate action was taken.
    public var immediateAction: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes a flag.
    public init(id: SafeguardingFlagID, concernId: ConcernID, raisedOn: LocalDate, referredTo: OrganisationCode?,
                referralReference: String?, immediateAction: String?, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.concernId = concernId
        self.raisedOn = raisedOn
        self.referredTo = referredTo
        self.referralReference = referralReference
        self.immediateAction = immediateAction
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
