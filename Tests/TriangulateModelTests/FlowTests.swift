import Foundation
import Testing
import TriangulateModel
import TriangulateSync

/// The councils' processes as flows (issue 15): the seed's deadlines as known answers over bank
/// holidays in each nation, and properties of every flow over thousands of seeded random walks
/// through its steps — a step is taken only where allowed, a refused step names what is allowed,
/// a closed case allows nothing and runs no clock, every due day keeps its unit.
@Suite("Councils' process flows")
struct FlowTests {
    let calendar = WorkingCalendar.shipped

    static func date(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }

    /// An event of `step` on `day`, its state change from `flow`.
    static func event(_ step: String, _ day: String, from: String, to: String, answers: [String: String] = [:]) -> FlowEvent {
        FlowEvent(step: step, on: date(day), answers: answers, from: from, to: to, by: "t", at: Date(timeIntervalSince1970: 0))
    }

    func due(_ flow: FlowDefinition, _ history: [FlowEvent], _ clock: String, _ nation: Nation = .englandAndWales) -> String? {
        FlowRules.clockRuns(flow, history: history, calendar: calendar, nation: nation).last { $0.clock.id == clock }?.due.description
    }

    /// The example: a DASS agreement on Wednesday 24 December 2025 makes the provider
    /// notice due on Monday 29 December and the Stage 2 meeting on Monday 5 January 2026 in
    /// England; in Scotland 2 January is a bank holiday too, so the meeting is due on the 6th.
    @Test func organisationalSafeguardingDeadlinesOverChristmas() {
        let flow = OrganisationalSafeguarding.flow
        let agreed = [Self.event("open", "2025-12-01", from: "collating", to: "collating"),
                      Self.event("dass-agree", "2025-12-24", from: "recommended", to: "agreed")]
        #expect(due(flow, agreed, "osg.inform-provider") == "2025-12-29")
        #expect(due(flow, agreed, "osg.stage-two-meeting") == "2026-01-05")
        #expect(due(flow, agreed, "osg.stage-two-meeting", .scotland) == "2026-01-06")
        #expect(due(flow, agreed, "osg.inform-provider", .northernIreland) == "2025-12-29")
        // Stage 2 on Monday 30 March 2026: 14 working days over Easter (Good Friday 3 April,
        // Easter Monday 6 April in England; Scotland keeps Easter Monday as a working day).
        let stage2 = agreed + [Self.event("stage-two-meeting", "2026-03-30", from: "agreed", to: "enquiries")]
        #expect(due(flow, stage2, "osg.findings-meeting") == "2026-04-21")
        #expect(due(flow, stage2, "osg.findings-meeting", .scotland) == "2026-04-20")
        // The improvement plan: 48 hours (elapsed, weekends included) after the Findings meeting;
        // the contract-monitoring review three months after the plan's first submission, clamped
        // to a shorter month's end.
        let findings = stage2 + [Self.event("findings-meeting", "2026-04-24", from: "enquiries", to: "plan-due")]
        #expect(due(flow, findings, "osg.improvement-plan") == "2026-04-26")
        let plan = findings + [Self.event("receive-plan", "2026-11-30", from: "plan-due", to: "project-management")]
        #expect(due(flow, plan, "osg.contract-review") == "2027-02-28")
        #expect(due(flow, plan, "osg.first-project-meeting") == "2026-12-07")
        // Project meetings: weekly unless the meeting agreed another date; each restarts the clock.
        let weekly = plan + [Self.event("project-meeting", "2026-12-04", from: "project-management", to: "project-management")]
        #expect(due(flow, weekly, "osg.next-project-meeting") == "2026-12-11")
        let agreed2 = weekly + [Self.event("project-meeting", "2026-12-11", from: "project-management", to: "project-management",
                                           answers: ["due": "2027-01-08"])]
        #expect(due(flow, agreed2, "osg.next-project-meeting") == "2027-01-08")
        let runs = FlowRules.clockRuns(flow, history: agreed2, calendar: calendar, nation: .englandAndWales).filter { $0.clock.id == "osg.next-project-meeting" }
        #expect(runs.count == 2 && runs[0].stoppedOn == Self.date("2026-12-11") && runs[0].isMet)
        // Closure notified within 24 hours of the closing meeting.
        let closing = agreed2 + [Self.event("closing-meeting", "2027-03-05", from: "assurance", to: "closing")]
        #expect(due(flow, closing, "osg.closure-notice") == "2027-03-06")
    }

