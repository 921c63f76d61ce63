import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate calendar`: UK working days and deadlines.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "UK bank holidays and deadlines: when is N working days, calendar days, hours or months after a date.",
        discussion: """
            Working days are Monday to Friday less the bank holidays of the nation (england-and-wales, \
            scotland, northern-ireland). Bank holidays come from GOV.UK's data (shipped for 2018–2027; \
            `calendar import` takes a newer bank-holidays.json) and, past its last year, from the \
            regular rules: such a deadline is marked provisional. Times are London's (GMT or BST). \
            Works without a store; with one, uses the data imported into it.
            """,
        subcommands: [Due.self, Show.self, Import.self, NationCommand.self])

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print when a span of time after a date (or date and time) ends (--json: field \"due\").",
            discussion: """
                N working days after D is the N-th working day strictly after D. Hours are elapsed \
                time, across clock changes. Months keep the day, clamped to a shorter month's end \
                (2025-11-30 + 3 months is 2026-02-28).
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The start: YYYY-MM-DD, or YYYY-MM-DDTHH:MM in London time.", valueName: "date")) var from: String
        @Option(help: ArgumentHelp("The span: \"5 working days\", \"10 calendar days\", \"48 hours\" or \"3 months\".", valueName: "span"))
        var add: String
        @Option(help: ArgumentHelp("england-and-wales, scotland or northern-ireland (default: the node's, see `calendar nation`).", valueName: "nation")) var nation: String?

        func run() throws {
            do {
                let deadline = try calendar(global).deadline(from: try LondonMoment(parsing: from), adding: try ClockSpan(parsing: add),
                                                              in: try defaultNation(nation, global))
                let text = "\(deadline.due)\(deadline.provisional ? " (provisional: a bank holiday may yet be announced)" : "")"
                Rendered(json: deadline, text: text).print(json: global.json)
            } catch {
                throw Failure.report(error)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a year's bank holidays in a nation.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("england-and-wales, scotland or northern-ireland (default: the node's, see `calendar nation`).", valueName: "nation")) var nation: String?
        @Option(help: "The year (default: this year).") var year: Int?

        struct Listing: Encodable {
            let nation: Nation
            let year: Int
            let provisional: Bool
            let calendarVersion: String
            let holidays: [BankHoliday]
        }

        func run() throws {
            do {
                let nation = try defaultNation(nation, global)
                let year = year ?? LondonMoment(Date()).date.year
                guard (1900...9999).contains(year) else { throw ModelError(.invalidValue, "--year takes a year from 1900 to 9999") }
                let calendar = try calendar(global)
                let (days, provisional) = calendar.holidays(in: year, for: nation)
                let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
                let lines = ["Bank holidays in \(nation.rawValue), \(year)\(provisional ? " (provisional: from the rules; GOV.UK's data ends earlier)" : ""), calendar \(calendar.version):"]
                    + days.map { "  \($0.date)  \(names[$0.date.weekday - 1])  \($0.title)" }
                Rendered(json: Listing(nation: nation, year: year, provisional: provisional, calendarVersion: calendar.version, holidays: days),
                         text: lines.joined(separator: "\n")).print(json: global.json)
            } catch {
                throw Failure.report(error)
            }
        }
    }

    struct Import: NodeCommand {
        static var permission: StaffPermission { .administer }
        static let configuration = CommandConfiguration(
            abstract: "Take a newer GOV.UK bank-holidays.json for this node's deadlines.",
            discussion: "Refuses a file that is not in GOV.UK's format, or that ends before the data in use; nothing changes then.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The file (from https://www.gov.uk/bank-holidays.json), or - for standard input.", valueName: "file"))
        var file: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let text = try Parse.file(file)
            let data = try store.importBankHolidays(Data(text.utf8), by: global.userName)
            let years = Nation.allCases.map { "\($0.rawValue) \(data.years(for: $0).lowerBound)–\(data.years(for: $0).upperBound)" }
            return Rendered(json: ["calendarVersion": data.version], text: "Imported bank holidays \(data.version) (\(years.joined(separator: ", "))).")
        }
    }

    struct NationCommand: NodeCommand {
        static var permission: StaffPermission { .administer }
        static let configuration = CommandConfiguration(
            commandName: "nation",
            abstract: "Show or set the nation whose working days this node's clocks count (default england-and-wales).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("england-and-wales, scotland or northern-ireland; omit to show it.", valueName: "nation")) var nation: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            if let nation { try store.setDefaultNation(try Nation(parsing: nation), by: global.userName) }
            let current = try store.defaultNation()
            return Rendered(json: ["nation": current.rawValue], text: "This node counts working days in \(current.rawValue).")
        }
    }
}

/// The nation named, else the node's default when its store exists, else England and Wales.
func defaultNation(_ text: String?, _ global: GlobalOptions) throws -> Nation {
    if let text { return try Nation(parsing: text) }
    guard FileManager.default.fileExists(atPath: global.storePath) else { return .englandAndWales }
    return try NodeStore.open(at: global.storePath).defaultNation()
}

/// The node's calendar when its store exists, else the data shipped with Triangulate.
private func calendar(_ global: GlobalOptions) throws -> WorkingCalendar {
    guard FileManager.default.fileExists(atPath: global.storePath) else { return .shipped }
    return try NodeStore.open(at: global.storePath).workingCalendar()
}
