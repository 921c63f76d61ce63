import Foundation

/// The review of this use of the protocol for learning, which the protocol asks for every time
/// (ECP §4.2.6): what went well and what might have been done differently.
public struct LearningReview: Hashable, Codable, Sendable {
    /// The review's id.
    public var id: ReviewID
    /// The concern.
    public var concernId: ConcernID
    /// The day of the review.
    public var reviewedOn: LocalDate
    /// Who took part.
    public var reviewers: [String]
    /// What went well.
    public var wentWell: String
    /// What might have been done differently.
    public var doDifferently: String
    /// The lessons, de-identified for dissemination.
    public var lessons: String?
    /// Where the lessons were disseminated, "bearing in mind the need for confidentiality".
    public var disseminatedTo: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes a review.
    public init(id: ReviewID, concernId: ConcernID, reviewedOn: LocalDate, reviewers: [String], wentWell: String,
                doDifferently: String, lessons: String?, disseminatedTo: String?, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.concernId = concernId
        self.reviewedOn = reviewedOn
        self.reviewers = reviewers
        self.wentWell = wentWell
        self.doDifferently = doDifferently
        self.lessons = lessons
        self.disseminatedTo = disseminatedTo
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
