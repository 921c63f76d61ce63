import Foundation

/// A partner contacted about a concern: "Who do we need to share with? Who do we need
/// information from?" (ECP §4.2.3).
public struct PartnerContact: Hashable, Codable, Sendable {
    /// The contact's id.
    public var id: ContactID
    /// The concern it is about.
    public var concernId: ConcernID
    /// The partner contacted.
    public var partner: OrganisationCode
    /// Why: to share, to request information, or both.
    public var purpose: Purpose
    /// The day of contact.
    public var contactedOn: LocalDate
    /// The named contact at the partner, if known.
    public var namedContact: String?
    /// How contact was made (email, phone, meeting).
    public var channel: String?
    /// How much the information passed reveals about people.
    public var payloadClass: PayloadClass
    /// The partner's response, if any.
    public var response: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Makes a contact record.
    public init(id: ContactID, concernId: ConcernID, partner: OrganisationCode, purpose: Purpose,
                contactedOn: LocalDate, namedContact: String?, channel: String?, payloadClass: PayloadClass,
                response: String?, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.concernId = concernId
        self.partner = partner
        self.purpose = purpose
        self.contactedOn = contactedOn
        self.namedContact = namedContact
        self.channel = channel
        self.payloadClass = payloadClass
        self.response = response
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Why a partner was contacted.
    public enum Purpose: String, Choice {
        case share, request, both
        public static let choiceName = "purpose"

        /// Whether information was passed to the partner.
        public var sharesInformation: Bool { self != .request }
    }
}
