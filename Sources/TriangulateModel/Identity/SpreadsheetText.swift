import Foundation

/// Text as spreadsheets write and read it, once for every file Triangulate reads or writes: a
/// cell a spreadsheet would run as a formula kept behind an apostrophe, and dates in the forms
/// spreadsheets give them.
public enum SpreadsheetText {
    /// A cell that starts like a formula (`=`, `+`, `-`, `@`) behind an apostrophe; a number
    /// (a whole number such as -5) is left as it is.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.first, "=+-@".contains(first), Int(cell) == nil else { return cell }
        return "'" + cell
    }

    /// A cell without the spaces and line breaks around it. Most cells have none, and a file
    /// holds millions: those are returned as they are without asking Foundation.
    public static func trimmed(_ cell: String) -> String {
        let utf8 = cell.utf8
        guard let first = utf8.first, let last = utf8.last else { return cell }
        func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        guard !plain(first) || !plain(last) else { return cell }
        return cell.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A cell as it was before `neutralised`.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@".contains(second), Int(cell.dropFirst()) == nil else { return cell }
        return String(cell.dropFirst())
    }

    /// A date as spreadsheets write it: `DD/MM/YYYY`, `YYYY-MM-DD`, or an Excel serial day number
    /// from 1 March 1900 (61) on — days since 30 December 1899, Excel's 1900 system.
    public static func date(_ text: String) -> LocalDate? {
        if let day = try? LocalDate(parsing: text) { return day }
        let parts = text.split(separator: "/")
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) {
            return LocalDate(year: year, month: month, day: day)
        }
        if let serial = Double(text), serial >= 61, serial < 2_958_466, serial == serial.rounded(.down) {
            return LocalDate(year: 1900, month: 3, day: 1)?.adding(days: Int(serial) - 61)
        }
        return nil
    }
}
