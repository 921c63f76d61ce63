/// The rules every flow follows, pure: which steps are allowed on a case now, the state a step
/// leads to (or why it is refused, with what is allowed instead), a checklist's progress, and
/// each clock's runs from the case's history.
public enum FlowRules {
    /// The steps allowed on a case in `state` with `history`, in the flow's order: those whose
    /// `from` admits the state, less a once-only step already taken. The opening step never is.
    public static func allowedSteps(_ flow: FlowDefinition, state: FlowState, history: [FlowEvent]) -> [FlowStep] {
        let taken = Set(history.map(\.step))
        return flow.steps.dropFirst().filter { step in
            step.isAllowed(from: state) && !(step.once && !taken.isDisjoint(with: [step.id] + step.onceWith))
        }
    }

    /// The state `step` leads to from `state`; throws `invalidTransition` naming the steps
    /// allowed instead.
    public static func target(of step: FlowStep, _ flow: FlowDefinition, state: FlowState, history: [FlowEvent]) throws(ModelError) -> FlowState {
        let allowed = allowedSteps(flow, state: state, history: history)
        guard allowed.contains(where: { $0.id == step.id }) else {
            let again = step.once && history.contains { ([step.id] + step.onceWith).contains($0.step) } ? " (it is taken once, and was)" : ""
            let next = allowed.isEmpty ? "nothing: the case is \(state.label)" : allowed.map { "\($0.definition.title.lowercased()) (\($0.id))" }.joined(separator: "; ")
            throw ModelError(.invalidTransition, "cannot \(step.definition.title.lowercased())\(again) while the case is \(state.label); allowed next: \(next)")
        }
        return step.to.flatMap(flow.state) ?? state
    }

    /// The items of `checklist` ticked so far, and those still to do, in its order.
    public static func progress(of checklist: FlowChecklist, history: [FlowEvent]) -> (done: [String], missing: [String]) {
        let ticked = Set(history.filter { $0.step == checklist.step }.flatMap { event in checklist.items.filter { event.answers[$0] == "yes" } })
        return (checklist.items.filter(ticked.contains), checklist.items.filter { !ticked.contains($0) })
    }

    /// The checklists `event` completes: every item ticked with it, and not before it.
    public static func checklistsCompleted(by event: FlowEvent, _ flow: FlowDefinition, history: [FlowEvent]) -> [FlowChecklist] {
        flow.checklists.filter { checklist in
            checklist.step == event.step && !progress(of: checklist, history: history).missing.isEmpty
                && progress(of: checklist, history: history + [event]).missing.isEmpty
        }
    }

    /// Every run of every clock in `history`: each event that starts a clock starts a run, which
    /// the first later event that stops it stops. Working days count in the clock's nation, else
    /// `nation`; a run whose due day lies past the calendar is left out.
    public static func clockRuns(_ flow: FlowDefinition, history: [FlowEvent], calendar: WorkingCalendar, nation: Nation) -> [FlowClockRun] {
        flow.clocks.flatMap { clock in
            history.indices.filter { history[$0].step == clock.starts }.compactMap { index -> FlowClockRun? in
                let start = history[index]
                let recorded = start.answers["due"].flatMap { try? LocalDate(parsing: $0) }
                guard let due = recorded ?? clock.due(startedOn: start.on, calendar: calendar, nation: nation) else { return nil }
                let stop = history[(index + 1)...].first { clock.stops.contains($0.step) }
                return FlowClockRun(clock: clock, startedOn: start.on, due: due,
                                    amberFrom: recorded == nil ? clock.amberFrom(startedOn: start.on, calendar: calendar, nation: nation) : nil,
                                    stoppedOn: stop?.on)
            }
        }
    }

    /// The runs still open on a case in `state`: none once it is closed; of each clock, only
    /// its latest run.
    public static func openRuns(_ flow: FlowDefinition, state: FlowState, history: [FlowEvent], calendar: WorkingCalendar,
                                nation: Nation) -> [FlowClockRun] {
        guard !state.isClosed else { return [] }
        let runs = clockRuns(flow, history: history, calendar: calendar, nation: nation)
        return flow.clocks.compactMap { clock in runs.last { $0.clock.id == clock.id } }.filter { $0.stoppedOn == nil }
    }
}
