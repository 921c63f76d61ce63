import Foundation
import TriangulateModel
import TriangulateSync

/// A share, as the node that makes it declares it to the hub: which document, to whom, why, on
/// what basis, which fields, of what class. The hub delivers the document's changes only to the
/// audience and re-checks every change against the fields and class.
public struct ShareDeclaration: Codable, Hashable, Sendable {
    /// The share's id (a UUIDv7).
    public var id: String
    /// The document shared.
    public var document: DocumentHeader
    /// The schema of the document's type, which the hub checks every change against: a new
    /// process needs no new hub. A declaration without one (protocol 1) is read with the schema
    /// its type had then (`ShareDeclaration.protocol1Schemas`).
    public var schema: DocumentSchema
    /// The organisations that receive it, each with the named people who may see personal data.
    public var audience: [AudienceMember]
    /// Why it is shared.
    public var purpose: String
    /// The lawful basis or legal gateway.
    public var basis: String
    /// How identifiable the content is.
    public var payloadClass: String
    /// The fields that may travel; a map field's name covers its sub-document paths.
    public var fields: [String]
    /// The panel or meeting (its reference) whose named invitees may see identifiable content.
    public var panel: String?
    /// Who approved sharing identifiable content.
    public var approvedBy: String?
    /// Handling condition: recipients may not pass it on.
    public var noOnwardSharing: Bool

    /// Makes a declaration.
    public init(
        id: String, document: DocumentHeader, schema: DocumentSchema, audience: [AudienceMember], purpose: String, basis: String,
        payloadClass: String, fields: [String], panel: String? = nil, approvedBy: String? = nil, noOnwardSharing: Bool = true
    ) {
        self.id = id
        self.document = document
        self.schema = schema
        self.audience = audience
        self.purpose = purpose
        self.basis = basis
        self.payloadClass = payloadClass
        self.fields = fields
        self.panel = panel
        self.approvedBy = approvedBy
        self.noOnwardSharing = noOnwardSharing
    }

    /// Whether `path` (a field or a sub-document path) is in the allow-list.
    public func allows(_ path: String) -> Bool {
        let name = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? path
        return fields.contains(name)
    }

    /// Checks the declaration is complete and consistent, as both the node and the hub do: a
    /// purpose and a basis; fields of the document's schema; personal-data fields only in the
    /// identifiable class; identifiable content only with an approval, a panel, and named people
    /// with a need-to-know in every organisation of the audience.
    public func validate() throws(ProtocolError) {
        try WireID.check(id, "the share id")
        try WireID.check(document.id, "the document id")
        func refuse(_ message: String) -> ProtocolError { ProtocolError(.malformed, "share \(id): \(message)") }
        try Self.checkCode(document.owner, "the owner")
        try WireText.check(purpose, "the purpose", maximum: WireText.maximumProse)
        try WireText.check(basis, "the basis", maximum: WireText.maximumProse)
        try WireText.check(panel ?? "", "the panel reference", maximum: WireText.maximumName)
        try WireText.check(approvedBy ?? "", "the approver", maximum: WireText.maximumName)
        guard audience.count <= Self.maximumAudience else { throw refuse("at most \(Self.maximumAudience) organisations may be in one audience") }
        guard fields.count <= Self.maximumFields else { throw refuse("at most \(Self.maximumFields) fields may be listed") }
        for member in audience {
            try Self.checkCode(member.organisation, "an audience member")
            guard member.people.count <= Self.maximumAudience else { throw refuse("at most \(Self.maximumAudience) people may be named at one organisation") }
            for person in member.people {
                try WireText.check(person.name, "a named person", maximum: WireText.maximumName)
                try WireText.check(person.needToKnow, "a need-to-know", maximum: WireText.maximumProse)
            }
        }
        guard !purpose.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("say its purpose") }
        guard !basis.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("say its lawful basis or legal gateway") }
        guard let payload = PayloadClass(rawValue: payloadClass) else {
            throw refuse("'\(payloadClass)' is not a payload class: use \(PayloadClass.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !fields.isEmpty else { throw refuse("list at least one field") }
        do {
            try schema.check()
        } catch {
            throw refuse(error.message)
        }
        guard schema.type == document.type else { throw refuse("it declares a \(schema.type) schema for a \(document.type)") }
        for field in fields {
            guard let declared = schema.field(field) else {
                throw refuse("a \(document.type.rawValue) has no field '\(field)': its fields are \(schema.fields.map(\.name).joined(separator: ", "))")
            }
            if declared.isPersonal && payload != .identifiable {
                throw refuse("'\(field)' can hold personal data: share it only as --class identifiable, with an approval and a panel")
            }
        }
        let codes = audience.map(\.organisation)
        guard Set(codes).count == codes.count else { throw refuse("an organisation appears twice in the audience") }
        guard !codes.contains(document.owner) else { throw refuse("the owner \(document.owner) cannot be in its own audience") }
        if payload == .identifiable {
            guard let approvedBy, !approvedBy.isEmpty else { throw refuse("identifiable content needs an approving user (--approved-by)") }
            guard let panel, !panel.isEmpty else { throw refuse("identifiable content can be shared only for a panel (--panel)") }
            for member in audience where member.people.isEmpty {
                throw refuse("identifiable content reaches only named panel attendees: name \(member.organisation)'s, with their need to know")
            }
        }
        for member in audience {
            for person in member.people where person.needToKnow.trimmingCharacters(in: .whitespaces).isEmpty {
                throw refuse("\(person.name) at \(member.organisation) has no need-to-know justification")
            }
        }
    }
}

