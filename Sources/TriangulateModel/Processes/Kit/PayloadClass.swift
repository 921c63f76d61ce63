/// How much an exchange of information reveals about people, from least to most.
/// "Mostly there should not be a need to share personal data about individuals" (ECP §7), so
/// `metadata` is the default.
public enum PayloadClass: String, Choice, Comparable {
    case metadata, anonymised, pseudonymised, identifiable

    public static let choiceName = "payload class"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .metadata: 0
        case .anonymised: 1
        case .pseudonymised: 2
        case .identifiable: 3
        }
    }
}
