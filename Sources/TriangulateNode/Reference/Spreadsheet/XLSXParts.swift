import Foundation

/// Attribute lookups in the workbook's small parts.
enum XLSXElements {
    /// The attribute `name` (by its local name, e.g. `id` for `r:id`) of the first element `element`.
    static func firstAttribute(_ name: StaticString, ofElement element: StaticString, in data: Data) throws -> String? {
        var scanner = XMLScanner(data, part: "xl/workbook.xml")
        while let event = try scanner.next() {
            if case .start(let tag, let attributes, _) = event, scanner.isName(tag, element) { return scanner.attribute(name, in: attributes) }
        }
        return nil
    }

    /// The `Target` of the relationship whose `Id` is `id`.
    static func target(ofRelationship id: String, in data: Data) throws -> String? {
        var scanner = XMLScanner(data, part: "xl/_rels/workbook.xml.rels")
        while let event = try scanner.next() {
            if case .start(_, let attributes, _) = event, scanner.attribute("Id", in: attributes) == id { return scanner.attribute("Target", in: attributes) }
        }
        return nil
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, its runs joined, phonetic guides left out.
enum XLSXSharedStrings {
    static func parse(_ data: Data) throws -> [String] {
        var scanner = XMLScanner(data, part: "xl/sharedStrings.xml")
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        while let event = try scanner.next() {
            switch event {
            case .start(let name, _, let selfClosing):
                if scanner.isName(name, "si") {
                    current = ""
                    if selfClosing { strings.append("") }
                } else if scanner.isName(name, "t") {
                    inText = !selfClosing
                } else if scanner.isName(name, "rPh") {
                    inPhonetic = !selfClosing
                }
            case .end(let name):
                if scanner.isName(name, "si") {
                    strings.append(XLSXText.unescaped(current))
                } else if scanner.isName(name, "t") {
                    inText = false
                } else if scanner.isName(name, "rPh") {
                    inPhonetic = false
                }
            case .text(let range):
                if inText && !inPhonetic { current += scanner.text(range) }
            case .cdata(let range):
                if inText && !inPhonetic { current += scanner.text(range) }
            }
        }
        return strings
    }
}

/// A worksheet's rows: each `<row r>` with its cells placed by their references, gaps empty.
enum XLSXSheetReader {
    static func rows(of data: Data, sharedStrings: [String]) throws -> [(number: Int, cells: [String])] {
        var scanner = XMLScanner(data, part: "the worksheet")
        var rows: [(number: Int, cells: [String])] = []
        var cells: [String] = []
        var rowNumber = 0
        enum CellType { case number, shared, text, boolean }
        var column = 0, type = CellType.number
        var value = "", inValue = false, inPhonetic = false
        func finishCell() throws {
            var text = value
            switch type {
            case .shared:
                guard let index = Int(value), sharedStrings.indices.contains(index) else {
                    throw NodeError(.invalidInput, "the workbook is damaged: row \(rowNumber) names shared string '\(value.prefix(12))', which the workbook does not have")
                }
                text = sharedStrings[index]
            case .text: text = XLSXText.unescaped(value)
            case .boolean: text = value == "1" ? "TRUE" : "FALSE"
            case .number: break
            }
            guard column < 16_384 else { return }
            if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
            cells[column] = text
        }
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if scanner.isName(name, "row") {
                    rowNumber = scanner.attribute("r", in: attributes).flatMap { Int($0) } ?? rowNumber + 1
                    cells = []
                    if selfClosing { rows.append((rowNumber, [])) }
                } else if scanner.isName(name, "c") {
                    column = scanner.attributeRange("r", in: attributes).flatMap(scanner.columnIndex) ?? cells.count
                    type = scanner.attributeRange("t", in: attributes).map { range in
                        scanner.isName(range, "s") ? .shared : scanner.isName(range, "b") ? .boolean
                            : scanner.isName(range, "inlineStr") || scanner.isName(range, "str") ? .text : .number
                    } ?? .number
                    value = ""
                    if selfClosing { try finishCell() }
                } else if scanner.isName(name, "v") || scanner.isName(name, "t") {
                    inValue = !selfClosing
                } else if scanner.isName(name, "rPh") {
                    inPhonetic = !selfClosing
                }
            case .end(let name):
                if scanner.isName(name, "v") || scanner.isName(name, "t") {
                    inValue = false
                } else if scanner.isName(name, "rPh") {
                    inPhonetic = false
                } else if scanner.isName(name, "c") {
                    try finishCell()
                } else if scanner.isName(name, "row") {
                    rows.append((rowNumber, cells))
                }
            case .text(let range), .cdata(let range):
                if inValue && !inPhonetic { value += scanner.text(range) }
            }
        }
        return rows
    }
}
