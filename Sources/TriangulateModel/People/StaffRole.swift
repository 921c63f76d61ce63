/// What a member of the organisation's staff may do on its node. A closed set: every check of
/// who may do what asks `allows(_:)`, never compares role names.
public enum StaffRole: String, CaseIterable, Codable, Sendable {
    /// Reads cases, the worklist and reports; changes nothing.
    case viewer
    /// Records concerns and takes them through their processes.
    case caseworker
    /// A caseworker who also approves identifiable shares and corrects records.
    case approver
    /// An approver who also manages the node's people and settings.
    case admin

    /// Whether this role may do `permission`.
    public func allows(_ permission: StaffPermission) -> Bool {
        switch permission {
        case .read: true
        case .record: self != .viewer
        case .approveIdentifiableShare, .correct: self == .approver || self == .admin
        case .administer: self == .admin
        }
    }

    /// The role in words, for a page or a table.
    public var label: String {
        switch self {
        case .viewer: "viewer (reads only)"
        case .caseworker: "caseworker"
        case .approver: "approver (approves identifiable shares, corrects records)"
        case .admin: "administrator"
        }
    }
}

/// Something a person may or may not do on the node.
public enum StaffPermission: String, CaseIterable, Sendable {
    /// Read cases, the worklist, what was shared and the reports.
    case read
    /// Record concerns and take steps.
    case record
    /// Approve a share that carries personal data.
    case approveIdentifiableShare
    /// Correct a recorded field or date (UK GDPR Art 16).
    case correct
    /// Add, disable and reset people; change the node's settings.
    case administer
}
