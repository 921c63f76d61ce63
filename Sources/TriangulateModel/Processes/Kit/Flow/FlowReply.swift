import Foundation

/// A step of a flow that the recipients of one of its notices take, not its owner: CQC
/// acknowledging an Ombudsman alert, receiving the provider's action plan, reporting its
/// regulatory activity back (seed 002, MoU 4.7–4.8). The recipient answers the step's form on
/// its own node; the answers travel in the notice's `replies`; the owner's node takes the step
/// on the case by the flow's rules, recorded as the partner's.
public struct FlowReply: Hashable, Sendable {
    /// The notice it answers.
    public let notice: DocumentType
    /// The step it takes on the owner's case.
    public let step: String

    /// Declares a reply.
    public init(notice: DocumentType, step: String) {
        self.notice = notice
        self.step = step
    }
}

/// One reply as it travels: an element of a notice's `replies` set, JSON with sorted keys.
public struct FlowReplyElement: Hashable, Codable, Sendable {
    /// The step taken.
    public let step: String
    /// The day it happened.
    public let on: LocalDate
    /// The answers to the step's form.
    public let answers: [String: String]

    /// Makes a reply.
    public init(step: String, on: LocalDate, answers: [String: String]) {
        self.step = step
        self.on = on
        self.answers = answers
    }

    /// The element's text.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The reply an element holds, or nil when it is not one.
    public init?(text: String) {
        guard text.utf8.count <= 16_384, let reply = try? JSONDecoder().decode(Self.self, from: Data(text.utf8)) else { return nil }
        self = reply
    }
}
