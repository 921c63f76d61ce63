/// An editable agenda template for panels. The official Annex F ("Template Agenda for a
/// Regulatory Review Panel") was not available when this was written, so the node ships a
/// clearly labelled local template that an organisation replaces with the official text.
public struct AgendaTemplate: Hashable, Codable, Sendable {
    /// Where the template comes from; shown on every agenda built from it.
    public var label: String
    /// The agenda items, in order.
    public var items: [String]

    /// Makes a template.
    public init(label: String, items: [String]) {
        self.label = label
        self.items = items
    }

    /// The template a new node starts with.
    public static let localDefault = AgendaTemplate(
        label: "Local template — not the official ECP Annex F; replace it with `triangulate template set`",
        items: [
            "Welcome, introductions and roles",
            "Confidentiality and need-to-know reminder: personal information only for those who need to know",
            "Declarations of interest",
            "Summary of the concern (convening organisation)",
            "Information from each organisation",
            "Risk assessment",
            "Options and decisions, including no further action",
            "Actions: owner organisation and due date",
            "Communications",
            "Date of next panel, and the record for the Forum secretariat",
        ]
    )
}
