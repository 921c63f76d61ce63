import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A streaming reader of one XML part of a workbook: the element events a part's parser needs,
/// with no entity ever resolved from outside the file.
private final class XMLEvents: NSObject, XMLParserDelegate {
    var onStart: (String, [String: String]) -> Void = { _, _ in }
    var onEnd: (String) -> Void = { _ in }
    var onText: (String) -> Void = { _ in }
    /// Elements open: a part that ends with some open is cut short.
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        onStart(Self.local(name), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        onEnd(Self.local(name))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { onText(string) }

    /// Parses `data`; throws naming `part` when it is not well-formed XML. (Some platforms'
    /// parsers report success with an error set, or none for a document cut short: all three
    /// are checked.) The bytes are streamed to the parser: given at once, a part over ten
    /// megabytes — every real monthly directory — fails on Linux's libxml2.
    func parse(_ data: Data, part: String) throws {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        guard parser.parse(), parser.parserError == nil, depth == 0 else {
            throw NodeError(.invalidInput, "\(part) in the workbook is not well-formed XML (line \(parser.lineNumber))")
        }
    }

    /// `t` for `x:t`.
    private static func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }
}

/// Attribute lookups in the workbook's small parts.
enum XLSXElements {
    /// The attribute `name` (any prefix, e.g. `r:id`) of the first element `element`.
    static func firstAttribute(_ name: String, ofElement element: String, in data: Data) -> String? {
        var found: String?
        let events = XMLEvents()
        events.onStart = { tag, attributes in
            guard found == nil, tag == element else { return }
            found = attributes.first { $0.key == name || $0.key.hasSuffix(":" + name) }?.value
        }
        try? events.parse(data, part: "the workbook")
        return found
    }

    /// The attribute `name` of the first element whose attribute `key` is `value`.
    static func attribute(_ name: String, ofElementWhere key: String, equals value: String, in data: Data) -> String? {
        var found: String?
        let events = XMLEvents()
        events.onStart = { _, attributes in
            if found == nil, attributes[key] == value { found = attributes[name] }
        }
        try? events.parse(data, part: "the workbook's relationships")
        return found
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, its runs joined, phonetic guides left out.
enum XLSXSharedStrings {
    static func parse(_ data: Data) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        let events = XMLEvents()
        events.onStart = { tag, _ in
            switch tag {
            case "si": current = ""
            case "t": inText = true
            case "rPh": inPhonetic = true
            default: break
            }
        }
        events.onEnd = { tag in
            switch tag {
            case "si": strings.append(XLSXText.unescaped(current))
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
        events.onText = { text in if inText && !inPhonetic { current += text } }
        try events.parse(data, part: "xl/sharedStrings.xml")
        return strings
    }
}

/// A worksheet's rows: each `<row r>` with its cells placed by their references, gaps empty.
enum XLSXSheetReader {
    static func rows(of data: Data, sharedStrings: [String]) throws -> [(number: Int, cells: [String])] {
        var rows: [(number: Int, cells: [String])] = []
        var cells: [String] = []
        var rowNumber = 0
        var cellColumn = 0, cellType = "n"
        var value = "", inValue = false, inRubyPhonetic = false
        var problem: String?
        let events = XMLEvents()
        events.onStart = { tag, attributes in
            switch tag {
            case "row":
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = []
            case "c":
                cellColumn = attributes["r"].flatMap(XLSXWorkbook.columnIndex(of:)) ?? cells.count
                cellType = attributes["t"] ?? "n"
                value = ""
            case "v", "t": inValue = true
            case "rPh": inRubyPhonetic = true
            default: break
            }
        }
        events.onEnd = { tag in
            switch tag {
            case "v", "t": inValue = false
            case "rPh": inRubyPhonetic = false
            case "c":
                var text = value
                if cellType == "s" {
                    if let index = Int(value), sharedStrings.indices.contains(index) {
                        text = sharedStrings[index]
                    } else {
                        problem = problem ?? "row \(rowNumber) names shared string '\(value.prefix(12))', which the workbook does not have"
                    }
                } else if cellType == "inlineStr" || cellType == "str" {
                    text = XLSXText.unescaped(value)
                } else if cellType == "b" {
                    text = value == "1" ? "TRUE" : "FALSE"
                }
                guard cellColumn < 16_384 else { return }
                if cells.count <= cellColumn { cells += Array(repeating: "", count: cellColumn + 1 - cells.count) }
                cells[cellColumn] = text
            case "row": rows.append((rowNumber, cells))
            default: break
            }
        }
        events.onText = { text in if inValue && !inRubyPhonetic { value += text } }
        try events.parse(data, part: "the worksheet")
        if let problem { throw NodeError(.invalidInput, "the workbook is damaged: \(problem)") }
        return rows
    }
}
