/// Concerns rolled up by the provider or brand running their services on the day each concern
/// named them: "care should be taken that one establishment is not seen in isolation" (seed 001
/// §5.2). Pure: snapshots in, rows out.
public enum ProviderRollUp {
    /// What to group by.
    public enum Grouping: String, Choice {
        case provider, brand

        public static let choiceName = "grouping"
    }

    /// One concern's part in the roll-up: its reference, whether it is still open, the day it
    /// was identified, and the services it named.
    public struct Entry: Sendable {
        public let reference: String
        public let isOpen: Bool
        public let identifiedOn: LocalDate
        public let services: [ServiceSnapshot]

        /// Makes an entry.
        public init(reference: String, isOpen: Bool, identifiedOn: LocalDate, services: [ServiceSnapshot]) {
            self.reference = reference
            self.isOpen = isOpen
            self.identifiedOn = identifiedOn
            self.services = services
        }
    }

    /// One provider or brand and the concerns about its services.
    public struct Row: Hashable, Codable, Sendable {
        /// The provider or brand id (nil for services not on the register), and its name.
        public let id: String?
        public let name: String
        /// Concerns naming any of its services, and those still open.
        public let concerns: Int
        public let open: Int
        /// Its distinct locations named, and the most recent day a concern was identified.
        public let locations: Int
        public let latestIdentifiedOn: LocalDate
        /// The concerns' references, oldest first.
        public let references: [String]
    }

    /// The rows, most concerns first, then by name, services not on the register last; a concern
    /// counts once per row however many of that row's services it names.
    public static func rows(_ entries: [Entry], by grouping: Grouping) -> [Row] {
        struct Group {
            var name: String
            var references: [(LocalDate, String)] = []
            var open = 0
            var locations = Set<String>()
        }
        var groups: [String: Group] = [:]
        let unregistered = "\u{1}unregistered"
        for entry in entries {
            var counted = Set<String>()
            for service in entry.services {
                let (key, name) = key(of: service, by: grouping) ?? (unregistered, "Not on the register")
                var group = groups[key] ?? Group(name: name)
                if service.kind == .location, let id = service.id { group.locations.insert(id.rawValue) }
                if counted.insert(key).inserted {
                    group.references.append((entry.identifiedOn, entry.reference))
                    if entry.isOpen { group.open += 1 }
                }
                groups[key] = group
            }
        }
        return groups.map { key, group in
            let sorted = group.references.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            return Row(id: key == unregistered ? nil : key, name: group.name, concerns: sorted.count, open: group.open,
                       locations: group.locations.count, latestIdentifiedOn: sorted.last!.0, references: sorted.map(\.1))
        }.sorted { ($0.id == nil ? 1 : 0, $1.concerns, $0.name) < ($1.id == nil ? 1 : 0, $0.concerns, $1.name) }
    }

    /// The provider or brand a service belongs to, or nil when the register does not say.
    private static func key(of service: ServiceSnapshot, by grouping: Grouping) -> (String, String)? {
        switch grouping {
        case .provider:
            guard let id = service.providerId else { return nil }
            return (id.rawValue, service.providerName ?? service.typedName)
        case .brand:
            if let brand = service.brandId, !brand.isEmpty { return (brand, service.brandName ?? brand) }
            guard let id = service.providerId else { return nil }
            return (id.rawValue, (service.providerName ?? service.typedName) + " (no brand)")
        }
    }
}
