import Foundation
import Prometheus
import TriangulateProtocol

/// The hub's metrics, in Prometheus's text format at `/metrics`: requests by route and status
/// and their durations, items accepted by kind, refusals by code, deliveries, inbox pages, and
/// the audit log's size. Counts only: no organisation's content, no document ids.
public final class HubMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let auditSize: Gauge

    /// Buckets for request durations: from a millisecond to a long poll's 30 seconds.
    static let durationBuckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                                              .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                              .seconds(5), .seconds(30)]

    /// The full name of one of the hub's metrics: `triangulate_hub_<metric>_<unit>`.
    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "triangulate", subsystem: "hub", metricName: metric, unitName: unit, helpText: help)
    }

    /// Makes an empty set of metrics.
    public init() {
        auditSize = registry.makeGauge(descriptor: Self.name("audit", "entries", "Entries in the audit log, as of the last scrape."))
    }

    /// A request answered: its route (the path's template, never its query), status and time.
    public func request(route: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.name("requests", "total", "HTTP requests answered, by route and status."),
                             labels: [("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.name("request_duration", "seconds", "Time to answer a request, by route."),
                                       labels: [("route", route)], buckets: Self.durationBuckets).record(duration)
    }

    /// A push's outcome: items accepted by kind, refusals by code.
    public func push(_ request: PushRequest, answer: PushResponse) {
        let refusedKinds = Dictionary(grouping: answer.refused, by: \.kind).mapValues(\.count)
        for (kind, count) in [("share", request.shares.count), ("batch", request.batches.count), ("withdrawal", request.withdrawals.count),
                              ("purge", request.purges.count)] where count > 0 {
            let accepted = count - (refusedKinds[kind] ?? 0)
            if accepted > 0 {
                registry.makeCounter(descriptor: Self.name("items_accepted", "total", "Pushed items accepted, by kind."), labels: [("kind", kind)])
                    .increment(by: Int64(accepted))
            }
        }
        for refusal in answer.refused { refused(code: refusal.code) }
    }

    /// An item refused, by its code (`RefusalCode`), or a whole request refused.
    public func refused(code: String) {
        registry.makeCounter(descriptor: Self.name("refusals", "total", "Items and requests refused, by code."), labels: [("code", code)]).increment()
    }

    /// An inbox page served with `count` messages.
    public func inbox(delivered count: Int) {
        registry.makeCounter(descriptor: Self.name("inbox_pages", "total", "Inbox pages served.")).increment()
        if count > 0 {
            registry.makeCounter(descriptor: Self.name("messages_delivered", "total", "Messages handed to their recipients (repeats included)."))
                .increment(by: Int64(count))
        }
    }

    /// The metrics in Prometheus's text format, with the audit log's size as of now.
    public func exposition(auditSize size: UInt64?) -> [UInt8] {
        if let size { auditSize.set(Double(size)) }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
