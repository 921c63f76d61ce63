import Foundation

/// A typed identifier: a UUID that also says what it identifies, so a panel id can never be
/// passed where a concern id is expected.
///
/// Encodes as the lowercase UUID string.
public struct Identifier<Entity>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The underlying UUID (a UUIDv7 for everything this package creates).
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses a full UUID string; `nil` when it is not one.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// The lowercase UUID string.
    public var description: String { uuid.uuidString.lowercased() }

    /// The first eight characters: enough to name a record in a table or a command.
    public var short: String { String(description.prefix(8)) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let uuid = UUID(uuidString: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a UUID: \(string)")
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Identifies a concern.
public typealias ConcernID = Identifier<Concern>
/// Identifies an evaluation of a concern.
public typealias EvaluationID = Identifier<Evaluation>
/// Identifies a record of a partner being contacted.
public typealias ContactID = Identifier<PartnerContact>
/// Identifies an information request.
public typealias RequestID = Identifier<InformationRequest>
/// Identifies a decision to call or not call a Regulatory Review Panel.
public typealias PanelDecisionID = Identifier<PanelDecision>
/// Identifies a Regulatory Review Panel.
public typealias PanelID = Identifier<Panel>
/// Identifies an action agreed as a result of the protocol.
public typealias ActionID = Identifier<Action>
/// Identifies the outcome of a concern.
public typealias OutcomeID = Identifier<Outcome>
/// Identifies a learning review.
public typealias ReviewID = Identifier<LearningReview>
/// Identifies a safeguarding flag raised on a concern.
public typealias SafeguardingFlagID = Identifier<SafeguardingFlag>
