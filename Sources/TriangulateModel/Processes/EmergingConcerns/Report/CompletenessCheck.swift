/// The protocol's minimum-data check for one concern: "the minimum information expected to be
/// stored: dates; providers, professionals, others involved; partners contacted; actions agreed
/// and taken; decisions to call / not call RRP" (ECP §6). Only what the concern's stage calls
/// for is checked: a concern that was not triggered needs no panel decision.
public struct CompletenessCheck: Hashable, Codable, Sendable {
    /// The concern's reference.
    public var reference: String
    /// Where the concern is.
    public var state: ConcernLifecycle.State
    /// What is missing, in words; empty when the record is complete.
    public var missing: [Gap]

    /// Whether nothing is missing.
    public var isComplete: Bool { missing.isEmpty }

    /// One piece of minimum data that is missing.
    public struct Gap: Hashable, Codable, Sendable {
        /// Which of the protocol's minimum-data items.
        public var item: Item
        /// What is missing and what to record.
        public var detail: String
    }

    /// The protocol's minimum-data items.
    public enum Item: String, Hashable, Codable, Sendable, CaseIterable {
        case dates, subjects, partnersContacted, actionsAgreed, actionsTaken, panelDecision
    }

    /// Checks one concern.
    public init(_ dossier: ConcernDossier) {
        self.reference = dossier.concern.reference
        self.state = dossier.concern.state
        var gaps: [Gap] = []
        let triggered = dossier.triggeringEvaluation != nil
        if dossier.latestDecision == nil {
            gaps.append(Gap(item: .dates, detail: "no dated decision to trigger or not trigger the protocol (concern evaluate --decision)"))
        }
        if dossier.panelDecisions.last?.callPanel == true,
           !dossier.panels.contains(where: { $0.meetsOn != nil || $0.state == .cancelled }) {
            gaps.append(Gap(item: .dates, detail: "a panel was called but no meeting date is recorded (panel convene)"))
        }
        if dossier.concern.subjects.isEmpty {
            gaps.append(Gap(item: .subjects, detail: "no provider, professional or other person involved is recorded (concern subject)"))
        }
        if triggered {
            if dossier.contacts.isEmpty && dossier.requests.isEmpty {
                gaps.append(Gap(item: .partnersContacted, detail: "the protocol was triggered but no partner contact is recorded (contact)"))
            }
            if dossier.panelDecisions.isEmpty {
                gaps.append(Gap(item: .panelDecision, detail: "no decision to call or not call a panel (panel decide)"))
            }
            let pastOutcome = dossier.outcome != nil
            if pastOutcome, dossier.actions.isEmpty, dossier.outcome?.type != .noFurtherAction {
                gaps.append(Gap(item: .actionsAgreed, detail: "an outcome other than no further action is recorded but no action was agreed (action add)"))
            }
            let open = dossier.actions.filter(\.state.isOpen).count
            if pastOutcome, open > 0 {
                gaps.append(Gap(item: .actionsTaken, detail: "\(open) agreed action(s) have no record of being taken (action done|not-done)"))
            }
        }
        self.missing = gaps
    }
}
