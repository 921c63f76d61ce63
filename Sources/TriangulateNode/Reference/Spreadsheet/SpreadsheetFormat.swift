import TriangulateModel

/// The file formats the exchanges' spreadsheets are written in.
public enum SpreadsheetFormat: String, Choice {
    /// RFC 4180 CSV, UTF-8 with a byte-order mark, CRLF line ends.
    case csv
    /// An Office Open XML workbook of one sheet.
    case xlsx

    public static let choiceName = "format"
}
