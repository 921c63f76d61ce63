/// The fields of one document type, at one version: what a process declares a shareable
/// document to be, and what a share carries to the hub so that the hub can check changes
/// without knowing the process (Protocol/sync.md, "Document schemas").
public struct DocumentSchema: Hashable, Codable, Sendable {
    /// The type described.
    public let type: DocumentType
    /// The schema's version: a process that changes a document's fields declares a new one.
    public let version: Int
    /// The fields, in declaration order.
    public let fields: [FieldSchema]

    /// Declares a schema.
    public init(_ type: DocumentType, version: Int = 1, _ fields: [FieldSchema]) {
        self.type = type
        self.version = version
        self.fields = fields
    }

    /// The field named `name`, if any.
    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }

    /// `type@version`, as messages name a schema.
    public var name: String { "\(type.rawValue)@\(version)" }

    /// The most fields a schema may declare, and sub-fields a map field may.
    public static let maximumFields = 64

    /// Checks a schema that arrived from elsewhere: a version from 1; 1 to 64 fields with
    /// distinct well-formed names; map fields with 1 to 64 distinct well-formed sub-fields.
    public func check() throws(ModelError) {
        func refuse(_ message: String) -> ModelError { ModelError(.invalidValue, "schema \(type.rawValue): \(message)") }
        guard (1...1_000_000).contains(version) else { throw refuse("its version must be a whole number from 1") }
        guard (1...Self.maximumFields).contains(fields.count) else { throw refuse("declare 1 to \(Self.maximumFields) fields") }
        guard Set(fields.map(\.name)).count == fields.count else { throw refuse("a field is declared twice") }
        for field in fields {
            guard Self.isFieldName(field.name) else { throw refuse("'\(field.name.prefix(40))' is not a field name (letters and digits, starting with a letter)") }
            if case .map(let subfields) = field.kind {
                guard (1...Self.maximumFields).contains(subfields.count), Set(subfields).count == subfields.count,
                      subfields.allSatisfy(Self.isFieldName) else {
                    throw refuse("map field '\(field.name)' needs 1 to \(Self.maximumFields) distinct sub-field names")
                }
            }
        }
    }

    /// Whether `name` is 1 to 48 ASCII letters and digits, starting with a letter.
    public static func isFieldName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        guard (1...48).contains(bytes.count), isLetter(bytes[0]) else { return false }
        return bytes.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
