import Foundation

/// Each organisation's allowance for matching, kept in memory by each hub process: so many
/// publications an hour, and so many tokens a day it did not hold before — more is a scan of
/// subjects. A refused publication changes nothing here.
final class MatchAllowance: @unchecked Sendable {
    private let lock = NSLock()
    private var publications: [String: [Date]] = [:]
    private var added: [String: [(at: Date, count: Int)]] = [:]

    /// Why a publication is refused, when it is.
    enum Refusal: Equatable {
        case tooManyPublications(Int)
        case scan(Int)
    }

    /// Takes a publication adding `newTokens` tokens from `organisation`'s allowance under
    /// `settings`, or says why it may not.
    func admit(_ organisation: String, newTokens: Int, settings: MatchSettings, at now: Date) -> Refusal? {
        lock.withLock {
            let hourAgo = now.addingTimeInterval(-3_600), dayAgo = now.addingTimeInterval(-86_400)
            let recent = (publications[organisation] ?? []).filter { $0 > hourAgo }
            let added = (self.added[organisation] ?? []).filter { $0.at > dayAgo }
            publications[organisation] = recent
            self.added[organisation] = added
            guard recent.count < settings.publicationsPerHour else { return .tooManyPublications(settings.publicationsPerHour) }
            guard added.reduce(0, { $0 + $1.count }) + newTokens <= settings.newTokensPerDay else { return .scan(settings.newTokensPerDay) }
            publications[organisation, default: []].append(now)
            if newTokens > 0 { self.added[organisation, default: []].append((now, newTokens)) }
            return nil
        }
    }
}
