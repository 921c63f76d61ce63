import ArgumentParser
import Foundation
import TriangulateHub

/// `triangulate-hub match`: what matching did, in counts — the hub holds no subject to say more.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "Count the matches, alerts and answers of a period, without learning any subject.",
        subcommands: [Stats.self])

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How many matches and alerts the hub raised, and answers it recorded, in a period, by kind of subject.")
        @OptionGroup var options: HubOptions
        @Option(help: ArgumentHelp("From this day (YYYY-MM-DD), inclusive (default: the beginning).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("To this day (YYYY-MM-DD), exclusive (default: now).", valueName: "date")) var to: String?

        func run() async throws {
            do {
                let start = try OperatorDay.parse(from) ?? Date(timeIntervalSince1970: 0)
                let end = try OperatorDay.parse(to) ?? Date()
                guard start <= end else { throw HubError(.invalidRequest, "the period ends before it starts: swap --from and --to") }
                let stats = try await options.openStore().matchStatistics(from: start, to: end)
                func line(_ label: String, _ counts: [String: Int]) -> String {
                    "\(label): \(counts.values.reduce(0, +))" + (counts.isEmpty ? "" : " (" + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
                }
                emit(stats, text: [line("Matches", stats.matches), line("Alerts", stats.alerts), line("Answers", stats.answers),
                                   "Tokens held now: \(stats.tokensHeld), from \(stats.publishers) organisations"].joined(separator: "\n"),
                     json: options.json)
            } catch {
                throw fail(error)
            }
        }
    }
}
