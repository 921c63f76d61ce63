import Foundation

/// A recorded value that may be corrected (UK GDPR Art 16): its key, its label, what it holds
/// and its value now. A process lists its case's correctable values; a correction keeps the old
/// value, the new, who and why.
public struct CorrectableField: Hashable, Sendable {
    /// What a corrected value holds.
    public enum Kind: Hashable, Sendable {
        case text, longText, date
    }

    /// Its key within the case, e.g. `concern.title` or `evaluation.<id>.evaluatedOn`: never personal data.
    public let key: String
    /// Its label, e.g. "Date of evaluation 1".
    public let label: String
    /// What it holds.
    public let kind: Kind
    /// Its value now, as text.
    public let value: String

    /// Declares a correctable value.
    public init(_ key: String, _ label: String, _ kind: Kind, value: String) {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
    }
}

/// A correction made: which value, from what to what, why, by whom and when.
public struct Correction: Hashable, Codable, Sendable {
    /// The case's record id.
    public let caseId: String
    /// The value's key and label.
    public let field: String
    public let label: String
    /// The value before and after.
    public let oldValue: String
    public let newValue: String
    /// Why it was corrected.
    public let reason: String
    /// Who corrected it.
    public let actor: String
    /// When.
    public let at: Date

    /// Records a correction.
    public init(caseId: String, field: String, label: String, oldValue: String, newValue: String, reason: String, actor: String, at: Date) {
        self.caseId = caseId
        self.field = field
        self.label = label
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
        self.actor = actor
        self.at = at
    }
}
