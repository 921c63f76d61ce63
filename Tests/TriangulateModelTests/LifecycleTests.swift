import Testing
import TriangulateModel

/// Every state machine of DOMAIN.md §1.3.1–1.3.6, checked pair by pair: each (state, event)
/// either leads where the expected table says or is refused with a message naming what is
/// allowed next.
@Suite("Lifecycles")
struct LifecycleTests {
    /// Walks every (state, event) pair of `machine` and compares the allowed ones with `expected`,
    /// written as "state -event-> target".
    static func check<Machine: Lifecycle>(_ machine: Machine.Type, _ expected: Set<String>) {
        var allowed = Set<String>()
        for state in Machine.State.allCases {
            for event in Machine.Event.allCases {
                do {
                    let next = try Machine.apply(event, to: state)
                    allowed.insert("\(state.rawValue) -\(event.rawValue)-> \(next.rawValue)")
                } catch {
                    #expect(error.code == .invalidTransition)
                    #expect(error.message.contains("allowed next:"), "\(error.message)")
                    let steps = Machine.allowedEvents(from: state).map(\.step)
                    for step in steps { #expect(error.message.contains(step)) }
                    if steps.isEmpty { #expect(error.message.contains("nothing: it is final")) }
                }
            }
        }
        #expect(allowed == expected, "unexpected: \(allowed.subtracting(expected)); missing: \(expected.subtracting(allowed))")
    }

    @Test func concern() {
        Self.check(ConcernLifecycle.self, [
            "draft -startEvaluation-> underEvaluation",
            "underEvaluation -trigger-> triggered",
            "underEvaluation -notTrigger-> notTriggered",
            "triggered -considerPartners-> consideringPartners",
            "consideringPartners -notTrigger-> notTriggered",
            "consideringPartners -exchangeInformation-> sharing",
            "consideringPartners -callPanel-> panelCalled",
            "consideringPartners -notCallPanel-> panelNotCalled",
            "sharing -exchangeInformation-> sharing",
            "sharing -callPanel-> panelCalled",
            "sharing -notCallPanel-> panelNotCalled",
            "panelCalled -recordOutcome-> outcomeRecorded",
            "panelNotCalled -recordOutcome-> outcomeRecorded",
            "outcomeRecorded -shareOutcome-> outcomeShared",
            "outcomeShared -reviewLearning-> learningReviewed",
            "learningReviewed -close-> closed",
            "notTriggered -close-> closed",
            "closed -reopen-> reopened",
            "reopened -startEvaluation-> underEvaluation",
        ])
    }

    @Test func evaluationDecision() {
        Self.check(EvaluationLifecycle.self, [
            "pending -decideTrigger-> trigger",
            "pending -decideNotTrigger-> notTrigger",
        ])
    }

    @Test func informationRequest() {
        Self.check(RequestLifecycle.self, [
            "drafted -send-> sent", "drafted -withdraw-> withdrawn",
            "sent -acknowledge-> acknowledged", "sent -answer-> answered", "sent -answerPartially-> partiallyAnswered",
            "sent -decline-> declined", "sent -withdraw-> withdrawn",
            "acknowledged -answer-> answered", "acknowledged -answerPartially-> partiallyAnswered",
            "acknowledged -decline-> declined", "acknowledged -withdraw-> withdrawn",
            "partiallyAnswered -answer-> answered",
        ])
    }

    @Test func panel() {
        Self.check(PanelLifecycle.self, [
            "proposed -schedule-> scheduled", "proposed -cancel-> cancelled",
            "scheduled -schedule-> scheduled", "scheduled -hold-> held", "scheduled -cancel-> cancelled",
            "held -hold-> held", "held -draftMinutes-> minutesDraft",
            "minutesDraft -draftMinutes-> minutesDraft", "minutesDraft -agreeMinutes-> minutesAgreed",
            "minutesAgreed -distributeRecord-> recordDistributed",
            "recordDistributed -distributeRecord-> recordDistributed", "recordDistributed -close-> closed",
        ])
    }

    @Test func action() {
        Self.check(ActionLifecycle.self, [
            "agreed -start-> inProgress", "agreed -complete-> done", "agreed -abandon-> notDone",
            "agreed -supersede-> superseded",
            "inProgress -complete-> done", "inProgress -abandon-> notDone", "inProgress -supersede-> superseded",
        ])
    }

    @Test func refusalSaysWhatIsAllowedNext() throws {
        let error = #expect(throws: ModelError.self) { try ConcernLifecycle.apply(.recordOutcome, to: .draft) }
        #expect(error?.message == "cannot record the outcome while the concern is a draft; allowed next: start evaluating the concern and its source (concern evaluate)")
    }
}
