import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate correct`: corrects a value recorded in error (UK GDPR Art 16), with a reason.
struct CorrectCommand: NodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct a value of a case recorded in error, with the reason; or list the values that can be corrected.",
        discussion: """
            Without --field, lists the case's correctable values and their keys. The old value, the new \
            value, who and why are kept; a shared value reaches every recipient at the next sync. Dates \
            are checked: none in the future, none out of order with the steps around them. Needs an \
            approver or an administrator.
            """)
    static var permission: StaffPermission { .correct }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case's reference, e.g. ECP-2026-0001.") var reference: String
    @Option(help: ArgumentHelp("The value's key, from the list.", valueName: "key")) var field: String?
    @Option(help: ArgumentHelp("The corrected value.", valueName: "value")) var to: String?
    @Option(help: ArgumentHelp("Why it is corrected.", valueName: "text")) var reason: String?

    func execute(_ store: NodeStore) throws -> Rendered {
        let summary = try store.caseSummary(reference)
        guard let field else {
            struct Listed: Encodable { let key: String; let label: String; let value: String }
            let fields = try store.correctableFields(on: summary.id)
            var table = TextTable("KEY", "VALUE", "NOW")
            for field in fields { table.add(field.key, field.label, field.value) }
            return Rendered(json: fields.map { Listed(key: $0.key, label: $0.label, value: $0.value) }, text: table.rendered)
        }
        guard let to else { throw NodeError(.invalidInput, "give the corrected value with --to") }
        let correction = try store.correct(field, on: summary.id, to: to, reason: reason ?? "", by: global.userName)
        return Rendered(json: correction, text: "Corrected \(correction.label) of \(summary.reference): \(correction.oldValue) → \(correction.newValue)")
    }
}
