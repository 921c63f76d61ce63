import Foundation

/// A horizontal bar chart drawn as SVG on the server: no script, no style attribute (the
/// Content-Security-Policy allows neither), labelled for assistive technology, and always shown
/// beside the same figures as a table.
public struct BarChart: Sendable {
    /// One bar: its label and its value.
    public struct Bar: Sendable {
        public let label: String
        public let value: Int

        /// Makes a bar.
        public init(_ label: String, _ value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// What the chart shows, read out as its name.
    public let title: String
    /// Its bars, top to bottom.
    public let bars: [Bar]

    /// Makes a chart.
    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    /// The chart's SVG markup, every text escaped.
    public var svg: String {
        let rowHeight = 32, labelWidth = 260, barWidth = 420, width = labelWidth + barWidth + 60
        let height = max(1, bars.count) * rowHeight + 8
        let largest = max(1, bars.map(\.value).max() ?? 1)
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" focusable=\"false\">",
            "<title>\(Self.escaped(title))</title>",
        ]
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 4
            let length = bar.value == 0 ? 0 : max(2, bar.value * barWidth / largest)
            parts.append("<text x=\"\(labelWidth - 10)\" y=\"\(y + 20)\" text-anchor=\"end\" font-size=\"16\" fill=\"#0b0c0c\">\(Self.escaped(bar.label))</text>")
            parts.append("<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 10)\" fill=\"#1d70b8\"/>")
            parts.append("<text x=\"\(labelWidth + length + 8)\" y=\"\(y + 20)\" font-size=\"16\" fill=\"#0b0c0c\">\(bar.value)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// Text as XML character data.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