extension ShareDeclaration {
    /// The most organisations in an audience, and people named at one of them.
    public static let maximumAudience = 64
    /// The most fields a declaration lists.
    public static let maximumFields = 64

    /// Refuses `code` unless it is an organisation code as the hub registers them.
    static func checkCode(_ code: String, _ what: String) throws(ProtocolError) {
        let bytes = Array(code.utf8)
        guard (2...24).contains(bytes.count), (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0]),
              bytes.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") })
        else {
            throw ProtocolError(.malformed, "\(what) '\(WireText.excerpt(code))' is not an organisation code")
        }
    }
}

extension ShareDeclaration {
    private enum CodingKeys: String, CodingKey {
        case id, document, schema, audience, purpose, basis, payloadClass, fields, panel, approvedBy, noOnwardSharing
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        document = try container.decode(DocumentHeader.self, forKey: .document)
        if let schema = try container.decodeIfPresent(DocumentSchema.self, forKey: .schema) {
            self.schema = schema
        } else if let schema = Self.protocol1Schemas.schema(document.type) {
            self.schema = schema
        } else {
            throw DecodingError.dataCorruptedError(forKey: .schema, in: container, debugDescription: "a declaration of a \(document.type) must carry its schema")
        }
        audience = try container.decode([AudienceMember].self, forKey: .audience)
        purpose = try container.decode(String.self, forKey: .purpose)
        basis = try container.decode(String.self, forKey: .basis)
        payloadClass = try container.decode(String.self, forKey: .payloadClass)
        fields = try container.decode([String].self, forKey: .fields)
        panel = try container.decodeIfPresent(String.self, forKey: .panel)
        approvedBy = try container.decodeIfPresent(String.self, forKey: .approvedBy)
        noOnwardSharing = try container.decode(Bool.self, forKey: .noOnwardSharing)
    }
}

/// One organisation of a share's audience.
public struct AudienceMember: Codable, Hashable, Sendable {
    /// The organisation's code.
    public var organisation: String
    /// The people there who may see personal data, each with their need to know.
    public var people: [NamedRecipient]

    /// Makes a member.
    public init(organisation: String, people: [NamedRecipient] = []) {
        self.organisation = organisation
        self.people = people
    }
}

/// A named person allowed to see a share's personal data.
public struct NamedRecipient: Codable, Hashable, Sendable {
    /// Their name, as on the panel's invitation.
    public var name: String
    /// Why they need to know.
    public var needToKnow: String

    /// Makes a recipient.
    public init(name: String, needToKnow: String) {
        self.name = name
        self.needToKnow = needToKnow
    }
}
