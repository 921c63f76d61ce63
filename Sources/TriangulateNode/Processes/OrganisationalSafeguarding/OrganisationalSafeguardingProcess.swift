import TriangulateModel

/// Organisational safeguarding on a node: its flow, and the meetings it holds.
enum OrganisationalSafeguardingProcess: FlowProcess {
    static let flow = OrganisationalSafeguarding.flow
    static let meetingKinds = OrganisationalSafeguarding.meetingKinds
}
