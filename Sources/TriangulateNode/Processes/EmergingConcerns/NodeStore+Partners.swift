import Foundation
import GRDB
import TriangulateModel

/// What is recorded when a partner is contacted.
public struct ContactInput: Sendable {
    public var partner: OrganisationCode
    public var purpose: PartnerContact.Purpose
    public var on: LocalDate
    public var namedContact: String?
    public var channel: String?
    public var payloadClass: PayloadClass
    public var response: String?

    /// Makes the input for a contact.
    public init(partner: OrganisationCode, purpose: PartnerContact.Purpose, on: LocalDate, namedContact: String? = nil,
                channel: String? = nil, payloadClass: PayloadClass = .metadata, response: String? = nil) {
        self.partner = partner
        self.purpose = purpose
        self.on = on
        self.namedContact = namedContact
        self.channel = channel
        self.payloadClass = payloadClass
        self.response = response
    }
}

/// What is recorded when an information request is made or received.
public struct RequestInput: Sendable {
    public var direction: InformationRequest.Direction
    public var counterpart: OrganisationCode
    public var question: String
    public var on: LocalDate
    public var dueBy: LocalDate?
    public var legalGateway: String?
    /// Keep an outgoing request as a draft instead of recording it as sent.
    public var draft: Bool

    /// Makes the input for a request.
    public init(direction: InformationRequest.Direction, counterpart: OrganisationCode, question: String, on: LocalDate,
                dueBy: LocalDate? = nil, legalGateway: String? = nil, draft: Bool = false) {
        self.direction = direction
        self.counterpart = counterpart
        self.question = question
        self.on = on
        self.dueBy = dueBy
        self.legalGateway = legalGateway
        self.draft = draft
    }
}

/// What comes with a step in a request's life.
public struct RequestUpdate: Sendable {
    public var on: LocalDate
    public var summary: String?
    public var payloadClass: PayloadClass?
    public var reason: String?

    /// Makes the input for a request step.
    public init(on: LocalDate, summary: String? = nil, payloadClass: PayloadClass? = nil, reason: String? = nil) {
        self.on = on
        self.summary = summary
        self.payloadClass = payloadClass
        self.reason = reason
    }
}

extension NodeStore {
    /// Records that a partner was contacted to share, to request information, or both.
    public func recordContact(_ reference: String, _ input: ContactInput, by user: String) throws -> PartnerContact {
        try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            try command.checkDate(input.on, of: "the contact", notBefore: [concern.identified])
            try command.requireKnown(input.partner)
            try notSelf(input.partner, command)
            try exchangeInformation(&concern, command)
            let contact = PartnerContact(
                id: command.newID(), concernId: concern.id, partner: input.partner, purpose: input.purpose,
                contactedOn: input.on, namedContact: Text.optional(input.namedContact), channel: Text.optional(input.channel),
                payloadClass: input.payloadClass, response: Text.optional(input.response),
                recordedBy: command.user, recordedAt: command.at)
            try contact.insert(command.db)
            try concern.update(command.db)
            try command.log(concern.id, "contact", concern.reference, "partnerContacted")
            return contact
        }
    }

    /// Records an information request: one this organisation makes (which counts as an
    /// exchange with partners) or one it receives about this concern.
    public func addRequest(_ reference: String, _ input: RequestInput, by user: String) throws -> InformationRequest {
        let question = try Text.required(input.question, "question", hint: "--question")
        if let due = input.dueBy, due < input.on {
            throw NodeError(.invalidInput, "the request is due (\(due)) before it is made (\(input.on)): check --due")
        }
        return try perform(by: user) { command in
            var concern = try Lookup.one(Concern.self, reference, noun: "concern", in: command.db)
            try command.requireKnown(input.counterpart)
            try notSelf(input.counterpart, command)
            if input.direction == .outgoing {
                try exchangeInformation(&concern, command)
                try concern.update(command.db)
            } else if concern.state == .closed {
                _ = try ConcernLifecycle.apply(.exchangeInformation, to: concern.state)
            }
            let prefix = concern.reference + "/R"
            let number = try Lookup.nextNumber(table: InformationRequest.databaseTableName, prefix: prefix, in: command.db)
            let request = InformationRequest(
                id: command.newID(), reference: prefix + String(number), concernId: concern.id, direction: input.direction,
                counterpart: input.counterpart, question: question, requestedOn: input.on, dueBy: input.dueBy,
                legalGateway: Text.optional(input.legalGateway),
                state: input.draft && input.direction == .outgoing ? .drafted : .sent,
                recordedBy: command.user, recordedAt: command.at)
            try request.insert(command.db)
            try command.log(concern.id, "request", request.reference, "requestRecorded", to: request.state.rawValue)
            return request
        }
    }

    /// Takes a step in a request's life: send, acknowledge, answer, decline or withdraw.
    public func advanceRequest(_ reference: String, _ event: RequestLifecycle.Event, _ update: RequestUpdate,
                               by user: String) throws -> InformationRequest {
        try perform(by: user) { command in
            var request = try Lookup.one(InformationRequest.self, reference, noun: "information request", in: command.db)
            let from = request.state
            request.state = try RequestLifecycle.apply(event, to: from)
            switch event {
            case .send:
                request.requestedOn = update.on
            case .acknowledge, .withdraw:
                break
            case .answer, .answerPartially:
                request.answerSummary = try Text.required(update.summary ?? "", "answer", hint: "--summary")
                request.answerPayloadClass = update.payloadClass ?? .metadata
                request.respondedOn = update.on
            case .decline:
                request.declineReason = try Text.required(update.reason ?? "", "reason for declining", hint: "--reason")
                request.respondedOn = update.on
            }
            try request.update(command.db)
            try command.log(request.concernId, "request", request.reference, event.rawValue,
                            from: from.rawValue, to: request.state.rawValue)
            return request
        }
    }

    /// Information requests, oldest first; only open ones when asked.
    public func listRequests(openOnly: Bool = false) throws -> [InformationRequest] {
        try read { db in
            try InformationRequest.order(Column("requestedOn"), Column("reference")).fetchAll(db)
                .filter { !openOnly || $0.state.isOpen }
        }
    }

    /// Moves the concern into (or keeps it in) the partner-exchange part of the protocol.
    func exchangeInformation(_ concern: inout Concern, _ command: Command) throws {
        switch concern.state {
        case .triggered:
            try transition(&concern, .considerPartners, command)
            try transition(&concern, .exchangeInformation, command)
        case .consideringPartners:
            try transition(&concern, .exchangeInformation, command)
        case .sharing, .panelCalled, .panelNotCalled, .outcomeRecorded:
            break  // partners can still be contacted; the concern stays where it is
        default:
            _ = try ConcernLifecycle.apply(.exchangeInformation, to: concern.state)
        }
    }

    private func notSelf(_ partner: OrganisationCode, _ command: Command) throws {
        if partner == command.organisation {
            throw NodeError(.invalidInput, "\(partner) is this node's own organisation: name the partner contacted")
        }
    }
}
