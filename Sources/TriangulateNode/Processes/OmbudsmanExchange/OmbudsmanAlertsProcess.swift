import TriangulateModel

/// Ombudsman alerts on a node: LGSCO's cases, CQC's replies.
enum OmbudsmanAlertsProcess: FlowProcess {
    static let flow = OmbudsmanAlerts.flow
}
