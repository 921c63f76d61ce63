import Foundation

/// What a match token stands for: a provider, location or brand (CQC's identifiers) or a
/// professional (register and number). Two organisations that name the same subject write the
/// same canonical text, so they derive the same token (Protocol/matching.md).
public enum MatchSubject: Hashable, Sendable {
    case provider(String)
    case location(String)
    case brand(String)
    case professional(register: String, number: String)

    /// Its kind, which travels with its token.
    public var kind: MatchKind {
        switch self {
        case .provider: .provider
        case .location: .location
        case .brand: .brand
        case .professional: .professional
        }
    }

    /// The text its token is derived from: upper case, no white space, the register and number
    /// of a professional joined by `|`.
    public var canonical: String {
        func clean(_ text: String) -> String { String(text.uppercased().filter { !$0.isWhitespace }) }
        switch self {
        case .provider(let id), .location(let id), .brand(let id): return clean(id)
        case .professional(let register, let number): return clean(register) + "|" + clean(number)
        }
    }

    /// The subject as people read it, for the node that holds it (never sent).
    public var description: String {
        switch self {
        case .provider(let id): "provider \(id)"
        case .location(let id): "location \(id)"
        case .brand(let id): "brand \(id)"
        case .professional: "\(canonical.replacingOccurrences(of: "|", with: " registrant "))"
        }
    }
}

/// The kinds of subject a token may stand for.
public enum MatchKind: String, Codable, Hashable, Sendable, CaseIterable {
    case provider, location, brand, professional
}
