/// The three categories of concern the protocol covers (ECP §4.1).
public enum ConcernCategory: String, Choice {
    /// "concerns about individual or groups of professionals".
    case professionals
    /// "concerns about healthcare systems and the healthcare environment (including the learning
    /// environments of professionals)".
    case systems
    /// "concerns that might have an impact on trust and confidence in professionals or the
    /// professions overall".
    case trust

    public static let choiceName = "category"

    /// The protocol's own words for the category.
    public var protocolWording: String {
        switch self {
        case .professionals: "Concerns about individual or groups of professionals"
        case .systems: "Concerns about healthcare systems and the healthcare environment (including learning environments)"
        case .trust: "Concerns that might affect trust and confidence in professionals or the professions"
        }
    }
}
