import Foundation

/// An organisation that takes part in the Emerging Concerns Protocol, as a signatory or as a
/// partner (DOMAIN.md §1.2 "Organisation / Signatory").
public struct Organisation: Hashable, Codable, Sendable {
    /// The organisation's short code.
    public var code: OrganisationCode
    /// Its full name.
    public var name: String
    /// What sort of body it is.
    public var kind: Kind
    /// How it stands towards the protocol.
    public var role: Role

    /// Makes an organisation.
    public init(code: OrganisationCode, name: String, kind: Kind, role: Role) {
        self.code = code
        self.name = name
        self.kind = kind
        self.role = role
    }

    /// What sort of body an organisation is.
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        case systemRegulator = "system-regulator"
        case professionalRegulator = "professional-regulator"
        case ombudsman
        case educationBody = "education-body"
        case investigationBody = "investigation-body"
        case council
        case icb
        case healthwatch
        case police
        case nhsBody = "nhs-body"
        case nhsTrust = "nhs-trust"
        case provider
        case secretariat
        case other
    }

    /// How an organisation stands towards the protocol.
    public enum Role: String, Hashable, Codable, Sendable, CaseIterable {
        /// Signed the protocol.
        case signatory
        /// Affiliated with it (the National Guardian's Office in the 2024 text).
        case affiliated
        /// Closely aligned with it (NHS England).
        case aligned
        /// A partner that is not a signatory: councils (DASSs), ICBs, Healthwatch, police.
        case partner
        /// The Health and Social Care Regulators Forum secretariat, which receives every panel record.
        case secretariat
    }
}

extension Organisation.Kind {
    /// Parses a kind's name, refusing anything else with the names allowed.
    public init(parsing text: String) throws(ModelError) {
        guard let kind = Self(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ModelError(.invalidValue, "'\(text)' is not a kind of organisation: use one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = kind
    }
}
