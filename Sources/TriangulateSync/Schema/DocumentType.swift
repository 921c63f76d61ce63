/// The kinds of shareable document of the Emerging Concerns Protocol. Each has a schema
/// declaring its fields, their CRDT and who may write them.
public enum DocumentType: String, CaseIterable, Codable, Sendable {
    /// What a concern is about, minimised: no source, no raw notes.
    case concernSummary = "concern-summary"
    /// A request for information to or from a partner, and its answer.
    case informationRequest = "information-request"
    /// A Regulatory Review Panel: agenda, invitees, attendance, minutes.
    case panel
    /// An action agreed at or after a panel.
    case action
    /// The outcome of a concern, "no further action" included.
    case outcome
    /// What the organisation learnt from its use of the protocol.
    case learningReview = "learning-review"

    /// The schema of this type.
    public var schema: DocumentSchema { Self.schemas[Int(wireCode)] }

    private static let schemas = allCases.map { DocumentSchema.protocolSchemas[$0]! }

    /// The one-byte code of this type in the wire encoding.
    public var wireCode: UInt8 {
        switch self {
        case .concernSummary: 0
        case .informationRequest: 1
        case .panel: 2
        case .action: 3
        case .outcome: 4
        case .learningReview: 5
        }
    }

    /// The type with wire code `code`, if any.
    public init?(wireCode code: UInt8) {
        guard Int(code) < Self.allCases.count else { return nil }
        self = Self.allCases[Int(code)]
    }
}
