import GRDB
import TriangulateModel

// Each model type is a row of its own table; nested values (subjects, invitees, agenda) are
// stored as JSON by GRDB's Codable support. Column names are the property names.

extension Organisation: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "organisation"
}

extension Concern: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "concern"
}

extension SafeguardingFlag: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "safeguardingFlag"
}

extension Evaluation: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "evaluation"
}

extension PartnerContact: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "partnerContact"
}

extension InformationRequest: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "informationRequest"
}

extension PanelDecision: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "panelDecision"
}

extension Panel: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "panel"
}

extension Action: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "action"
}

extension Outcome: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "outcome"
}

extension LearningReview: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "learningReview"
}
