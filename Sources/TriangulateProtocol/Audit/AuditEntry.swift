import Foundation

/// One entry of the hub's audit log: what happened, to whom, when and on what basis — ids,
/// codes and salted hashes only, never content or personal data. Its leaf bytes are its JSON
/// with sorted keys, so that anyone can recompute the tree from an export.
public struct AuditEntry: Codable, Hashable, Sendable {
    /// What happened: `organisation-added`, `organisation-status`, `token-issued`, `enrolled`,
    /// `share-accepted`, `batch-accepted`, `refused`, `delivered`, `withdrawn`, `purge-acknowledged`.
    public var event: String
    /// When, as the hub's clock had it.
    public var at: Date
    /// The organisation that acted (sender, enrolling organisation, or `operator`).
    public var actor: String
    /// The organisation the event concerns, when another: a recipient, a withdrawn organisation.
    public var subject: String?
    /// The share concerned.
    public var share: String?
    /// The salted hash of the shared document's id (hex): lets an auditor who knows the id
    /// find its entries, and tells nobody else anything.
    public var document: String?
    /// The hub's sequence number of the message concerned (declaration, batch, withdrawal).
    public var message: Int64?
    /// The SHA-256 of what was relayed (a batch's signed bytes), hex.
    public var digest: String?
    /// The basis, class, audience and fields of a share; a status; a refusal's reason.
    public var detail: [String: String]?

    /// Makes an entry.
    public init(event: String, at: Date, actor: String, subject: String? = nil, share: String? = nil, document: String? = nil,
                message: Int64? = nil, digest: String? = nil, detail: [String: String]? = nil) {
        self.event = event
        self.at = at
        self.actor = actor
        self.subject = subject
        self.share = share
        self.document = document
        self.message = message
        self.digest = digest
        self.detail = detail
    }

    /// The entry's leaf bytes: its JSON with keys sorted, no white space, dates in ISO 8601 to the
    /// second — written directly, as the log appends many of them.
    public func encoded() -> Data {
        var fields: [(String, String)] = [("actor", Self.quoted(actor)), ("at", Self.quoted(Self.timestamp(at))), ("event", Self.quoted(event))]
        if let detail {
            let pairs = detail.sorted { $0.key < $1.key }.map { "\(Self.quoted($0.key)):\(Self.quoted($0.value))" }
            fields.append(("detail", "{" + pairs.joined(separator: ",") + "}"))
        }
        if let digest { fields.append(("digest", Self.quoted(digest))) }
        if let document { fields.append(("document", Self.quoted(document))) }
        if let message { fields.append(("message", String(message))) }
        if let share { fields.append(("share", Self.quoted(share))) }
        if let subject { fields.append(("subject", Self.quoted(subject))) }
        let body = fields.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return Data(("{" + body + "}").utf8)
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `2026-11-22T08:00:00Z`.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Reads an entry from its leaf bytes.
    public init(decoding data: Data) throws { self = try WireJSON.decoder().decode(AuditEntry.self, from: data) }
}
