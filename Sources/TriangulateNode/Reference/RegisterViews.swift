import Foundation
import TriangulateModel

/// What one import of the care directory did.
public struct RegisterImport: Hashable, Codable, Sendable {
    /// The snapshot's number, and the "produced on" line of the file.
    public let snapshot: Int
    public let producedOn: String?
    /// Whether this very file was imported before (then nothing changed).
    public let alreadyImported: Bool
    /// Locations read, and rows that could not be, each with its row number and reason.
    public let locations: Int
    public let skipped: [SkippedRow]
    /// Since the snapshot before: locations registered, deregistered, and changes of provider.
    public let registered: Int
    public let deregistered: Int
    public let ownershipChanges: [RegisterChanges.OwnershipChange]

    /// A row that could not be read.
    public struct SkippedRow: Hashable, Codable, Sendable {
        public let row: Int
        public let reason: String
    }
}

/// A location on the register with its history.
public struct RegisterLocationView: Hashable, Codable, Sendable {
    /// The location as the latest snapshot listing it had it.
    public let location: RegisteredLocation
    /// Whether it is on the latest snapshot.
    public let status: RegisterStatus
    /// What happened to it across snapshots, oldest first.
    public let history: [Event]

    /// One thing that happened to a location.
    public struct Event: Hashable, Codable, Sendable {
        public let snapshot: Int
        public let event: String
        public let detail: String?
    }
}

/// A provider on the register, with its locations.
public struct RegisterProviderView: Hashable, Codable, Sendable {
    public let providerId: CQCIdentifier
    public let name: String
    /// Its locations, registered ones first.
    public let locations: [Location]

    /// One of its locations.
    public struct Location: Hashable, Codable, Sendable {
        public let locationId: CQCIdentifier
        public let name: String
        public let postcode: String
        public let status: RegisterStatus
    }
}

/// An id checked against the register: where it stands, normalised.
public struct RegisterCheck: Hashable, Codable, Sendable {
    /// What was typed, and the id as normalised (nil when malformed).
    public let typed: String
    public let id: String?
    public let status: RegisterStatus
    /// Whether it is a location or a provider id, when known.
    public let kind: String?
    /// Its name on the register, when known.
    public let name: String?
}
