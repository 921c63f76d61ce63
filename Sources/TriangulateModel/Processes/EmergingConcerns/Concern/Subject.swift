import Foundation

/// Someone or something a concern is about: the protocol's "providers, professionals and
/// others involved".
public enum Subject: Hashable, Codable, Sendable {
    /// A care provider, with its CQC provider id when it is registered.
    case provider(id: CQCIdentifier?, name: String)
    /// A CQC location (a service), with its id and name.
    case location(id: CQCIdentifier, name: String)
    /// A registered professional. This is personal data: it stays on the node unless a share
    /// of identifiable content is approved for a panel.
    case professional(regulator: OrganisationCode, registration: String, name: String)
    /// Anyone or anything else involved: a commissioner, a council service, an education provider.
    case other(name: String)

    /// The kind of subject, as written on the command line and in reports.
    public var kind: String {
        switch self {
        case .provider: "provider"
        case .location: "location"
        case .professional: "professional"
        case .other: "other"
        }
    }

    /// Whether recording this subject means holding personal data.
    public var isPersonalData: Bool {
        if case .professional = self { return true }
        return false
    }

    /// One line for people, e.g. "location 1-134558905 Oaktrees".
    public var summary: String {
        switch self {
        case .provider(let id, let name): "provider \(id.map { "\($0) " } ?? "")\(name)"
        case .location(let id, let name): "location \(id) \(name)"
        case .professional(let regulator, let registration, let name): "professional \(regulator) \(registration) \(name)"
        case .other(let name): "other \(name)"
        }
    }
}

extension Subject {
    /// Parses the command line's subject forms: `provider:ID[:NAME]` or `provider::NAME` for an
    /// unregistered provider, `location:ID:NAME`, `professional:REGULATOR:NUMBER:NAME`, `other:NAME`.
    public init(parsing text: String) throws(ModelError) {
        // Split on the first colons only: names keep any colons and spaces they contain.
        func split(_ text: Substring, _ count: Int) -> [String] {
            text.split(separator: ":", maxSplits: count - 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        let parts = split(Substring(text), 4)
        let named = split(Substring(text), 3)
        let name = named.count > 2 ? named[2] : ""
        let usage = "write provider:1-123456789:NAME, location:1-123456789:NAME, professional:NMC:12A3456B:NAME or other:NAME"
        switch parts.first?.lowercased() {
        case "provider" where parts.count >= 2:
            let id = parts[1].isEmpty ? nil : try CQCIdentifier(parsing: parts[1])
            guard id != nil || !name.isEmpty else {
                throw ModelError(.invalidValue, "a provider needs a CQC id or a name: \(usage)")
            }
            self = .provider(id: id, name: name)
        case "location" where parts.count >= 2:
            self = .location(id: try CQCIdentifier(parsing: parts[1]), name: name)
        case "professional" where parts.count == 4 && !parts[2].isEmpty && !parts[3].isEmpty:
            self = .professional(regulator: try OrganisationCode(parsing: parts[1]), registration: parts[2], name: parts[3])
        case "other" where parts.count >= 2 && !split(Substring(text), 2)[1].isEmpty:
            self = .other(name: split(Substring(text), 2)[1])
        default:
            throw ModelError(.invalidValue, "'\(text)' is not a subject: \(usage)")
        }
    }
}
