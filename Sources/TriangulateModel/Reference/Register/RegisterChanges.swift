/// What changed on the register between two snapshots, pure: locations registered and
/// deregistered, locations whose provider changed under the same id, and ownership changes —
/// a location deregistered under one provider and the same service (name and postcode)
/// registered under another with a new id, as CQC records a change of provider.
public struct RegisterChanges: Hashable, Sendable {
    /// Ids on the new snapshot and not the old, and on the old and not the new.
    public let registered: [CQCIdentifier]
    public let deregistered: [CQCIdentifier]
    /// Every change of provider, however it showed.
    public let ownershipChanges: [OwnershipChange]

    /// A service that passed from one provider to another.
    public struct OwnershipChange: Hashable, Codable, Sendable {
        public let previousLocationId: CQCIdentifier
        public let previousProviderId: CQCIdentifier
        public let newLocationId: CQCIdentifier
        public let newProviderId: CQCIdentifier
        /// How it was seen: the same location id under a new provider, or the same service
        /// re-registered under a new id.
        public let via: Via

        public enum Via: String, Codable, Sendable {
            case sameLocationId = "same-location-id"
            case sameNameAndPostcode = "same-name-and-postcode"
        }

        /// Makes a change.
        public init(previousLocationId: CQCIdentifier, previousProviderId: CQCIdentifier, newLocationId: CQCIdentifier, newProviderId: CQCIdentifier,
                    via: Via) {
            self.previousLocationId = previousLocationId
            self.previousProviderId = previousProviderId
            self.newLocationId = newLocationId
            self.newProviderId = newProviderId
            self.via = via
        }
    }

    /// The changes from `old` to `new`, each a snapshot's locations.
    public init(from old: [RegisteredLocation], to new: [RegisteredLocation]) {
        let before = Dictionary(old.map { ($0.locationId, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.locationId, $0) }, uniquingKeysWith: { first, _ in first })
        let added = new.filter { before[$0.locationId] == nil }
        let gone = old.filter { after[$0.locationId] == nil }
        registered = added.map(\.locationId)
        deregistered = gone.map(\.locationId)
        var changes: [OwnershipChange] = new.compactMap { location in
            guard let previous = before[location.locationId], previous.providerId != location.providerId else { return nil }
            return OwnershipChange(previousLocationId: previous.locationId, previousProviderId: previous.providerId, newLocationId: location.locationId,
                                   newProviderId: location.providerId, via: .sameLocationId)
        }
        let addedByService = Dictionary(grouping: added, by: \.serviceKey)
        for previous in gone {
            for successor in addedByService[previous.serviceKey] ?? [] where successor.providerId != previous.providerId {
                changes.append(OwnershipChange(previousLocationId: previous.locationId, previousProviderId: previous.providerId,
                                               newLocationId: successor.locationId, newProviderId: successor.providerId, via: .sameNameAndPostcode))
            }
        }
        ownershipChanges = changes
    }
}
