import TriangulateModel

/// CQC's investigation notices to the Ombudsman, on a node.
enum InvestigationNoticesProcess: FlowProcess {
    static let flow = InvestigationNotices.flow
}
