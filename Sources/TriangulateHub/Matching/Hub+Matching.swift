import Foundation
import Logging
import TriangulateModel
import TriangulateProtocol

/// Matching without pooling (Protocol/matching.md): organisations publish keyed tokens of the
/// subjects of their open cases, the hub — holding no key — matches equal tokens, and alerts
/// each organisation of a group of at least the quorum, naming only its own token and how many
/// others match. Who the others are is revealed only between organisations that agree.
extension Hub {
    /// The window the hub's clock is in.
    public var currentMatchWindow: Int { MatchWindow.index(of: LondonMoment(now()).date, days: matching.windowDays) }

    /// `organisation`'s alerts and the hub's settings; with `wait`, first waits up to that long
    /// for something new for the organisation (a long poll).
    public func matchAlerts(for organisation: String, wait: Duration = .zero) async throws -> MatchAlertsPage {
        if wait > .zero {
            let generation = signal.generation(of: organisation)
            await signal.wait(for: organisation, after: generation, until: ContinuousClock.now + wait)
        }
        return MatchAlertsPage(quorum: matching.quorum, windowDays: matching.windowDays, currentWindow: currentMatchWindow,
                               published: try await store.matchTokens(of: organisation).count, alerts: try await store.matchAlerts(for: organisation))
    }

    /// Takes `organisation`'s tokens in place of those it held, matches them, and wakes the
    /// organisations whose alerts changed. A publication the policy refuses, or that passes the
    /// organisation's allowance, is refused and logged, and changes nothing.
    public func publish(_ publication: MatchPublication, from organisation: String) async throws -> MatchAlertsPage {
        let at = now()
        do {
            try MatchPolicy.validate(publication, settings: matching, currentWindow: currentMatchWindow)
            let held = Set(try await store.matchTokens(of: organisation).map { TokenMatcher.Key(window: $0.window, value: $0.value) })
            let added = publication.tokens.filter { !held.contains(TokenMatcher.Key(window: $0.window, value: $0.value)) }.count
            switch matchAllowance.admit(organisation, newTokens: added, settings: matching, at: at) {
            case .tooManyPublications(let limit)?:
                throw HubError(.tooManyRequests, "\(organisation) has published tokens \(limit) times in the last hour: publish when its cases change, and try again later")
            case .scan(let limit)?:
                throw HubError(.tooManyRequests, "\(organisation) would publish more than \(limit) new tokens in a day: refused as a scan of subjects; tell the hub operator if your caseload really grew")
            case nil: break
            }
        } catch let error as HubError {
            try await store.recordRefusals([Refusal(kind: "match", share: "", code: error.code == .tooManyRequests ? .rateLimited : error.refusal,
                                                    reason: error.message)], unexamined: 0, by: organisation, at: at)
            metrics.refused(code: "match")
            logger.warning("match publication refused", metadata: ["hub.organisation": "\(organisation)", "hub.tokens": "\(publication.tokens.count)",
                                                                    "hub.code": "\(error.code)"])
            throw error
        }
        let concerned = try await store.publishTokens(publication.tokens, by: organisation, quorum: matching.quorum, at: at)
        logger.info("match publication", metadata: ["hub.organisation": "\(organisation)", "hub.tokens": "\(publication.tokens.count)",
                                                    "hub.alerted": "\(concerned.count)"])
        if !concerned.isEmpty { signal.fire(for: concerned) }
        return try await matchAlerts(for: organisation)
    }

    /// Records `organisation`'s answer to one of its alerts and wakes the organisations of the match.
    public func answer(_ request: MatchConsentRequest, from organisation: String) async throws -> MatchAlertsPage {
        let concerned = try await store.answerMatchAlert(request.alert, request.consent, by: organisation, at: now())
        logger.info("match answer", metadata: ["hub.organisation": "\(organisation)", "hub.consent": "\(request.consent.rawValue)"])
        let others = concerned.subtracting([organisation])
        if !others.isEmpty { signal.fire(for: others) }
        return try await matchAlerts(for: organisation)
    }

    /// How many matches, alerts and answers the period saw — without a subject.
    public func matchStatistics(from: Date, to: Date) async throws -> MatchStatistics {
        guard from <= to else { throw HubError(.invalidRequest, "the period ends before it starts: swap --from and --to") }
        return try await store.matchStatistics(from: from, to: to)
    }
}
