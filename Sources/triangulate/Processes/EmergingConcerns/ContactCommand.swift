import ArgumentParser
import TriangulateModel
import TriangulateNode

/// `triangulate contact`: records that a partner was contacted.
struct ContactCommand: NodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Record that a partner was contacted to share information, to request it, or both.",
        discussion: "The first contact after the protocol is triggered moves the concern to sharing with partners.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The concern.") var concern: String
    @Option(help: ArgumentHelp("The partner's organisation code.", valueName: "code")) var org: String
    @Option(help: ArgumentHelp("share, request or both.", valueName: "purpose")) var purpose: String
    @Option(help: "The named contact at the partner.") var namedContact: String?
    @Option(help: "How: email, phone, meeting…") var channel: String?
    @Option(name: .customLong("class"), help: ArgumentHelp("What the information revealed: \(PayloadClass.acceptedValues) (default metadata).", valueName: "class"))
    var payloadClass: String = "metadata"
    @Option(help: "The partner's response.") var response: String?
    @Option(help: ArgumentHelp("The day of contact (default today).", valueName: "date")) var on: String?

    func execute(_ store: NodeStore) throws -> Rendered {
        let contact = try store.recordContact(concern, ContactInput(
            partner: try Parse.org(org), purpose: try .parse(purpose), on: try Parse.date(on), namedContact: namedContact,
            channel: channel, payloadClass: try .parse(payloadClass), response: response), by: global.userName)
        return Rendered(json: contact, text: "Recorded contact with \(contact.partner) (\(contact.purpose.rawValue)) on \(contact.contactedOn), id \(contact.id)")
    }
}
