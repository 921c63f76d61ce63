import ArgumentParser
import Foundation
import TriangulateModel
import TriangulateNode

/// `triangulate ombudsman call`: calls passed between LGSCO and CQC (seed 002, "Enhancing the
/// Customer Experience") — recorded, counted monthly, and a callback's message written only
/// once the caller's permission is on record.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Calls passed between LGSCO and CQC: record them, count them monthly, write a callback.",
        discussion: """
            A call is transferred warm, signposted, or passed as a callback. The wait before it was put \
            through is measured against the agreed limit (CQC to LGSCO one minute, LGSCO to CQC thirty \
            seconds). A callback keeps the caller's name, contact number and service provider, with your \
            reference, and only when the time the caller gave permission to share them is recorded \
            (--permission-at). The monthly counts are due within ten working days of the start of the \
            next month.
            """,
        subcommands: [Record.self, List.self, Report.self, Callback.self])

    struct Record: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record a call passed to the other organisation.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("cqc-to-lgsco or lgsco-to-cqc.", valueName: "direction")) var direction: String
        @Option(help: ArgumentHelp("warm-transfer, signpost or callback.", valueName: "handling")) var handling: String
        @Option(help: ArgumentHelp("The day of the call (default today).", valueName: "date")) var on: String?
        @Option(help: ArgumentHelp("How long the caller waited to be put through, in seconds.", valueName: "seconds")) var wait: Int?
        @Option(name: .customLong("permission-at"), help: ArgumentHelp("When the caller gave permission to share their details, YYYY-MM-DDTHH:MM (London).", valueName: "time"))
        var permissionAt: String?
        @Option(help: "The caller's name (a callback only, with permission).") var name: String?
        @Option(help: "The caller's contact number.") var number: String?
        @Option(name: .customLong("service-provider"), help: "The service provider the call is about.") var serviceProvider: String?
        @Option(help: "Your reference for the caller's case.") var reference: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let details = [name, number, serviceProvider, reference]
            let callback = details.allSatisfy({ $0 == nil }) ? nil
                : CallTransfer.Callback(name: name ?? "", contactNumber: number ?? "", serviceProvider: serviceProvider ?? "", senderReference: reference ?? "")
            let permission = try permissionAt.map { text -> Date in
                let moment = try LondonMoment(parsing: text)
                guard moment.minuteOfDay != nil else { throw NodeError(.invalidInput, "give the time of day too: YYYY-MM-DDTHH:MM") }
                return moment.instant
            }
            let call = try store.recordCall(direction: try .parse(direction), handling: try .parse(handling), on: try on.map { try LocalDate(parsing: $0) } ?? store.today,
                                            waitSeconds: wait, permissionAt: permission, callback: callback, by: global.userName)
            return Rendered(json: call, text: "Recorded call \(call.id.suffix(8)): \(call.direction.rawValue), \(call.handling.rawValue)\(call.waitExceeded ? ", waited longer than agreed" : "").")
        }
    }

    struct List: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "List a month's calls.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let calls = try store.calls(month: month)
            let rows = calls.map { [String($0.id.suffix(8)), $0.on.description, $0.direction.rawValue, $0.handling.rawValue,
                                    $0.waitSeconds.map { "\($0)s" } ?? "-", $0.waitExceeded ? "yes" : "no", $0.callback == nil ? "no" : "yes"] }
            return Rendered(json: calls, text: calls.isEmpty ? "No call recorded in \(month)."
                : TextTable.render(["CALL", "ON", "DIRECTION", "HANDLING", "WAIT", "TOO LONG", "CALLBACK"], rows))
        }
    }

    struct Report: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Count a month's calls each way, with the day the counts are due.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let counts = try store.callCounts(month: month)
            let rows = CallTransfer.Direction.allCases.map { direction in
                [direction.rawValue] + CallTransfer.Handling.allCases.map { "\(counts.counts[direction.rawValue]?[$0.rawValue] ?? 0)" }
                    + ["\(counts.waitsExceeded[direction.rawValue] ?? 0)"]
            }
            return Rendered(json: counts, text: "Calls in \(counts.month), due by \(counts.due):\n"
                + TextTable.render(["DIRECTION"] + CallTransfer.Handling.allCases.map { $0.rawValue.uppercased() } + ["WAITED TOO LONG"], rows))
        }
    }

    struct Callback: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Write a call's callback message: reference, name, contact number and service provider only.")
        static let permission = StaffPermission.read
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The call (its id, or the last eight characters `call list` shows).") var call: String

        func execute(_ store: NodeStore) throws -> Rendered {
            let message = try store.callbackMessage(call)
            return Rendered(json: ["message": message], text: message)
        }
    }
}
