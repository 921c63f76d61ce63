/// A dated version of the list of organisations the protocol names. The list changes between
/// versions of the protocol, so it is reference data with a version, never an enum.
public struct OrganisationRegistry: Hashable, Codable, Sendable {
    /// The version's name, e.g. `ecp-2021`.
    public var version: String
    /// Where the list comes from.
    public var source: String
    /// The organisations in this version.
    public var organisations: [Organisation]

    /// Makes a registry version.
    public init(version: String, source: String, organisations: [Organisation]) {
        self.version = version
        self.source = source
        self.organisations = organisations
    }

    /// The organisation with `code`, if this version names it.
    public func organisation(_ code: OrganisationCode) -> Organisation? {
        organisations.first { $0.code == code }
    }
}

extension OrganisationRegistry {
    /// The 2021 signatories (CQC's 2021 protocol page) with the aligned and affiliated bodies,
    /// the national partners, and the Regulators Forum secretariat. Local partners — a
    /// council's adult social services, an ICB, a local Healthwatch, a police force — are added
    /// by each node with `triangulate org add`.
    public static let ecp2021 = OrganisationRegistry(
        version: "ecp-2021",
        source: "Emerging Concerns Protocol, revised 2021 (CQC publication of 15 June 2021), DOMAIN.md §1.2",
        organisations: [
            entry("CQC", "Care Quality Commission", .systemRegulator, .signatory),
            entry("GDC", "General Dental Council", .professionalRegulator, .signatory),
            entry("GMC", "General Medical Council", .professionalRegulator, .signatory),
            entry("GOSC", "General Osteopathic Council", .professionalRegulator, .signatory),
            entry("GPHC", "General Pharmaceutical Council", .professionalRegulator, .signatory),
            entry("GCC", "General Chiropractic Council", .professionalRegulator, .signatory),
            entry("GOC", "General Optical Council", .professionalRegulator, .signatory),
            entry("HCPC", "Health and Care Professions Council", .professionalRegulator, .signatory),
            entry("HEE", "Health Education England", .educationBody, .signatory),
            entry("LGSCO", "Local Government and Social Care Ombudsman", .ombudsman, .signatory),
            entry("NMC", "Nursing and Midwifery Council", .professionalRegulator, .signatory),
            entry("PHSO", "Parliamentary and Health Service Ombudsman", .ombudsman, .signatory),
            entry("SWE", "Social Work England", .professionalRegulator, .signatory),
            entry("HSSIB", "Health Services Safety Investigations Body", .investigationBody, .signatory),
            entry("NHSE", "NHS England", .nhsBody, .aligned),
            entry("NGO", "National Guardian's Office", .other, .affiliated),
            entry("HWE", "Healthwatch England", .healthwatch, .partner),
            entry("HSCRF", "Health and Social Care Regulators Forum secretariat", .secretariat, .secretariat),
        ]
    )

    private static func entry(
        _ code: String, _ name: String, _ kind: Organisation.Kind, _ role: Organisation.Role
    ) -> Organisation {
        Organisation(code: OrganisationCode(known: code), name: name, kind: kind, role: role)
    }
}
