import Foundation
import GRDB
import TriangulateModel

/// What is recorded in a learning review.
public struct ReviewInput: Sendable {
    public var on: LocalDate
    public var reviewers: [String]
    public var wentWell: String
    public var doDifferently: String
    public var lessons: String?
    public var disseminatedTo: String?

    /// Makes the input for a review.
    public init(on: LocalDate, reviewers: [String], wentWell: String, doDifferently: String, lessons: String? = nil,
                disseminatedTo: String? = nil) {
        self.on = on
        self.reviewers = reviewers
        self.wentWell = wentWell
        self.doDifferently = doDifferently
        self.lessons = lessons
        self.disseminatedTo = disseminatedTo
    }
}

extension NodeStore {
    /// Records the outcome, "no further action" included. When a panel was called, it must
    /// have met (or been cancelled) first.
    public func recordOutcome(_ reference: String, type: OutcomeType, summary: String, on day: LocalDate,
                              by user: String) throws -> Outcome {
        let summary = try Text.required(summary, "outcome summary", hint: "--summary")
        return try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            if concern.state == .panelCalled {
                let panels = try Panel.filter(Column("concernId") == concern.id.description).fetchAll(command.db)
                if let waiting = panels.first(where: { !$0.state.hasMet && $0.state != .cancelled }) {
                    throw ModelError(.missingPrerequisite, "the panel \(waiting.reference) is \(waiting.state.label): record its attendance (panel attend) or cancel it (panel cancel) before the outcome")
                }
            }
            let decided = try PanelDecision.filter(Column("concernId") == concern.id.description).order(Column("decidedOn").desc).fetchOne(command.db)
            try command.checkDate(day, of: "the outcome", notBefore: [concern.identified] + [decided.map { ($0.decidedOn, "the panel decision") }].compactMap { $0 })
            try transition(&concern, .recordOutcome, command)
            try concern.update(command.db)
            let outcome = Outcome(id: command.newID(), concernId: concern.id, type: type, summary: summary, decidedOn: day,
                                  recordedBy: command.user, recordedAt: command.at)
            try outcome.insert(command.db)
            return outcome
        }
    }

    /// Sends the outcome, "no further action" included, to all partners and the concern's forum
    /// record to the Forum secretariat, as shares that go out on the next sync. With no list, it
    /// goes to every organisation the concern involved and to the secretariat.
    public func shareOutcome(_ reference: String, with orgs: [OrganisationCode]?, on day: LocalDate,
                             by user: String) throws -> Outcome {
        try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            try transition(&concern, .shareOutcome, command)
            guard var outcome = try Outcome.filter(Column("concernId") == concern.id.description).fetchOne(command.db) else {
                throw ModelError(.missingPrerequisite, "\(concern.reference) has no outcome: record it with `triangulate outcome record`")
            }
            let panels = try Panel.filter(Column("concernId") == concern.id.description).fetchAll(command.db)
            var recipients = try self.recipients(orgs, concernId: concern.id, panel: nil, command)
            if orgs == nil {
                recipients = Array(Set(recipients + panels.flatMap { $0.invitees.map(\.org) })
                    .subtracting([command.organisation])).sorted()
            }
            try command.checkDate(day, of: "sharing the outcome", notBefore: [(outcome.decidedOn, "the outcome was decided")])
            outcome.sharedWith = recipients
            outcome.sharedOn = day
            try outcome.update(command.db)
            try concern.update(command.db)
            _ = try Self.distribute(["outcome:\(concern.reference)"], of: concern, to: recipients, command)
            return outcome
        }
    }

    /// Records the review of this use of the protocol for learning.
    public func recordReview(_ reference: String, _ input: ReviewInput, by user: String) throws -> LearningReview {
        let wentWell = try Text.required(input.wentWell, "what went well", hint: "--went-well")
        let different = try Text.required(input.doDifferently, "what might be done differently", hint: "--do-differently")
        return try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            let shared = try Outcome.filter(Column("concernId") == concern.id.description).fetchOne(command.db)?.sharedOn
            try command.checkDate(input.on, of: "the learning review", notBefore: [concern.identified] + [shared.map { ($0, "the outcome was shared") }].compactMap { $0 })
            try transition(&concern, .reviewLearning, command)
            try concern.update(command.db)
            let reviewers = input.reviewers.compactMap(Text.optional)
            let review = LearningReview(
                id: command.newID(), concernId: concern.id, reviewedOn: input.on,
                reviewers: reviewers.isEmpty ? [command.user] : reviewers, wentWell: wentWell,
                doDifferently: different, lessons: Text.optional(input.lessons),
                disseminatedTo: Text.optional(input.disseminatedTo), recordedBy: command.user, recordedAt: command.at)
            try review.insert(command.db)
            return review
        }
    }
}