    /// Provider Concerns: Step 1's actions within five working days; the checklist completes
    /// only when every action is ticked, over several takings.
    @Test func providerConcernsStepOneOverEaster() {
        let flow = ProviderConcerns.flow
        let opened = [Self.event("initiate", "2026-04-02", from: "step-one", to: "step-one")]
        #expect(due(flow, opened, "pcp.step-one") == "2026-04-13")
        #expect(due(flow, opened, "pcp.step-one", .scotland) == "2026-04-10")
        let checklist = flow.checklists[0]
        let half = Dictionary(uniqueKeysWithValues: checklist.items.prefix(4).map { ($0, "yes") })
        let rest = Dictionary(uniqueKeysWithValues: checklist.items.dropFirst(4).map { ($0, "yes") })
        let first = Self.event("step-one-actions", "2026-04-07", from: "step-one", to: "step-one", answers: half)
        #expect(FlowRules.checklistsCompleted(by: first, flow, history: opened).isEmpty)
        let second = Self.event("step-one-actions", "2026-04-14", from: "step-one", to: "step-one", answers: rest)
        #expect(FlowRules.checklistsCompleted(by: second, flow, history: opened + [first]) == [checklist])
        let done = opened + [first, second, Self.event(checklist.completeEvent, "2026-04-14", from: "step-one", to: "step-one")]
        let run = FlowRules.clockRuns(flow, history: done, calendar: calendar, nation: .englandAndWales).first { $0.clock.id == "pcp.step-one" }
        #expect(run?.stoppedOn == Self.date("2026-04-14") && run?.isMissed(asOf: Self.date("2026-04-14")) == true)
        // Later meetings run to the date each meeting set; without one there is no clock.
        let meeting = done + [Self.event("information-meeting", "2026-04-15", from: "step-one", to: "step-two")]
        #expect(due(flow, meeting, "pcp.provider-meeting") == nil)
        let dated = done + [Self.event("information-meeting", "2026-04-15", from: "step-one", to: "step-two", answers: ["due": "2026-04-29"])]
        #expect(due(flow, dated, "pcp.provider-meeting") == "2026-04-29")
    }

    /// A step not allowed is refused naming what is allowed; immediate action never is.
    @Test func refusalsNameWhatIsAllowed() throws {
        let flow = OrganisationalSafeguarding.flow
        let state = try #require(flow.state("collating"))
        #expect(throws: ModelError.self) { try FlowRules.target(of: flow.step("dass-agree")!, flow, state: state, history: []) }
        do {
            _ = try FlowRules.target(of: flow.step("findings-meeting")!, flow, state: state, history: [])
        } catch {
            #expect(error.message.contains("allowed next: hold the multi-agency threshold meeting (threshold-meeting)"))
        }
        for flow in [OrganisationalSafeguarding.flow, ProviderConcerns.flow] {
            for state in flow.states where !state.isClosed {
                #expect(FlowRules.allowedSteps(flow, state: state, history: []).contains { $0.id == "immediate-action" }, "\(flow.id) \(state.value)")
            }
        }
        // Informing the organisation and recording why not use up each other.
        let informed = [Self.event("inform-provider", "2026-01-02", from: "agreed", to: "agreed")]
        let agreed = try #require(flow.state("agreed"))
        #expect(!FlowRules.allowedSteps(flow, state: agreed, history: informed).contains { $0.id == "notice-exception" })
    }

