import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate request`: information requests, made or received, and their answers.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Record information requests and their answers, including declines.",
        subcommands: [Add.self, List.self, Step.Send.self, Step.Ack.self, Answer.self, Decline.self, Step.Withdraw.self])

    struct Add: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record a request made to a partner (--to) or received from one (--from).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The concern.") var concern: String
        @Option(help: ArgumentHelp("The partner asked.", valueName: "code")) var to: String?
        @Option(help: ArgumentHelp("The partner asking.", valueName: "code")) var from: String?
        @Option(help: "The question, minimised.") var question: String
        @Option(help: ArgumentHelp("When an answer is due.", valueName: "date")) var due: String?
        @Option(help: "The legal gateway relied on, e.g. HSCA2008-s64.") var gateway: String?
        @Flag(help: "Keep an outgoing request as a draft, not yet sent.") var draft = false
        @Option(help: ArgumentHelp("The day of the request (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            let direction: InformationRequest.Direction
            let counterpart: String
            switch (to, from) {
            case (let to?, nil): (direction, counterpart) = (.outgoing, to)
            case (nil, let from?): (direction, counterpart) = (.incoming, from)
            default: throw ModelError(.invalidValue, "give exactly one of --to ORG (a request you make) or --from ORG (a request you received)")
            }
            let request = try store.addRequest(concern, RequestInput(
                direction: direction, counterpart: try Parse.org(counterpart), question: question, on: try Parse.date(on),
                dueBy: try Parse.optionalDate(due), legalGateway: gateway, draft: draft), by: global.userName)
            return Rendered(json: request, text: "Recorded " + Describe.request(request) + "  id \(request.id)")
        }
    }

    struct List: NodeCommand {
        static var permission: StaffPermission { .read }
        static let configuration = CommandConfiguration(abstract: "List information requests.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only requests still waiting for an answer.") var open = false

        func execute(_ store: NodeStore) throws -> Rendered {
            let requests = try store.listRequests(openOnly: open)
            return Rendered(json: requests, text: requests.isEmpty ? "No requests." : requests.map(Describe.request).joined(separator: "\n"))
        }
    }

    /// Steps that need nothing but the request and a date.
    enum Step {
        struct Send: NodeCommand {
            static let configuration = CommandConfiguration(commandName: "send", abstract: "Send a drafted request.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The request, e.g. ECP-2026-0001/R1.") var request: String
            @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?
            func execute(_ store: NodeStore) throws -> Rendered {
                try advance(store, request, .send, RequestUpdate(on: try Parse.date(on)), global)
            }
        }

        struct Ack: NodeCommand {
            static let configuration = CommandConfiguration(commandName: "ack", abstract: "Record that a request was acknowledged.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The request.") var request: String
            func execute(_ store: NodeStore) throws -> Rendered {
                try advance(store, request, .acknowledge, RequestUpdate(on: try Parse.date(nil)), global)
            }
        }

        struct Withdraw: NodeCommand {
            static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw a request.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The request.") var request: String
            func execute(_ store: NodeStore) throws -> Rendered {
                try advance(store, request, .withdraw, RequestUpdate(on: try Parse.date(nil)), global)
            }
        }
    }

    struct Answer: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record the answer to a request, in full or in part.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request.") var request: String
        @Option(help: "A summary of the answer.") var summary: String
        @Flag(help: "The answer is partial.") var partial = false
        @Option(name: .customLong("class"), help: ArgumentHelp("What the answer revealed: \(PayloadClass.acceptedValues).", valueName: "class"))
        var payloadClass: String = "metadata"
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            try advance(store, request, partial ? .answerPartially : .answer,
                        RequestUpdate(on: try Parse.date(on), summary: summary, payloadClass: try .parse(payloadClass)), global)
        }
    }

    struct Decline: NodeCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a request was declined, with the reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request.") var request: String
        @Option(help: "Why, e.g. statutory restriction or information not held.") var reason: String
        @Option(help: ArgumentHelp("The day (default today).", valueName: "date")) var on: String?

        func execute(_ store: NodeStore) throws -> Rendered {
            try advance(store, request, .decline, RequestUpdate(on: try Parse.date(on), reason: reason), global)
        }
    }
}

private func advance(_ store: NodeStore, _ reference: String, _ event: RequestLifecycle.Event, _ update: RequestUpdate,
                     _ global: GlobalOptions) throws -> Rendered {
    let request = try store.advanceRequest(reference, event, update, by: global.userName)
    return Rendered(json: request, text: Describe.request(request))
}
