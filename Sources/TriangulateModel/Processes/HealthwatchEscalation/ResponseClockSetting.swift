/// How long a Healthwatch expects to wait for a response at a stage. Seed 004 says "within
/// 20-30 days" without a unit, and to "consider what is a reasonable period to expect a
/// response for each stage": so each stage has its own warning and breach points, each with
/// its unit, by default amber from 20 and breached after 30 calendar days.
public struct ResponseClockSetting: Hashable, Codable, Sendable {
    /// The stage it applies to.
    public let stage: EscalationStage
    /// When the stage's clock turns amber, counted from the day it was raised.
    public let warning: ClockSpan
    /// When its response is overdue.
    public let breach: ClockSpan

    /// The default for `stage`: 20 and 30 calendar days.
    public static func standard(_ stage: EscalationStage) -> Self {
        Self(stage: stage, warning: ClockSpan(20, .calendarDays)!, breach: ClockSpan(30, .calendarDays)!)
    }

    /// Makes a setting, refusing a warning that does not come before the breach in the same unit.
    public init(stage: EscalationStage, warning: ClockSpan, breach: ClockSpan) {
        self.stage = stage
        self.warning = warning
        self.breach = breach
    }

    /// Checks the warning comes before the breach, in the same unit.
    public func check() throws(ModelError) {
        guard warning.unit == breach.unit else {
            throw ModelError(.invalidValue, "give the warning and the breach in the same unit (\(warning) and \(breach) mix units)")
        }
        guard warning.count < breach.count else {
            throw ModelError(.invalidValue, "the warning (\(warning)) must come before the breach (\(breach))")
        }
    }

    /// The stage's response clock with this setting.
    public var clock: ClockDefinition {
        ClockDefinition(id: "hwe.response.\(stage.rawValue)", process: "hwe", what: "response from \(stage.label)", starts: "raise",
                        stops: ["record-response", "close"], pausedIn: ["on-hold"], warning: .after(warning), breach: .after(breach))
    }
}