    /// Thousands of random walks through each flow, from random days: each step taken is one
    /// allowed; every other step is refused; a closed case allows nothing and has no open clock;
    /// every working-day clock is due on a working day exactly its count of working days on.
    @Test(arguments: [0x05E6_0001 as UInt64, 0x0C0F_FEE5, 0x15_2026])
    func randomWalks(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let nations = Nation.allCases
        for walk in 0..<1_500 {
            let flow = walk.isMultiple(of: 2) ? OrganisationalSafeguarding.flow : ProviderConcerns.flow
            let nation = nations[Int.random(in: 0..<nations.count, using: &random)]
            var day = LocalDate(year: 2024, month: 1, day: 1)!.adding(days: Int.random(in: 0..<1_200, using: &random))!
            var state = flow.initialState
            var history = [FlowEvent(step: flow.openingStep.id, on: day, answers: [:], from: state.value, to: state.value, by: "t", at: Date())]
            for _ in 0..<Int.random(in: 0..<30, using: &random) {
                let allowed = FlowRules.allowedSteps(flow, state: state, history: history)
                for step in flow.steps.dropFirst() where !allowed.contains(where: { $0.id == step.id }) {
                    #expect(throws: ModelError.self, "seed \(seed) walk \(walk): \(step.id) from \(state.value)") {
                        try FlowRules.target(of: step, flow, state: state, history: history)
                    }
                }
                guard let step = allowed.randomElement(using: &random) else {
                    #expect(state.isClosed, "seed \(seed) walk \(walk): stuck in \(state.value)")
                    break
                }
                day = day.adding(days: Int.random(in: 0..<9, using: &random))!
                let target = try FlowRules.target(of: step, flow, state: state, history: history)
                var answers: [String: String] = [:]
                for field in step.definition.fields where field.kind == .flag && Bool.random(using: &random) { answers[field.name] = "yes" }
                let event = FlowEvent(step: step.id, on: day, answers: answers, from: state.value, to: target.value, by: "t", at: Date())
                let completed = FlowRules.checklistsCompleted(by: event, flow, history: history)
                history.append(event)
                history += completed.map { FlowEvent(step: $0.completeEvent, on: day, answers: [:], from: target.value, to: target.value, by: "t", at: Date()) }
                state = target
            }
            if state.isClosed {
                #expect(FlowRules.allowedSteps(flow, state: state, history: history).isEmpty)
                #expect(FlowRules.openRuns(flow, state: state, history: history, calendar: calendar, nation: nation).isEmpty)
            }
            for run in FlowRules.clockRuns(flow, history: history, calendar: calendar, nation: nation) {
                #expect(run.due >= run.startedOn)
                if case .after(let span) = run.clock.breach, span.unit == .workingDays {
                    #expect(calendar.isWorkingDay(run.due, in: nation), "seed \(seed) walk \(walk): \(run.clock.id) due \(run.due)")
                    #expect(calendar.workingDays(after: run.startedOn, through: run.due, in: nation) == span.count)
                }
                if let stopped = run.stoppedOn { #expect(stopped >= run.startedOn) }
            }
            let report = FlowReport(flow, from: LocalDate(year: 2020, month: 1, day: 1)!, to: LocalDate(year: 2030, month: 1, day: 1)!, asOf: day,
                                    cases: [(FlowCase(id: FlowCaseID(UUID()), process: flow.id, reference: "X", title: "t", subject: "s", state: state.value,
                                                      openedOn: history[0].on, recordedBy: "t", recordedAt: Date()), history)],
                                    calendar: calendar, nation: nation)
            #expect(report.stages.map(\.open).reduce(0, +) == (state.isClosed ? 0 : 1))
        }
    }

    /// Every flow's definition is consistent: states reached, steps reachable, documents unique.
    @Test func definitionsAreConsistent() {
        for flow in [OrganisationalSafeguarding.flow, ProviderConcerns.flow] {
            let process = flow.process
            #expect(process.clocks.count == flow.clocks.count + flow.itemLists.count)
            let reachable = Set(flow.machine.transitions.map(\.to) + [flow.initialState.value])
            for state in flow.states { #expect(reachable.contains(state.value), "\(flow.id): \(state.value) is never reached") }
            for step in flow.steps.dropFirst() {
                #expect(flow.states.contains { step.isAllowed(from: $0) }, "\(flow.id): \(step.id) is never allowed")
                #expect(step.definition.fields.last?.name == "on")
            }
        }
    }
}
