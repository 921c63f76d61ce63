/// One exchange of information with another organisation, as the anonymised report counts it:
/// who, which way, when, the concern's category and the payload class — never what was said
/// or about whom.
public struct Exchange: Hashable, Sendable {
    /// The day of the exchange.
    public var on: LocalDate
    /// Sent or received.
    public var direction: Direction
    /// The other organisation.
    public var counterpart: OrganisationCode
    /// The concern's category.
    public var category: ConcernCategory
    /// How much it revealed about people.
    public var payloadClass: PayloadClass

    /// Which way information went.
    public enum Direction: String, Hashable, Codable, Sendable {
        case sent, received
    }

    /// Every exchange recorded on a concern: information shared with a partner, answers to
    /// requests either way, the outcome shared, and the panel's record distributed.
    public static func all(in dossier: ConcernDossier) -> [Exchange] {
        let category = dossier.concern.category
        var exchanges: [Exchange] = []
        for contact in dossier.contacts where contact.purpose.sharesInformation {
            exchanges.append(Exchange(on: contact.contactedOn, direction: .sent, counterpart: contact.partner,
                                      category: category, payloadClass: contact.payloadClass))
        }
        for request in dossier.requests {
            guard let respondedOn = request.respondedOn,
                  request.state == .answered || request.state == .partiallyAnswered else { continue }
            exchanges.append(Exchange(on: respondedOn, direction: request.direction == .outgoing ? .received : .sent,
                                      counterpart: request.counterpart, category: category,
                                      payloadClass: request.answerPayloadClass ?? .metadata))
        }
        if let outcome = dossier.outcome, let sharedOn = outcome.sharedOn {
            for org in outcome.sharedWith {
                exchanges.append(Exchange(on: sharedOn, direction: .sent, counterpart: org, category: category,
                                          payloadClass: .metadata))
            }
        }
        for panel in dossier.panels {
            guard let sharedOn = panel.recordSharedOn else { continue }
            for org in panel.recordSharedWith {
                exchanges.append(Exchange(on: sharedOn, direction: .sent, counterpart: org, category: category,
                                          payloadClass: .metadata))
            }
        }
        return exchanges
    }
}
