import Foundation

/// A fast streaming reader of the XML a spreadsheet saves: elements, their attributes and their
/// text, for parts of hundreds of megabytes (a monthly directory's sheet holds millions of
/// cells, which the platform's `XMLParser` reads at a few microseconds each). It reads what
/// spreadsheet applications write — elements with prefixes, attributes in either quotes, the
/// five named entities and numeric character references, CDATA, comments and processing
/// instructions — and refuses what is not well formed: a tag that does not close, an end tag
/// that does not match, a document cut short. It never reads a DTD or resolves an entity from
/// outside the file.
struct XMLScanner {
    /// What the scanner found.
    enum Event {
        /// An element opened: its local name (no prefix) and its attributes' bytes.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        /// An element closed: its local name.
        case end(name: Range<Int>)
        /// Text between tags, entities still encoded (`text(_:)` decodes it).
        case text(Range<Int>)
        /// The text of a CDATA section, as it is.
        case cdata(Range<Int>)
    }

    private let bytes: [UInt8]
    private var position = 0
    private var open: [Range<Int>] = []
    /// The part's name, for messages.
    private let part: String

    /// A scanner of `data`, which is `part` of a workbook.
    init(_ data: Data, part: String) {
        bytes = [UInt8](data)
        self.part = part
    }

    /// The next event, or nil at the end of a well-formed document. Comments and instructions
    /// are skipped in a loop, never by recursion: a file of millions of them cannot exhaust the stack.
    mutating func next() throws -> Event? {
        while true {
            guard position < bytes.count else {
                guard open.isEmpty else { throw refusal("it ends before its elements close") }
                return nil
            }
            guard bytes[position] == UInt8(ascii: "<") else {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                return .text(start..<position)
            }
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            if next == UInt8(ascii: "?") {
                position = try after("?>", from: position + 2)
                continue
            }
            if next == UInt8(ascii: "!") {
                if matches("<![CDATA[", at: position) {
                    let start = position + 9
                    let end = try after("]]>", from: start)
                    position = end
                    return .cdata(start..<(end - 3))
                }
                if matches("<!--", at: position) {
                    position = try after("-->", from: position + 4)
                    continue
                }
                throw refusal("it declares a document type, which is never read")
            }
            if next == UInt8(ascii: "/") {
                let name = try localName(from: position + 2)
                var cursor = name.fullEnd
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else { throw refusal("an end tag does not close") }
                guard let last = open.popLast(), bytes[last] == bytes[name.full] else { throw refusal("an end tag does not match its element") }
                position = cursor + 1
                return .end(name: name.local)
            }
            let name = try localName(from: position + 1)
            var cursor = name.fullEnd
            var quote: UInt8 = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "<") {
                    throw refusal("a tag does not close")
                }
                cursor += 1
            }
            guard cursor < bytes.count else { throw refusal("a tag does not close") }
            let selfClosing = bytes[cursor - 1] == UInt8(ascii: "/")
            let attributes = name.fullEnd..<(selfClosing ? cursor - 1 : cursor)
            if !selfClosing { open.append(name.full) }
            position = cursor + 1
            return .start(name: name.local, attributes: attributes, selfClosing: selfClosing)
        }
    }

    /// Whether the bytes in `range` are `name`.
    func isName(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { expected in
            for (offset, byte) in expected.enumerated() where bytes[range.lowerBound + offset] != byte { return false }
            return true
        }
    }

    /// The value of attribute `name` (by its local name) among `range`, decoded, or nil.
    func attribute(_ name: StaticString, in range: Range<Int>) -> String? {
        attributeRange(name, in: range).map(text)
    }

    /// The bytes of the value of attribute `name` (by its local name) among `range`, still
    /// encoded, or nil.
    func attributeRange(_ name: StaticString, in range: Range<Int>) -> Range<Int>? {
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            while cursor < range.upperBound, isSpace(bytes[cursor]) { cursor += 1 }
            let nameStart = cursor
            var localStart = cursor
            while cursor < range.upperBound, bytes[cursor] != UInt8(ascii: "="), !isSpace(bytes[cursor]) {
                if bytes[cursor] == UInt8(ascii: ":") { localStart = cursor + 1 }
                cursor += 1
            }
            let localName = localStart..<cursor
            while cursor < range.upperBound, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != UInt8(ascii: "'") { cursor += 1 }
            guard cursor < range.upperBound, cursor > nameStart else { return nil }
            let quote = bytes[cursor]
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < range.upperBound, bytes[cursor] != quote { cursor += 1 }
            if isName(localName, name) { return valueStart..<cursor }
            cursor += 1
        }
        return nil
    }

    /// The column index of a cell reference such as `AB12` in `range` (27), or nil.
    func columnIndex(_ range: Range<Int>) -> Int? {
        var index = 0, letters = 0
        for byte in bytes[range] {
            guard (65...90).contains(byte) || (97...122).contains(byte) else { break }
            index = index * 26 + Int(byte & 0x1F)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// The text of `range`, its entities and character references decoded.
    func text(_ range: Range<Int>) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let byte = bytes[cursor]
            guard byte == UInt8(ascii: "&"), let semicolon = bytes[cursor..<min(range.upperBound, cursor + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                out.append(byte)
                cursor += 1
                continue
            }
            let entity = String(decoding: bytes[(cursor + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(scalar).utf8))
                cursor = semicolon + 1
            } else {
                out.append(byte)
                cursor += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Helpers

    /// A tag's name from `start`: all of it (for matching its end tag) and its local part.
    private func localName(from start: Int) throws -> (full: Range<Int>, local: Range<Int>, fullEnd: Int) {
        var cursor = start
        var local = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            if byte == UInt8(ascii: ":") { local = cursor + 1 }
            cursor += 1
        }
        guard cursor > start, cursor < bytes.count else { throw refusal("a tag has no name") }
        return (start..<cursor, local..<cursor, cursor)
    }

    /// The position just after the next `terminator` from `start`.
    private func after(_ terminator: StaticString, from start: Int) throws -> Int {
        var cursor = start
        while cursor < bytes.count {
            if matches(terminator, at: cursor) { return cursor + terminator.utf8CodeUnitCount }
            cursor += 1
        }
        throw refusal("it ends inside a comment, a CDATA section or an instruction")
    }

    private func matches(_ text: StaticString, at start: Int) -> Bool {
        guard start + text.utf8CodeUnitCount <= bytes.count else { return false }
        return text.withUTF8Buffer { expected in
            for (offset, byte) in expected.enumerated() where bytes[start + offset] != byte { return false }
            return true
        }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private func refusal(_ why: String) -> NodeError {
        NodeError(.invalidInput, "\(part) in the workbook is not well-formed XML: \(why) (at byte \(position))")
    }
}
