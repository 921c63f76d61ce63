/// A provider or location a case is about, as CQC's register had it on the day the case named
/// it. CQC keeps only a provider's last known details once a service changes hands (seed 002),
/// so a case keeps its own copy: who ran the service when the concern arose.
public struct ServiceSnapshot: Hashable, Codable, Sendable {
    /// Whether the case named a location or a provider.
    public let kind: Kind
    /// The id the case named.
    public let id: CQCIdentifier?
    /// The name as the case typed it.
    public let typedName: String
    /// Where the id stood against the register on the day.
    public let status: RegisterStatus
    /// The location's registered name, when the case named a location the register holds.
    public let registeredName: String?
    /// The provider running it on the day (for a provider, itself), and its name.
    public let providerId: CQCIdentifier?
    public let providerName: String?
    /// The provider's brand on the day, when the monthly directory gave one.
    public let brandId: String?
    public let brandName: String?
    /// The day it was taken.
    public let takenOn: LocalDate

    /// A location or a provider.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case location, provider
    }

    /// Makes a snapshot.
    public init(kind: Kind, id: CQCIdentifier?, typedName: String, status: RegisterStatus, registeredName: String?,
                providerId: CQCIdentifier?, providerName: String?, brandId: String?, brandName: String?, takenOn: LocalDate) {
        self.kind = kind
        self.id = id
        self.typedName = typedName
        self.status = status
        self.registeredName = registeredName
        self.providerId = providerId
        self.providerName = providerName
        self.brandId = brandId
        self.brandName = brandName
        self.takenOn = takenOn
    }

    /// The kind, id and name of a subject that is a service (nil for people and others).
    public static func service(of subject: Subject) -> (kind: Kind, id: CQCIdentifier?, name: String)? {
        switch subject {
        case .location(let id, let name): (.location, id, name)
        case .provider(let id, let name): (.provider, id, name)
        case .professional, .other: nil
        }
    }
}
