/// A location on CQC's register as one snapshot of the care directory lists it: public,
/// organisational data only — the columns that could name a person are never kept.
public struct RegisteredLocation: Hashable, Codable, Sendable {
    /// Its CQC location id, and its provider's.
    public let locationId: CQCIdentifier
    public let providerId: CQCIdentifier
    /// Its name, and another it is known by.
    public let name: String
    public let alsoKnownAs: String?
    /// Its address and postcode.
    public let address: String
    public let postcode: String
    /// Its provider's name.
    public let providerName: String
    /// Its service types and specialisms, as the directory gives them.
    public let serviceTypes: String
    public let specialisms: String
    /// The day of its latest check (inspection), if any.
    public let latestCheck: LocalDate?
    /// Its local authority and region.
    public let localAuthority: String
    public let region: String
    /// What only the monthly directory with filters gives (nil from the weekly CSV): the brand,
    /// whether the location is dormant, its latest overall rating and its registration date.
    public let brandId: String?
    public let brandName: String?
    public let dormant: Bool?
    public let rating: String?
    public let registeredOn: LocalDate?

    /// Makes a location.
    public init(locationId: CQCIdentifier, providerId: CQCIdentifier, name: String, alsoKnownAs: String?, address: String, postcode: String,
                providerName: String, serviceTypes: String, specialisms: String, latestCheck: LocalDate?, localAuthority: String, region: String,
                brandId: String? = nil, brandName: String? = nil, dormant: Bool? = nil, rating: String? = nil, registeredOn: LocalDate? = nil) {
        self.brandId = brandId
        self.brandName = brandName
        self.dormant = dormant
        self.rating = rating
        self.registeredOn = registeredOn
        self.locationId = locationId
        self.providerId = providerId
        self.name = name
        self.alsoKnownAs = alsoKnownAs
        self.address = address
        self.postcode = postcode
        self.providerName = providerName
        self.serviceTypes = serviceTypes
        self.specialisms = specialisms
        self.latestCheck = latestCheck
        self.localAuthority = localAuthority
        self.region = region
    }

    /// Name and postcode, normalised: how a location re-registered under a new provider (a new
    /// id) is recognised as the same service.
    public var serviceKey: String {
        name.lowercased().filter { $0.isLetter || $0.isNumber } + "|" + postcode.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// Where an id stands against the register.
public enum RegisterStatus: String, Codable, Sendable {
    /// On the latest snapshot.
    case registered
    /// On an earlier snapshot, not on the latest: deregistered (or gone dormant from the list).
    case deregistered
    /// Well formed, never seen on any snapshot.
    case unknown
    /// Not a CQC id at all.
    case malformed
}
