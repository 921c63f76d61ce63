import TriangulateModel

/// CQC's registration condition notices to the Ombudsman, on a node.
enum RegistrationConditionNoticesProcess: FlowProcess {
    static let flow = RegistrationConditionNotices.flow
}
