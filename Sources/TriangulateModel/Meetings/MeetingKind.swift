/// A kind of meeting a process holds: its name, its agenda template (editable per node), and
/// whether each invited organisation submits an information-sharing template before it.
public struct MeetingKind: Hashable, Sendable {
    /// Its id, e.g. `osg-findings`.
    public let id: String
    /// Its name for people, e.g. "Findings meeting".
    public let title: String
    /// The agenda a new meeting of the kind starts with.
    public let agenda: [String]
    /// Whether invitees submit a template before it (seed 003 §32).
    public let takesTemplates: Bool

    /// Declares a kind.
    public init(_ id: String, _ title: String, takesTemplates: Bool = false, agenda: [String]) {
        self.id = id
        self.title = title
        self.agenda = agenda
        self.takesTemplates = takesTemplates
    }
}
