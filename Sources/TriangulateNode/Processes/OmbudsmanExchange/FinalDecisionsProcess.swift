import TriangulateModel

/// Final decisions sent to CQC under embargo, on a node.
enum FinalDecisionsProcess: FlowProcess {
    static let flow = FinalDecisions.flow
}
