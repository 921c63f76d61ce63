import Foundation
import TriangulateProtocol
import TriangulateWeb

/// Log entries as the console shows them: ids, codes and times, never content.
struct ConsoleEntryRows {
    /// "1 entry", "12 entries".
    static func count(_ size: UInt64) -> String { size == 1 ? "1 entry" : "\(size) entries" }

    struct Row {
        let index: UInt64
        let at: String
        let event: String
        let actor: String
        let subject: String
        let share: String
        let proof: String
        let colour: String
    }

    static func rows(_ entries: [ConsoleAudit.CheckedEntry]) -> [Row] {
        let formatter = ISO8601DateFormatter()
        return entries.map { checked in
            Row(index: checked.index, at: formatter.string(from: checked.entry.at), event: checked.entry.event, actor: checked.entry.actor,
                subject: checked.entry.subject ?? "", share: checked.entry.share ?? "",
                proof: checked.included ? "Included: proof checks" : "Proof does not check", colour: checked.included ? "green" : "red")
        }
    }
}

/// The overview page's content.
struct ConsoleOverviewPage {
    struct Organisation {
        let code: String
        let name: String
        let role: String
        let status: String
        let colour: String
        let added: String
    }

    struct Checkpoint {
        let size: UInt64
        let root: String
        let signed: String
        let signedColour: String
        let consistent: String
        let consistentColour: String
    }

    struct Refusal {
        let code: String
        let count: Int
    }

    let organisations: [Organisation]
    let sizeText: String
    let root: String
    let signed: Bool
    let checkpoints: [Checkpoint]
    let refusals: [Refusal]
    let hasRefusals: Bool
    let entries: [ConsoleEntryRows.Row]
    let hasEntries: Bool
}

/// The audit explorer's content.
struct ConsoleAuditPage {
    let sizeText: String
    let document: String
    let organisation: String
    let fromField: DateField
    let toField: DateField
    let searched: Bool
    let summary: String
    let entries: [ConsoleEntryRows.Row]
    let hasEntries: Bool
}
