import TriangulateModel

/// The Provider Concerns Process on a node: its flow, and the meetings it holds.
enum ProviderConcernsProcess: FlowProcess {
    static let flow = ProviderConcerns.flow
    static let meetingKinds = ProviderConcerns.meetingKinds
}
