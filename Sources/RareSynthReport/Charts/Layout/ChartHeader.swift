/// The title line and the legend above a chart's plot area.
///
/// Legends sit in their own band above the data, never inside the plot, so they cannot hide
/// anything; the band wraps onto more rows when the entries do not fit on one.
struct ChartHeader {
    static let titleSize = 14.0
    static let legendSize = 12.0
    static let legendRowHeight = 18.0
    static let padding = 12.0

    /// How a legend entry shows its series.
    enum Swatch {
        case box(color: String, opacity: Double)
        case line(color: String, dashed: Bool)
        case dot(color: String)
        case band(color: String, dashed: Bool)
    }

    struct LegendEntry {
        var label: String
        var swatch: Swatch
    }

    /// Writes the title and legend for a chart `width` wide; returns the y where the plot may start.
    static func draw(title: String, legend: [LegendEntry], width: Double, into w: inout SVGWriter) -> Double {
        var y = padding
        if !title.isEmpty {
            let shown = TextMetrics.truncated(title, toWidth: width - 2 * padding, fontSize: titleSize)
            w.text(shown, fullText: title, ["x": .n(padding), "y": .n(y + titleSize), "font-size": .n(titleSize),
                                            "font-weight": "600"])
            y += titleSize + 8
        }
        guard !legend.isEmpty else { return y + 4 }
        // Lay entries out left to right, wrapping; each is swatch (22) + gap (6) + label + gap (16).
        let maxLabel = width - 2 * padding - 28
        var rows: [[(LegendEntry, String, Double)]] = [[]]
        var rowWidth = 0.0
        for entry in legend {
            let label = TextMetrics.truncated(entry.label, toWidth: maxLabel, fontSize: legendSize)
            let entryWidth = 28 + TextMetrics.width(label, fontSize: legendSize) + 16
            if rowWidth + entryWidth > width - 2 * padding && !rows[rows.count - 1].isEmpty {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append((entry, label, entryWidth))
            rowWidth += entryWidth
        }
        for row in rows {
            var x = padding
            let mid = y + legendRowHeight / 2
            for (entry, label, entryWidth) in row {
                drawSwatch(entry.swatch, x: x, midY: mid, into: &w)
                w.text(label, fullText: entry.label, ["x": .n(x + 28), "y": .n(mid + 4), "font-size": .n(legendSize)])
                x += entryWidth
            }
            y += legendRowHeight
        }
        return y + 6
    }

    static func drawSwatch(_ swatch: Swatch, x: Double, midY: Double, into w: inout SVGWriter) {
        switch swatch {
        case .box(let color, let opacity):
            w.element("rect", ["x": .n(x + 4), "y": .n(midY - 6), "width": 14, "height": 12, "fill": .text(color),
                               "fill-opacity": .n(opacity), "stroke": .text(color), "stroke-width": 1])
        case .line(let color, let dashed):
            if dashed {
                w.element("line", ["x1": .n(x), "y1": .n(midY), "x2": .n(x + 22), "y2": .n(midY), "stroke": .text(color),
                                   "stroke-width": 2.5, "stroke-dasharray": "6 3"])
            } else {
                w.element("line", ["x1": .n(x), "y1": .n(midY), "x2": .n(x + 22), "y2": .n(midY), "stroke": .text(color),
                                   "stroke-width": 2.5])
            }
        case .dot(let color):
            w.element("circle", ["cx": .n(x + 11), "cy": .n(midY), "r": 4.5, "fill": .text(color), "fill-opacity": 0.7])
        case .band(let color, let dashed):
            w.element("rect", ["x": .n(x), "y": .n(midY - 6), "width": 22, "height": 12, "fill": .text(color),
                               "fill-opacity": 0.18])
            drawSwatch(.line(color: color, dashed: dashed), x: x, midY: midY, into: &w)
        }
    }
}
