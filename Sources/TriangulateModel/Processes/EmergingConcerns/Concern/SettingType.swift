/// Where the concern arose: the broad settings of the protocol, including the learning
/// environments added in 2021, and the provider types of the neighbouring procedures.
public enum SettingType: String, Choice {
    case health
    case socialCare = "social-care"
    case learningEnvironment = "learning-environment"
    case domiciliaryCare = "domiciliary-care"
    case residentialCareHome = "residential-care-home"
    case nursingHome = "nursing-home"
    case supportedLiving = "supported-living"
    case privateHospital = "private-hospital"
    case dayCare = "day-care"
    case rehabilitationUnit = "rehabilitation-unit"
    case voluntaryAgency = "voluntary-agency"
    case other

    public static let choiceName = "setting"
}
